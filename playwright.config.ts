import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download does not work on our machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 5198);
const PROD_PORT = Number(process.env.E2E_PROD_PORT ?? DEV_PORT + 100);
// The production project builds dist/ first. `npm test` runs it; a developer running one spec on their own port
// (`E2E_DEV_PORT=5201 npx playwright test e2e/x.spec.ts`) skips it unless E2E_PROJECTS names it.
const withProd = process.env.E2E_PROJECTS
  ? process.env.E2E_PROJECTS.split(',').includes('prod')
  : !process.env.E2E_DEV_PORT;
const PROD2_PORT = PROD_PORT + 1;

/**
 * `npm test` runs three projects at once, each against its own server with its own embedded emulator (a test
 * resets its emulator, so two tests never share one): `dev` (the Vite dev server: what `npm start` serves),
 * `prod` and `prod2` (the production build served by `npm run serve`'s server). Each project runs one test at a
 * time. The smoke and secrets suites run on both builds; the longer page suites are spread over the two
 * production servers, which answer faster than the dev server compiling on demand. A developer running one spec
 * on their own port runs it on the dev server only.
 */
const PROD_ONLY = /(prod-server|a11y|faults)\.spec\.ts$/;
const PROD2_ONLY =
  /(comparison-history|comparison-report|dr-monitor|dr-wall|keyboard|refresh-errors)\.spec\.ts$/;
const BOTH = /(smoke|secrets)\.spec\.ts$/;
const serve = (port: number) => `node --import tsx server/serve.ts --host localhost --port ${port}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: withProd ? 3 : 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://localhost:${DEV_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'dev',
      workers: 1,
      testIgnore: withProd ? [PROD_ONLY, PROD2_ONLY] : /prod-server\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'] },
    },
    // The production build (`npm run build && npm run serve`): served dist/, CSP, compression, caching, the same
    // proxy and emulator.
    ...(withProd
      ? [
          {
            name: 'prod',
            workers: 1,
            testMatch: [BOTH, PROD_ONLY],
            use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${PROD_PORT}` },
          },
          {
            name: 'prod2',
            workers: 1,
            testMatch: PROD2_ONLY,
            use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${PROD2_PORT}` },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `npx vite --port ${DEV_PORT} --strictPort`,
      url: `http://localhost:${DEV_PORT}/api/_console/config`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { EMULATOR_SEED: '42' },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...(withProd
      ? [
          {
            command: `rm -f dist/.e2e-built && npx vite build --logLevel warn && touch dist/.e2e-built && ${serve(PROD_PORT)}`,
            url: `http://localhost:${PROD_PORT}/api/_console/config`,
            reuseExistingServer: false,
            timeout: 180_000,
            env: { EMULATOR_SEED: '42' },
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
          {
            // the same build, once the first server's build is done (vite build empties dist/ first, so the marker
            // of an earlier build is gone before this looks for it)
            command: `sleep 3; until [ -f dist/.e2e-built ]; do sleep 1; done; ${serve(PROD2_PORT)}`,
            url: `http://localhost:${PROD2_PORT}/api/_console/config`,
            reuseExistingServer: false,
            timeout: 180_000,
            env: { EMULATOR_SEED: '42' },
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});
