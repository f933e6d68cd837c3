import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, FIRST_PAGE_BUDGET_KB, firstPageFiles, measure } from './bundle.bench';

describe('firstPageFiles', () => {
  it('takes the module script, modulepreloads, stylesheets and static imports, not dynamic ones', () => {
    const dist = mkdtempSync(join(tmpdir(), 'drs-bundle-fixture-'));
    try {
      mkdirSync(join(dist, 'assets'));
      writeFileSync(
        join(dist, 'index.html'),
        '<html><head><script type="module" crossorigin src="/assets/index.js"></script>' +
          '<link rel="modulepreload" crossorigin href="/assets/pre.js"><link rel="stylesheet" href="/assets/a.css">' +
          '<link rel="icon" href="/favicon.svg"></head></html>',
      );
      writeFileSync(
        join(dist, 'assets/index.js'),
        'import{a as b}from"./dep.js";const p=()=>import("./lazy.js");',
      );
      writeFileSync(join(dist, 'assets/pre.js'), 'export const x=1;');
      writeFileSync(join(dist, 'assets/dep.js'), 'import"./side.js";export{y}from"./re.js";');
      writeFileSync(join(dist, 'assets/side.js'), '');
      writeFileSync(join(dist, 'assets/re.js'), 'export const y=2;');
      writeFileSync(join(dist, 'assets/lazy.js'), 'export default 1;');
      writeFileSync(join(dist, 'assets/a.css'), 'body{color:red}');
      expect(firstPageFiles(dist)).toEqual({
        js: ['assets/dep.js', 'assets/index.js', 'assets/pre.js', 'assets/re.js', 'assets/side.js'],
        css: ['assets/a.css'],
      });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('production build', () => {
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'drs-bundle-build-'));
    await buildInto(dist);
  }, 120_000);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it(`keeps the first page under ${FIRST_PAGE_BUDGET_KB} KB gzip`, () => {
    const [firstPage] = measure(dist);
    expect(firstPage!.unit).toBe('KB');
    expect(firstPage!.value).toBeGreaterThan(50);
    expect(firstPage!.value).toBeLessThan(FIRST_PAGE_BUDGET_KB);
  });

  it('keeps the react-query devtools and Recharts out of the first page', () => {
    const { js } = firstPageFiles(dist);
    for (const file of js) {
      const code = readFileSync(join(dist, file), 'utf8');
      expect(code, file).not.toMatch(/ReactQueryDevtools|recharts-wrapper|recharts-surface/);
    }
  });
});
