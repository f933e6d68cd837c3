import { readFile } from 'node:fs/promises';
import { batchJob as job } from './data/batch-jobs';
import { expect, test } from './fixtures';
import { drs, expectAxeCleanInBothSchemes, FIRST_RENDER } from './support';

test.describe('batch creation', () => {
  test.beforeEach(({ emulator }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
  });

  test('one invalid row is located; after fixing it all tasks are created in one call', async ({
    page,
    request,
  }) => {
    await page.goto('/create/batch');
    const input = page.getByTestId('batch-input');
    await expect(input).toBeEditable(FIRST_RENDER);
    const body = {
      jobs: [
        job('e2e-batch-a'),
        job('e2e-batch-b', { net_type: 'eip', bind_eip: false }),
        job('e2e-batch-c'),
      ],
    };
    await input.fill(JSON.stringify(body, null, 2));
    await expect(page.getByTestId('batch-row')).toHaveCount(3);
    const issue = page.getByTestId('batch-issue');
    await expect(issue).toHaveCount(1);
    await expect(issue).toHaveAttribute('data-row', '2');
    await expect(issue).toHaveAttribute('data-field', 'bind_eip');
    await expect(issue).toContainText('With net_type eip, bind_eip must be true.');
    await expect(page.getByTestId('batch-create')).toBeDisabled();

    await expectAxeCleanInBothSchemes(page, 'a row with an issue');

    // the user fixes the row in place
    body.jobs[1] = job('e2e-batch-b');
    await input.fill(JSON.stringify(body, null, 2));
    await expect(page.getByTestId('batch-issue')).toHaveCount(0);
    const creations: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/jobs/batch-creation') creations.push(r.method());
    });
    await page.getByTestId('batch-create').click();
    await expect(page.getByTestId('batch-outcome')).toHaveCount(3);
    await expect(page.locator('[data-testid="batch-outcome"][data-ok="true"]')).toHaveCount(3);
    await expect(page.getByTestId('batch-create')).toBeDisabled();
    expect(creations).toEqual(['POST']);

    const list = await drs<{ jobs: Array<{ name: string }> }>(request, 'POST', '/jobs', {
      db_use_type: 'migration',
      cur_page: 0,
      per_page: 0,
      name: 'e2e-batch-',
    });
    const names = list.jobs.map((j) => j.name).sort();
    expect(names).toEqual(['e2e-batch-a', 'e2e-batch-b', 'e2e-batch-c']);

    // the outcome links to the task
    await page.getByRole('link', { name: 'Open task e2e-batch-a' }).click();
    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]+jb101$/);
  });

  test('the CSV template downloads, and an uploaded CSV with a broken row names its line', async ({
    page,
  }) => {
    await page.goto('/create/batch');
    await expect(page.getByTestId('batch-template-csv')).toBeEnabled(FIRST_RENDER);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('batch-template-csv').click();
    const download = await downloading;
    const template = await readFile((await download.path())!, 'utf8');
    expect(template.split('\n')[0]).toMatch(/^name,db_use_type,engine_type,/);

    const lines = template.trimEnd().split('\n');
    const broken = `${lines[0]}\n${lines[1]!.replace('orders-to-rds', 'e2e-csv-a')}\n${lines[2]!.replace('dr-payments', 'e2e-csv-b').replace('cloudDataGuard,cloudDataGuard-mysql', 'cloudDataGuard,mysql')}\n`;
    await page
      .getByTestId('batch-upload')
      .locator('..')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'tasks.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(broken),
      });
    await expect(page.getByTestId('batch-row')).toHaveCount(2);
    const issue = page.getByTestId('batch-issue');
    await expect(issue).toHaveCount(1);
    await expect(issue).toHaveAttribute('data-field', 'engine_type');
    await expect(issue).toContainText('3'); // line 3 of the file
    await expect(issue).toContainText('This engine is not available for the chosen scenario.');
    await page.getByTestId('batch-create-valid').click();
    await expect(page.locator('[data-testid="batch-outcome"][data-ok="true"]')).toHaveCount(1);
  });
});
