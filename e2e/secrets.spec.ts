/**
 * The token never reaches the browser: everything the page received (response headers and bodies), everything it
 * keeps (localStorage, sessionStorage, cookies) and its DOM are handed to the emulator's leak check, which counts
 * the IAM tokens it issued (the proxy's included) that occur in the text — without ever revealing one.
 */
import { expect, test } from './fixtures';
import { FIRST_RENDER } from './support';

test('no IAM token reaches the browser: responses, storage, cookies and DOM are clean', async ({
  page,
  request,
  emulator,
}) => {
  test.skip(!emulator.available, 'needs the emulator control API');
  test.setTimeout(60_000); // two pages' first renders (task list, DR wall) and the list again
  const seen: string[] = [];
  // Every answer of the console's own server that is not a static source file: /api/…, the documents, the rest.
  page.on('response', async (response) => {
    if (/\/(src|node_modules|@vite|@react-refresh|@fs)\//.test(new URL(response.url()).pathname)) return;
    const headers = JSON.stringify(await response.allHeaders());
    let body = '';
    try {
      body = (await response.body()).toString('utf8');
    } catch {
      // redirects and aborted requests have no body
    }
    seen.push(`${response.url()}\n${headers}\n${body}`);
  });

  await page.goto('/tasks');
  await expect(page.getByTestId('task-table').or(page.getByRole('table')).first()).toBeVisible(FIRST_RENDER);
  await page
    .getByRole('link', { name: /DR monitoring|容灾监控/ })
    .first()
    .click();
  // the DR wall's own calls are answered (and checked) before going back
  await expect(page.getByRole('heading', { level: 2, name: /DR monitoring|容灾监控/ })).toBeVisible(
    FIRST_RENDER,
  );
  await page.goto('/tasks');
  await expect(page.getByRole('table').first()).toBeVisible(FIRST_RENDER);

  const kept = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookies: document.cookie,
    html: document.documentElement.outerHTML,
    url: location.href,
  }));
  const cookies = JSON.stringify(await page.context().cookies());
  const haystack = [...seen, kept.local, kept.session, kept.cookies, kept.html, kept.url, cookies].join('\n');
  expect(seen.some((s) => s.includes('/api/'))).toBe(true);

  const check = await request.post('/__emulator/tokens/find', { data: { haystack } });
  expect(check.ok(), `${check.status()} ${await check.text()}`).toBe(true);
  const { found, issued } = (await check.json()) as { found: number; issued: number };
  expect(issued, 'the proxy signed in to the emulator IAM').toBeGreaterThan(0);
  expect(found, 'IAM tokens found in what the browser received or kept').toBe(0);

  // That the leak check finds a token when one is there is tested in server/emulator/test/auth-control.test.ts.
});
