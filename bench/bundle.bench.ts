/**
 * Bundle figures: the gzip size of what the first page loads (index.html's module script, its static imports and
 * modulepreloads, and its stylesheets) and of the whole build. Builds into a temporary folder unless dist/ is
 * fresher than every source file (then dist/ is read as it is).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

export const FIRST_PAGE_BUDGET_KB = 200;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** dist/ is fresh when its index.html is newer than every input of the build. */
export function distIsFresh(dist = join(root, 'dist')): boolean {
  const built = join(dist, 'index.html');
  if (!existsSync(built)) return false;
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) =>
    join(root, p),
  );
  return statSync(built).mtimeMs > Math.max(...inputs.map(newestMtime));
}

/** Runs `vite build` (the project's vite.config.ts) into `outDir`. */
export async function buildInto(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // A production build whatever runs this (vitest sets NODE_ENV=test, which would make React's dev build).
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

const gz = (buffer: Buffer) => gzipSync(buffer).length;

/** Files (relative to the build folder) that index.html makes the browser load before the app runs. */
export function firstPageFiles(dist: string): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1];
  const js = new Set<string>();
  const css = new Set<string>();
  const local = (url: string) => url.replace(/^\//, '').split('?')[0]!;
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    if (/type\s*=\s*["']module["']/.test(tag) && attr(tag, 'src')) js.add(local(attr(tag, 'src')!));
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') js.add(local(href));
    if (rel === 'stylesheet') css.add(local(href));
  }
  // Follow static imports (not dynamic `import()`) of those chunks, in case a preload link is missing.
  const queue = [...js];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(
      /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    )) {
      const target = posix.normalize(posix.join(posix.dirname(file), match[1]!));
      if (!js.has(target)) {
        js.add(target);
        queue.push(target);
      }
    }
  }
  return { js: [...js].sort(), css: [...css].sort() };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export function measure(dist: string): Figure[] {
  const { js, css } = firstPageFiles(dist);
  const size = (files: string[]) => files.reduce((sum, f) => sum + gz(readFileSync(join(dist, f))), 0);
  const firstJs = size(js);
  const firstCss = size(css);
  const shipped = allFiles(dist).filter((f) => /\.(js|css|html)$/.test(f));
  const total = shipped.reduce((sum, f) => sum + gz(readFileSync(f)), 0);
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return [
    {
      name: 'bundle first page (JS + CSS, gzip)',
      value: kb(firstJs + firstCss),
      unit: 'KB',
      target: `< ${FIRST_PAGE_BUDGET_KB} KB`,
    },
    { name: 'bundle first page JS (gzip)', value: kb(firstJs), unit: 'KB' },
    { name: 'bundle first page CSS (gzip)', value: kb(firstCss), unit: 'KB' },
    { name: 'bundle first page files', value: js.length + css.length, unit: 'files' },
    { name: 'bundle whole build (JS + CSS + HTML, gzip)', value: kb(total), unit: 'KB' },
    { name: 'bundle whole build files', value: shipped.length, unit: 'files' },
  ];
}

export async function run(): Promise<Figure[]> {
  const dist = join(root, 'dist');
  if (distIsFresh(dist)) return measure(dist);
  const out = mkdtempSync(join(tmpdir(), 'drs-bundle-'));
  try {
    const t0 = Date.now();
    await buildInto(out);
    const seconds = (Date.now() - t0) / 1000;
    return [...measure(out), { name: 'bundle vite build time', value: seconds, unit: 's' }];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// `node --import tsx bench/bundle.bench.ts` prints the figures on their own.
if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  for (const f of await run())
    console.log(`${f.name}: ${f.value} ${f.unit}${f.target ? ` (target ${f.target})` : ''}`);
}
