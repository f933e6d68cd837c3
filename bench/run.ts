/**
 * `npm run bench` — every figure the issues ask for, in one table, written to bench/results.json.
 *
 * Each `bench/*.bench.ts` module exports `run(): Promise<Figure[]>`. Figures are measured, never asserted:
 * compare runs with `npm run bench -- --compare old.json` (prints new/old ratios).
 * `npm run bench -- --only bundle` runs the modules whose file name contains "bundle".
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, platform, arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = flag('--only');
const compare = flag('--compare');
const out = flag('--out') ?? join(here, 'results.json');

const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

const results: Array<Figure & { module: string }> = [];
for (const file of modules) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<Figure[]> };
  const t0 = Date.now();
  try {
    for (const figure of await mod.run()) results.push({ module: file.replace('.bench.ts', ''), ...figure });
  } catch (error) {
    console.error(`bench ${file} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  console.error(`bench ${file}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  platform: `${platform()} ${arch()}`,
  node: process.version,
};
const old: { results?: Figure[] } | null =
  compare && existsSync(compare) ? JSON.parse(readFileSync(compare, 'utf8')) : null;

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1));
const rows = results.map((r) => {
  const before = old?.results?.find((o) => o.name === r.name);
  const cells = [r.name, `${fmt(r.value)} ${r.unit}`, r.target ?? ''];
  if (compare) cells.push(before ? `${(r.value / before.value).toFixed(2)}×` : 'new');
  return cells;
});
const header = ['figure', 'value', 'target', ...(compare ? ['ratio new/old'] : [])];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(
  `\nDRS Console benchmark — ${new Date().toISOString()} — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`,
);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));

writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2) + '\n');
console.log(`\nwrote ${out}`);
