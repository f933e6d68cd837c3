// `npm test`: every check, in order, stopping at the first failure.
// typecheck → generated-API freshness → lint → vitest → Playwright e2e (Debian Chromium),
// then one closing line `N passed, N failed` that counts vitest and Playwright tests together.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const reports = '.test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ['generated API is fresh', 'node', ['--import', 'tsx', 'scripts/gen-api.ts', '--check']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  [
    'unit and integration tests (vitest)',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
  ],
  ['install chromium when missing', 'node', ['scripts/ensure-chromium.mjs']],
  [
    'end-to-end tests (Playwright)',
    'npx',
    ['playwright', 'test'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` },
  ],
];

const started = Date.now();
let failedStep = null;
for (const [title, cmd, args, env] of steps) {
  console.log(`\n=== ${title} ===`);
  const t0 = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  if (result.status !== 0) {
    failedStep = title;
    break;
  }
}

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
  } catch {
    return null;
  }
}
let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(`${reports}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const pw = readJson(`${reports}/playwright.json`);
if (pw?.stats) {
  passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
  failed += pw.stats.unexpected ?? 0;
  skipped += pw.stats.skipped ?? 0;
}
if (failedStep) {
  console.log(
    `\nnpm test stopped: "${failedStep}" failed after ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (failed === 0) failed = 1;
}
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
