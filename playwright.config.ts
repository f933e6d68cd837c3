import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download does not work on our machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 5198);

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
  projects: [{ name: 'dev', use: { ...devices['Desktop Chrome'] } }],
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
  ],
});
