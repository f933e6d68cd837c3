/**
 * Batch creation (`/create/batch`): how long the in-browser checks take for large inputs — parsing and validating
 * 1,000 CSV rows and 1,000 JSON jobs, row by row (the page re-validates on every edit, deferred). Node, same code
 * as the browser (model/batch). Median of 5 runs.
 */
import { performance } from 'node:perf_hooks';
import { csvTemplate } from '../src/features/create/model/batch/csv';
import { readBatchInput } from '../src/features/create/model/batch/input';

const ROWS = 1_000;

function median(fn: () => void, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function run() {
  const [header, row] = csvTemplate().trimEnd().split('\n');
  const lines = [header!];
  for (let i = 0; i < ROWS; i += 1) lines.push(row!.replace('orders-to-rds', `orders-${i}`));
  const csv = `${lines.join('\n')}\n`;
  const jobs = readBatchInput(csv).rows.map((r) => r.job);
  const json = JSON.stringify({ jobs });
  const check = readBatchInput(json);
  if (check.rows.length !== ROWS || check.rows.some((r) => r.issues.length))
    throw new Error('bench input invalid');
  return [
    {
      name: `batch create: parse + validate ${ROWS} CSV rows`,
      value: Math.round(median(() => readBatchInput(csv))),
      unit: 'ms',
      target: '< 500 ms',
    },
    {
      name: `batch create: parse + validate ${ROWS} JSON jobs`,
      value: Math.round(median(() => readBatchInput(json))),
      unit: 'ms',
      target: '< 500 ms',
    },
  ];
}
