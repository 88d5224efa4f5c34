import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';
import { defineConfig, devices } from '@playwright/test';

/** E2E_PORT / E2E_OUT_DIR let two runs on one machine use separate servers and builds (default: 4173, dist). */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end tests against the *built* app in Debian's Chromium (`npx playwright install` cannot download
 * browsers here). One worker: CI machines have 2 cores and the build shares them.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_ARTIFACTS ?? 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: BASE_URL,
    screenshot: 'on',
    trace: 'retain-on-failure',
    // The service worker precaches ~9 MB in the background on every fresh context; only the PWA specs need it
    // (they opt in with test.use({ serviceWorkers: 'allow' })), the rest would pay for it in time and CPU.
    serviceWorkers: 'block',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        deviceScaleFactor: 1,
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          // No --user-data-dir here: Playwright manages the profile (see ENVIRONMENT.md).
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: `npx vite build --outDir ${OUT_DIR} && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: false, // always test a fresh build; a busy port fails loudly (strictPort)
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
