import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run the real renderer build in a real Chromium against `hooklab serve`
 * (see test/e2e/serve-fixture.ts). Debian's chromium is used: `npx playwright install` needs
 * the internet, which CI machines here do not have.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    // The app follows the OS theme, and headless Chromium reports light: screenshots stay in the
    // dark theme the README shows unless a test asks for light (theme-toasts-loading.spec.ts).
    colorScheme: 'dark',
    launchOptions: {
      executablePath: process.env.HOOKLAB_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
