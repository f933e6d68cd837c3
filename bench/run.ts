/**
 * `npm run bench` — every figure the issues ask for, in one table, written to bench/results.json.
 *
 * Each `bench/*.bench.ts` module exports `run(): Promise<Figure[]>`. Figures are measured, never asserted:
 * compare runs with `npm run bench -- --compare old.json` (prints new/old ratios).
 * `npm run bench -- --only bundle` runs the modules whose file name contains "bundle".
 * `npm run bench -- --readme` also writes the table into README.md (the Performance section).
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
/** `--readme`: also write the table into README.md, between the `bench:start` / `bench:end` markers. */
const readme = args.includes('--readme');

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
const when = `${new Date().toISOString()} — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`;
const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
console.log(`\nDRS Console benchmark — ${when}\n`);
for (const row of table) console.log(row);

if (readme) {
  const path = join(here, '..', 'README.md');
  const text = readFileSync(path, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const [before, rest] = text.split(start);
  const after = rest?.split(end)[1];
  if (before === undefined || after === undefined) throw new Error(`README.md lacks ${start} … ${end}`);
  const block = [`Latest run — ${when}:`, '', ...table].join('\n');
  // in the form `npm test`'s format check expects (prettier), so writing the table never fails the build
  const { format, resolveConfig } = await import('prettier');
  const markdown = `${before}${start}\n${block}\n${end}${after}`;
  writeFileSync(path, await format(markdown, { ...(await resolveConfig(path)), filepath: path }));
  console.log('wrote README.md');
}

writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2) + '\n');
console.log(`\nwrote ${out}`);
