import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium.mjs';
import { hubAdmin, hubPort, hubUrl } from './test/e2e/hubServer';

const port = Number(process.env.E2E_PORT ?? 4311);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: chromiumLaunch,
    locale: 'en-GB',
    timezoneId: 'Asia/Karachi',
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: 'node scripts/serve-web.mjs',
      env: { PORT: String(port) },
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // A hub with a fresh data folder each run (test/e2e/hubServer.ts), serving the web app too.
      command: 'node test/e2e/startHub.mjs',
      env: { PORT: String(hubPort), HUB_ADMIN_EMAIL: hubAdmin.email, HUB_ADMIN_PASSWORD: hubAdmin.password },
      url: `${hubUrl}health`,
      reuseExistingServer: false,
      timeout: 90_000,
    },
  ],
});
