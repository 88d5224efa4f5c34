import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../build/pwa';
import { ISOLATION_HEADERS } from '../vite.config';
import { REPO_ROOT } from './support/paths';
import { waitForOfflineReady } from './support/pwa';
import { startSwappableHost } from './support/staticServer';

// The service worker is what these tests are about (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
/** Its own port beside the preview server's: this test deploys a second build under an open page. */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 100;

/**
 * Build B: build A with a changed index.html, its new precache revision in sw.js (as a real rebuild would give),
 * so the browser finds a byte-different service worker.
 */
function makeBuildB(a: string, b: string): void {
  cpSync(a, b, { recursive: true });
  const html = path.join(b, 'index.html');
  writeFileSync(html, readFileSync(html, 'utf8').replace('<title>', '<meta name="build" content="B" />\n    <title>'));
  const sw = path.join(b, 'sw.js');
  const before = readFileSync(sw, 'utf8');
  const after = before.replace(/(url:"index\.html",revision:")[^"]+"/, '$1build-b"');
  if (after === before) throw new Error('sw.js has no precache entry for index.html to update');
  writeFileSync(sw, after);
}

for (const visit of ['first visit, page not yet controlled', 'later visit, page controlled by the worker'] as const)
  test(`${visit}: a new build is detected and offered; the page reloads only when the user clicks Reload`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const tmp = mkdtempSync(path.join(tmpdir(), 'cineecg-update-'));
    const [a, b] = [path.join(tmp, 'a'), path.join(tmp, 'b')];
    cpSync(path.join(REPO_ROOT, OUT_DIR), a, { recursive: true });
    makeBuildB(a, b);
    const host = await startSwappableHost(PORT, a, {
      ...ISOLATION_HEADERS,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    try {
      await page.goto(host.url);
      await waitForOfflineReady(page);
      if (visit.startsWith('later')) {
        await page.reload();
        await waitForOfflineReady(page);
      }
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(visit.startsWith('later'));
      await expect(page.getByTestId('update-available')).toHaveCount(0);
      // Work in progress lives in this page; a reload would drop this marker.
      await page.evaluate(() => ((window as unknown as { __unsaved: number }).__unsaved = 1));
      let navigations = 0;
      page.on('framenavigated', (f) => f === page.mainFrame() && navigations++);

      host.serve(b); // deploy build B
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const prompt = page.getByTestId('update-available');
      await expect(prompt).toContainText('A new version is available', { timeout: 60_000 });
      await expect(page.getByTestId('offline-ready')).toHaveCount(0);

      // Offered, not forced: after a while the page is still the same document, on build A.
      await page.waitForTimeout(3000);
      expect(navigations).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __unsaved?: number }).__unsaved)).toBe(1);
      await expect(page.locator('meta[name="build"]')).toHaveCount(0);

      await Promise.all([
        page.waitForEvent('framenavigated', { timeout: 30_000 }),
        prompt.getByRole('button', { name: 'Reload' }).click(),
      ]);
      await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'B');
      expect(await page.evaluate(() => (window as unknown as { __unsaved?: number }).__unsaved)).toBeUndefined();
      await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('update-available')).toHaveCount(0);
    } finally {
      await host.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
