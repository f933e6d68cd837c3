/** The production server's own promises: caching, compression, CSP and the SPA fallback (prod project only). */
import { expect, test } from './fixtures';

test('serves hashed assets for a year, index.html uncached, compressed, with a same-origin CSP', async ({
  page,
  request,
}) => {
  const index = await request.get('/tasks/some-task-id', { headers: { 'accept-encoding': 'gzip' } });
  expect(index.status()).toBe(200);
  expect(index.headers()['content-type']).toContain('text/html');
  expect(index.headers()['cache-control']).toBe('no-cache');
  const csp = index.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/unsafe-eval/);
  const html = await index.text();
  const asset = /\/assets\/[^"']+\.js/.exec(html)?.[0];
  expect(asset, 'index.html references a hashed script').toBeTruthy();
  const js = await request.get(asset!, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(js.headers()['cache-control']).toContain('immutable');
  expect(js.headers()['content-encoding']).toMatch(/^(br|gzip)$/);

  // The built app runs under that CSP with no console errors (the fixture fails the test on any).
  await page.goto('/tasks');
  await expect(page.getByRole('table').first()).toBeVisible();
});
