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

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
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
    { name: 'dev', testIgnore: /prod-server\.spec\.ts$/, use: { ...devices['Desktop Chrome'] } },
    // The same smoke and secrets suites against the production build (`npm run build && npm run serve`):
    // served dist/, CSP, compression, caching, the same proxy and emulator.
    ...(withProd
      ? [
          {
            name: 'prod',
            testMatch: /(smoke|secrets|prod-server)\.spec\.ts$/,
            use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${PROD_PORT}` },
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
            command: `npx vite build --logLevel warn && node --import tsx server/serve.ts --host localhost --port ${PROD_PORT}`,
            url: `http://localhost:${PROD_PORT}/api/_console/config`,
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
