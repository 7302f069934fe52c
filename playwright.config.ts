import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.config';
import { E2E_SECRET_KEY, SERVER_LOG_FILE } from './e2e/support/platform';

const port = Number(process.env['E2E_PORT'] ?? 4317);

/**
 * End-to-end journeys in Debian's Chromium against a freshly started server: the same start
 * command as the README's, on a throwaway data dir.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  projects: [
    { name: 'journeys', testIgnore: /server-logs\.spec\.ts$/ },
    // Runs once every journey has finished, over the log lines the whole run wrote.
    { name: 'server logs', testMatch: /server-logs\.spec\.ts$/, dependencies: ['journeys'] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions,
    // Dates on screen are checked against the test clock, so the browser's zone is fixed.
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    // The banner comes once the demo data is seeded; /healthz answers before that. Playwright
    // starts the tests at whichever of `url` and `wait` comes first, so only `wait` is given.
    wait: { stdout: /Atrium is running\./ },
    env: { PORT: String(port), LOG_LEVEL: 'info', ATRIUM_SECRET_KEY: E2E_SECRET_KEY, E2E_LOG_FILE: SERVER_LOG_FILE },
    // SIGTERM lets scripts/e2e-server.mjs stop the server and remove its throwaway data dir.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    // E2E_REUSE_SERVER=1 runs against a server already started with the same settings (for
    // working on a journey); the journeys make their own sellers, so a used server is fine.
    reuseExistingServer: process.env['E2E_REUSE_SERVER'] === '1',
    timeout: 180_000,
    stdout: 'pipe',
  },
});
