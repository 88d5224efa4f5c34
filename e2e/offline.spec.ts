import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseMethod, closeExplainDetails, openExplainDetails, runExplanation } from './support/explain';
import { REPO_ROOT } from './support/paths';
import { readShownPrediction } from './support/predict';
import { precacheEntries, waitForOfflineReady } from './support/pwa';
import { startExample } from './study-support';

// The service worker is what these tests are about (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const CASE = 'ptbxl-00262';
const SMALL_IG = { Steps: '8', 'Noisy copies': '2' };

/** URLs the built service worker precaches (read from the built sw.js, so the test follows the build). */
function precachedUrls(): string[] {
  const sw = readFileSync(path.join(REPO_ROOT, OUT_DIR, 'sw.js'), 'utf8');
  return [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
}

test('the build precaches the app, both models and their references, the wasm, the heart, the cases and the study', () => {
  const urls = precachedUrls();
  for (const must of [
    'index.html',
    'manifest.webmanifest',
    // The registry: which models the app loads and the digests they are checked against, offline too.
    'models/index.json',
    'models/ecg12/meta.json',
    'models/cine3/meta.json',
    'models/ecg12/model.json',
    'models/ecg12/weights.1of1.bin',
    'models/ecg12/reference-normals.bin',
    'models/cine3/model.json',
    'models/cine3/weights.1of1.bin',
    'models/cine3/reference-normals.bin',
    'heart/heart.json',
    'heart/heart.bin',
    'cases/manifest.json',
    `cases/${CASE}/00262_hr.hea`,
    `cases/${CASE}/00262_hr.dat`,
    'studies/example/study.json',
    'icons/icon-192.png',
    'icons/icon-512.png',
    'icons/icon-maskable-512.png',
  ])
    expect(urls, must).toContain(must);
  expect(urls.filter((u) => u.endsWith('.wasm'))).toHaveLength(3); // plain, SIMD, threaded SIMD
  expect(urls.filter((u) => u.endsWith('.map'))).toEqual([]);
  const cases = JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/cases/manifest.json'), 'utf8')) as {
    cases: Array<{ id: string }>;
  };
  for (const c of cases.cases)
    expect(
      urls.some((u) => u.startsWith(`cases/${c.id}/`)),
      c.id,
    ).toBe(true);
});

test('installable: manifest fields and icons, and Chromium reports no installability error', async ({
  page,
  request,
}) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('./manifest.webmanifest');
  const manifest = (await (await request.get('manifest.webmanifest')).json()) as Record<string, unknown> & {
    icons: Array<Record<string, string>>;
  };
  expect(manifest).toMatchObject({
    name: 'CineECG Explorer',
    short_name: 'CineECG',
    display: 'standalone',
    start_url: './',
    theme_color: '#1d4ed8',
    background_color: '#ffffff',
  });
  for (const [sizes, purpose] of [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['512x512', 'maskable'],
  ]) {
    const icon = manifest.icons.find((i) => i.sizes === sizes && i.purpose === purpose && i.type === 'image/png');
    expect(icon, `${sizes} ${purpose}`).toBeTruthy();
    const png = await (await request.get(icon!.src)).body();
    // PNG IHDR: width and height are big-endian at bytes 16 and 20.
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon!.src).toBe(sizes);
  }
  await waitForOfflineReady(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: Array<{ errorId: string }>;
  };
  // Playwright's contexts are incognito-like, where Chromium never offers an install; every other check passed.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

test('offline: after one visit the app reloads without a network, opens a demo case by its link, predicts, explains with IG and draws the 3D view, still cross-origin isolated', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(360_000);
  await page.goto('./');
  await waitForOfflineReady(page);
  const entries = await precacheEntries(page);
  expect(entries).toBeGreaterThan(50);

  await context.setOffline(true);
  expect(
    await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => 'reached',
        () => 'blocked',
      ),
    ),
  ).toBe('blocked');
  const reload = await page.reload();
  expect(reload?.fromServiceWorker(), 'the reloaded page came from the service worker').toBe(true);
  await expect(page.getByTestId('offline-ready')).toBeVisible();

  const link = await page.goto(`./?case=${CASE}`);
  expect(link?.fromServiceWorker()).toBe(true);
  await expect(page.locator('.app')).toHaveAttribute('data-case-status', 'ready', { timeout: 60_000 });
  await expect(page).toHaveURL(new RegExp(`case=${CASE}`));
  // The precached document kept its COOP/COEP (and CSP) headers: threads for the wasm backend still work offline.
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  expect(reload?.headers()['content-security-policy'] ?? '').toContain("default-src 'self'");

  // After a few seconds the badge settles into a dot in the corner, clear of the footer's links.
  const badge = page.getByTestId('offline-ready');
  await expect(badge).toHaveClass(/pwa-settled/, { timeout: 15_000 });
  const dot = (await badge.boundingBox())!;
  expect(dot.width).toBeLessThanOrEqual(16);
  const shortcuts = (await page.locator('.footer-keys summary').boundingBox())!;
  expect(dot.x, 'the dot is right of the footer link').toBeGreaterThanOrEqual(shortcuts.x + shortcuts.width);

  const shown = await readShownPrediction(page, 120_000);
  expect(shown.pAbnormal).toBeGreaterThanOrEqual(0);
  expect(shown.pAbnormal).toBeLessThanOrEqual(1);

  await chooseMethod(page, /Integrated Gradients/, SMALL_IG);
  const ms = await runExplanation(page, 240_000);
  await openExplainDetails(page); // the attribution map lives in the explanation drawer
  await expect(
    page
      .getByTestId('explain')
      .getByRole('img', { name: /Integrated Gradients attributions of the 12-lead model per lead/ }),
  ).toBeVisible();
  await closeExplainDetails(page); // it lies over the views

  const stage = page.getByRole('img', { name: /^3D heart/ });
  await stage.scrollIntoViewIfNeeded();
  await expect(stage).toHaveAttribute('data-heart-status', 'ready', { timeout: 60_000 });
  await expect
    .poll(async () => Number((await stage.getAttribute('data-frames')) ?? 0), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('offline.png'), fullPage: true });
  testInfo.annotations.push({
    type: 'measured',
    description: `offline: ${entries} precached responses; IG (8 steps × 2 copies) ${Math.round(ms)} ms on ${shown.backend}`,
  });
});

test('offline: study mode (?study=example) opens from the cache', async ({ page, context }) => {
  await page.goto('./');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  const served: boolean[] = [];
  page.on('response', (r) => r.request().isNavigationRequest() && served.push(r.fromServiceWorker()));
  await startExample(page); // navigates to ./?study=example, starts as an expert, waits for case 1's grid
  expect(served).toEqual([true]);
});
