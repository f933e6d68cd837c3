import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/** Automated accessibility checks (WCAG 2 A/AA rules of axe-core) of each section, in both colour schemes. */
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    for (const [path, heading] of [
      ['/tasks', 'Tasks'],
      ['/create', 'Create task'],
      ['/comparisons', 'Comparisons'],
      ['/dr', 'DR monitoring'],
      ['/no/such/page', 'Page not found'],
    ] as const) {
      test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
        if (path === '/tasks') await expect(page.getByTestId('task-row').first()).toBeVisible();
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          // The react-query devtools button exists only in development.
          .exclude('.tsqd-parent-container')
          .analyze();
        const violations = results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.any[0]?.message ?? ''}`).slice(0, 5),
        }));
        expect(violations).toEqual([]);
      });
    }
  });
}
