import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/**
 * The speed-limit dialog (the task list's action bar, the task detail's settings tab), once it is open: enters two
 * time ranges that share hours (range 1 from 00 to 05, range 2 from 03 on), checks that the dialog names the
 * overlap and that submitting sends nothing (no outcome shown). Returns the dialog, still open, for the test to
 * correct the ranges.
 */
export async function expectOverlappingRangesRefused(page: Page): Promise<Locator> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Add time range' }).click();
  await dialog.getByLabel('Range 1 To (UTC)').selectOption('5');
  await dialog.getByRole('button', { name: 'Add time range' }).click();
  await dialog.getByLabel('Range 2 From (UTC)').selectOption('3');
  await expect(dialog.getByTestId('speed-range-error')).toHaveText(
    'Overlaps range 1: ranges may not cover the same hour.',
  );
  await dialog.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-outcome')).toHaveCount(0);
  return dialog;
}
