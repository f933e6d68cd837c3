import type { Locator, Page } from '@playwright/test';

/** The task list (/tasks). */
export class TasksPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly total: Locator;
  readonly empty: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('tasks-table');
    this.rows = page.getByTestId('task-row');
    this.total = page.getByTestId('tasks-total');
    this.empty = page.getByTestId('tasks-empty');
    this.error = page.getByTestId('drs-error');
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/tasks${search}`);
  }

  row(jobId: string): Locator {
    return this.page.locator(`[data-testid="task-row"][data-job-id="${jobId}"]`);
  }

  /** The status badge of a row (`data-status` holds the raw status, the text is translated). */
  status(row: Locator): Locator {
    return row.locator('[data-status]');
  }

  async goToPage(n: number): Promise<void> {
    await this.page.getByRole('button', { name: String(n), exact: true }).click();
  }
}
