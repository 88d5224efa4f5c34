import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { servePreview } from '../lib/preview';
const port = 4185;
const server = await servePreview(port);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (/wasm|thread|error/i.test(m.text())) console.log('console:', m.text()); });
  page.on('worker', (w) => w.on('console', (m) => console.log('worker console:', m.text())));
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) console.log('fetch', r.url().split('/').pop()); });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(`http://127.0.0.1:${port}/?backend=wasm`);
  console.log('isolated', await page.evaluate(() => crossOriginIsolated), 'cores', await page.evaluate(() => navigator.hardwareConcurrency));
  await page.getByTestId('prediction').and(page.locator('[data-p-abnormal]')).or(page.getByRole('alert')).first().waitFor({ timeout: 180_000 });
  console.log('prediction', await page.getByTestId('prediction').getAttribute('data-p-abnormal'));
} finally {
  await browser.close();
  server.kill();
}
