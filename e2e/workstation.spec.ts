import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { chooseMethod, runExplanation } from './support/explain';
import { TEST_RESULTS } from './support/paths';

/** Both boxes fully inside the viewport. */
async function fullyVisible(page: Page, selector: string) {
  const box = (await page.locator(selector).first().boundingBox())!;
  const vp = page.viewportSize()!;
  return {
    box,
    inside: box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width + 0.5 && box.y + box.height <= vp.height + 0.5,
  };
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`workstation at ${size.width}×${size.height}: LAFB explained, grid beside the 3D view, no page scroll, the QRS trajectory fills the view`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.setViewportSize(size);
    await page.goto('./?case=ptbxl-00285');
    await expect(page.locator('.app')).toHaveAttribute('data-case-status', 'ready');
    const grid = page.getByRole('img', { name: /12-lead ECG/ });
    const stage = page.getByRole('img', { name: /^3D heart/ });
    await expect(stage).toHaveAttribute('data-heart-status', 'ready', { timeout: 60_000 });
    await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
    const measured: Record<string, unknown> = {};

    await test.step('before it starts, Explain says how long it should take on this backend', async () => {
      await chooseMethod(page, /Integrated Gradients/, { Steps: '8', 'Noisy copies': '2' });
      await expect(page.getByTestId('explain-estimate')).toHaveText(
        /^(about \d+ s|under a second|about \d+ min) on \w+$/,
      );
      measured.estimateMs = Number(await page.getByTestId('explain').getAttribute('data-estimate-ms'));
    });

    await test.step('explain (IG, small budget): the status announces it, the result is in place', async () => {
      const ms = await runExplanation(page, 240_000);
      measured.explainMs = ms;
      await expect(page.getByRole('status').filter({ hasText: 'Explanation ready' })).toBeVisible();
      await expect(stage).toHaveAttribute('data-colored', 'phi');
      await expect(page.getByTestId('beat-panel')).toHaveAttribute('data-overlay', 'signed');
      await expect(stage).toHaveAttribute('data-view', 'fit'); // the default once explained
      await expect(grid).toHaveAttribute('aria-label', /Leads I, II, III, aVR, aVL, aVF, V1, V2, V3, V4, V5, V6\./);
    });

    await test.step('no page scroll; grid and 3D view side by side, both fully in view', async () => {
      const scroll = await page.evaluate(() => ({
        h: document.scrollingElement!.scrollHeight,
        w: document.scrollingElement!.scrollWidth,
        ih: innerHeight,
        iw: innerWidth,
      }));
      measured.scroll = scroll;
      expect(scroll.h).toBeLessThanOrEqual(scroll.ih);
      expect(scroll.w).toBeLessThanOrEqual(scroll.iw);
      const paper = await fullyVisible(page, '.ecg-scroll');
      const heart = await fullyVisible(page, '.heart-stage');
      const beat = await fullyVisible(page, '[data-testid="beat-panel"]');
      measured.boxes = { paper: paper.box, heart: heart.box, beat: beat.box };
      expect(paper.inside && heart.inside && beat.inside).toBe(true);
      expect(heart.box.x).toBeGreaterThan(paper.box.x + paper.box.width - 1); // beside, not below
      expect(Math.abs(heart.box.y - paper.box.y)).toBeLessThan(Math.max(paper.box.height, heart.box.height) / 2);
      expect(heart.box.width).toBeGreaterThan(size.width * 0.25);
      expect(heart.box.height).toBeGreaterThan(size.height * 0.35);
      expect(paper.box.height).toBeGreaterThan(size.height * 0.35);
    });

    await test.step('the coloured QRS trajectory fills a good part of the 3D view', async () => {
      await expect.poll(async () => (await stage.getAttribute('data-qrs-box')) ?? '').toMatch(/^\d+,\d+$/);
      const [w, h] = String(await stage.getAttribute('data-qrs-box'))
        .split(',')
        .map(Number);
      const [cw, ch] = String(await stage.getAttribute('data-canvas-size'))
        .split(',')
        .map(Number);
      const fill = Math.max(w, h) / Math.min(cw, ch);
      measured.qrs = { boxPx: [w, h], canvasPx: [cw, ch], fill };
      expect(fill).toBeGreaterThanOrEqual(0.3);
      // Measured from the three.js camera (HeartCanvas MeasureQrs): the projected box of the QRS samples' tube axis.
    });

    const file = testInfo.outputPath(`workstation-${size.width}x${size.height}.png`);
    await page.screenshot({ path: file });
    await page.screenshot({ path: path.join(TEST_RESULTS, `workstation-${size.width}x${size.height}.png`) });
    await testInfo.attach('workstation', { path: file, contentType: 'image/png' });
    if (size.width === 1280) {
      await test.step('print: one page with the grid, the beat panel with attributions, the 3D snapshot, prediction, method and credit', async () => {
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('button:visible')).toHaveCount(0);
        await expect(page.getByTestId('print-settings')).toContainText(
          'Method: Integrated Gradients of the 12-lead model',
        );
        await expect(page.getByTestId('beat-panel')).toHaveAttribute('data-overlay', 'signed');
        for (const el of [
          grid,
          stage,
          page.getByTestId('beat-panel'),
          page.getByTestId('prediction'),
          page.getByTestId('case-credit'),
        ])
          await expect(el).toBeVisible();
        await page.screenshot({ path: path.join(TEST_RESULTS, 'print-preview.png'), fullPage: true });
        const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
        expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length, 'printed pages').toBe(1);
        await page.emulateMedia({ media: 'screen' });
      });
    }
    await testInfo.attach('measurements', { body: JSON.stringify(measured, null, 2), contentType: 'application/json' });
    console.log(`workstation ${size.width}×${size.height}: ${JSON.stringify(measured)}`);
    expect(problems).toEqual([]);
  });
}

test.describe('tablet 1024×768, touch', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
  test('one screen, touch targets of at least 40 px, one finger scrolls the paper', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('./?case=ptbxl-00285');
    await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 90_000 });
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    const { h, ih } = await page.evaluate(() => ({ h: document.scrollingElement!.scrollHeight, ih: innerHeight }));
    expect(h).toBeLessThanOrEqual(ih);
    // Every visible control a finger would aim at.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, summary, [role="separator"]')]
        .filter((el) => el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => ({
          name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30),
          w: el.getBoundingClientRect().width,
          h: el.getBoundingClientRect().height,
        }))
        .filter((b) => b.h < 40 || b.w < 24),
    );
    expect(small, `controls under 40 px: ${JSON.stringify(small)}`).toEqual([]);
    for (const sel of ['.ecg-scroll', '.heart-stage', '[data-testid="beat-panel"]']) {
      const b = (await page.locator(sel).boundingBox())!;
      expect(b.y + b.height, `${sel} ends inside the screen`).toBeLessThanOrEqual(768.5);
      expect(b.height, `${sel} keeps a usable height`).toBeGreaterThan(150);
    }
    const touch = await page.locator('.grid-overlay').evaluate((el) => getComputedStyle(el).touchAction);
    expect(touch).toMatch(/pan-x|manipulation/); // Chromium reports 'pan-x pan-y pinch-zoom' as 'manipulation'
    await page.screenshot({ path: test.info().outputPath('tablet-1024x768.png') });
  });
});
