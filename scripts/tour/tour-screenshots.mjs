/* global document -- read inside page.waitForFunction, which runs in the browser */
// Tour screenshots (README): against a served build on :4302 (npx vite preview --port 4302); OUT=e2e/screenshots-like folder. Takes ~4 min on 2 loaded cores.

import { chromium } from '@playwright/test';
const OUT = process.env.OUT ?? '/tmp/tour/shots';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--enable-unsafe-webgpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto('http://127.0.0.1:4302/?case=ptbxl-00285&backend=wasm');
  await page.locator('.heart-stage[data-heart-status=ready]').waitFor({ timeout: 120000 });
  const settle = async () => {
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=tour-statement]')?.hasAttribute('data-waiting'),
      null,
      { timeout: 300000 },
    );
    await page.waitForTimeout(2500);
    // The computed statements, for the README's measured figures.
    console.log(`${w}x${h}`, JSON.stringify(await page.getByTestId('tour-statement').innerText()));
  };
  await page.keyboard.press('t');
  await page.getByTestId('tour-band').waitFor({ timeout: 60000 });
  await settle();
  await page.screenshot({ path: `${OUT}/tour-step1-${w}x${h}.png` });
  await page.keyboard.press('PageDown');
  await settle();
  await page.screenshot({ path: `${OUT}/tour-step2-${w}x${h}.png` });
  await page.keyboard.press('p');
  await page.keyboard.press('PageDown');
  await settle();
  await page.screenshot({ path: `${OUT}/tour-presenter-step3-${w}x${h}.png` });
  await page.keyboard.press('PageDown');
  await settle();
  await page.screenshot({ path: `${OUT}/tour-presenter-step4-${w}x${h}.png` });
  await page.keyboard.press('f');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${OUT}/tour-presenter-fullscreen3d-${w}x${h}.png` });
  await page.keyboard.press('Escape');
  await page.keyboard.press('PageDown');
  await settle();
  await page.screenshot({ path: `${OUT}/tour-presenter-step5-${w}x${h}.png` });
  console.log(w, h, 'done', page.url());
  await ctx.close();
}
await browser.close();
