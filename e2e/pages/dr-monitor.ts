import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { CHART_FIRST_RENDER } from '../support';

/** The DR monitor (/dr/:id): its sampling interval, its stored samples, a page opened with fresh data. */

/** Where the monitor remembers the user's sampling interval (src/features/dr). */
const INTERVAL_STORAGE_KEY = 'drs-console.dr.interval-ms';

/** Samples every second from the next page load on (the user's remembered choice, set before the app starts). */
export async function sampleEverySecond(page: Page): Promise<void> {
  await page.addInitScript((key) => window.localStorage.setItem(key, '1000'), INTERVAL_STORAGE_KEY);
}

/** The number of stored samples the chart summary reports ("… from 1,234 samples"); 0 before the first. */
export async function storedSamples(page: Page): Promise<number> {
  const text = (await page.getByTestId('chart-summary').textContent()) ?? '';
  const match = /from ([\d,]+) samples/.exec(text);
  return match ? Number(match[1]!.replace(/,/g, '')) : 0;
}

/**
 * Opens the monitor of task `id` over the last 5 minutes, sampling every second, and waits until it shows fresh
 * data: the delay chart drawn, at least two samples stored, the freshness line not stale.
 */
export async function openSampledMonitor(page: Page, id: string): Promise<void> {
  await sampleEverySecond(page);
  await page.goto(`/dr/${id}?range=5m`);
  await expect(page.getByTestId('delay-chart')).toBeVisible(CHART_FIRST_RENDER);
  await expect.poll(() => storedSamples(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-stale', 'false', { timeout: 20_000 });
}
