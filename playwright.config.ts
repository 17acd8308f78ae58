import { defineConfig, devices } from '@playwright/test';
import { describeBrowser, resolveBrowser } from './tests/helpers/browser';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${PORT}`;

const browser = await resolveBrowser();
// The config is loaded by the runner and again by each worker: say it once.
if (process.env.TEST_WORKER_INDEX === undefined) console.log(describeBrowser(browser));

/**
 * End-to-end tests in Chromium (see tests/helpers/browser.ts for which one) against the production build (`npm run build` first),
 * served by the real server on a fresh, seeded SQLite file.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser.executablePath,
      args: browser.args,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `rm -rf .cache/e2e && mkdir -p .cache/e2e && NODE_ENV=production PORT=${PORT} APP_URL=${baseURL} DATABASE_PATH=.cache/e2e/sto.db TRUST_PROXY=1 SESSION_SECRET=e2e-secret-that-is-long-enough-0123456789 node build/server-entry.js > .cache/e2e/server.log 2>&1`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    // The server's own output goes to .cache/e2e/server.log, which the security spec reads.
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
