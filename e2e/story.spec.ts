import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { readCanvasData } from './support/canvasData';
import { chooseMethod, closeExplainDetails, openExplainDetails, runExplanation } from './support/explain';
import { REPO_ROOT } from './support/paths';

/**
 * The whole story a cardiologist goes through, on WebGPU (SwiftShader here), once on the demo case and once on a
 * record opened from disk: open, predict, explain with IG, switch method and post-processing, scrub time and see
 * both views follow, pan the paper, then load a broken file and see the error.
 */
const FIXTURES = 'src/core/ecg/__fixtures__';

async function openFromDisk(page: Page, files: Array<{ name: string; buffer: Buffer }>): Promise<void> {
  await page
    .getByTestId('open-files-input')
    .setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
}

for (const source of ['demo case', 'file from disk'] as const) {
  test(`the whole story on WebGPU, ${source}`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto('./?backend=webgpu');
    const prediction = page.getByTestId('prediction');
    await expect(
      prediction
        .and(page.locator('[data-backends-available]:not([data-backends-available=""])'))
        .or(page.getByRole('alert')),
    ).toBeVisible({ timeout: 60_000 });
    test.skip(
      !((await prediction.getAttribute('data-backends-available')) ?? '').includes('webgpu'),
      'no WebGPU adapter in this browser',
    );

    if (source === 'file from disk') {
      await expect(prediction).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
      await openFromDisk(
        page,
        ['hea', 'dat'].map((x) => ({
          name: `00001_lr.${x}`,
          buffer: readFileSync(path.join(REPO_ROOT, FIXTURES, `ptbxl/00001_lr.${x}`)),
        })),
      );
      await expect(page.getByTestId('case-title')).toHaveText('00001_lr.hea + 00001_lr.dat');
    }
    await test.step('predict on webgpu', async () => {
      await expect(prediction).toHaveAttribute('data-backend', 'webgpu', { timeout: 120_000 });
      await expect(prediction).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
    });
    const panel = page.getByTestId('explain');
    await test.step('explain with Integrated Gradients, then Gradient SHAP; switch post-processing', async () => {
      await chooseMethod(page, /Integrated Gradients/, { Steps: '6', 'Noisy copies': '1' });
      await runExplanation(page, 240_000);
      await expect(panel).toHaveAttribute('data-explain-backend', 'webgpu');
      await expect(page.locator('.heart-stage')).toHaveAttribute('data-colored', 'phi', { timeout: 60_000 });
      await chooseMethod(page, /Gradient SHAP/, { Draws: '6' });
      await runExplanation(page, 240_000);
      await expect(panel).toHaveAttribute('data-explain-method', 'gradshap');
      await openExplainDetails(page);
      await panel
        .getByRole('radiogroup', { name: 'Attribution display' })
        .getByRole('radio', { name: 'Positive' })
        .click();
      await closeExplainDetails(page);
      await expect(page.getByRole('img', { name: /12-lead ECG/ })).toHaveAttribute('data-overlay', 'positive');
    });
    await test.step('scrub time on the grid and on the 3D slider: both views follow', async () => {
      const grid = page.getByRole('img', { name: /12-lead ECG/ });
      const d = await readCanvasData(grid);
      await page.locator('.grid-stack').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const box = (await grid.boundingBox())!;
      await page.mouse.move(box.x + d.originX + (d.windowStartMs + 60) * d.pxPerMs, box.y + d.rowBaselinesY[0]);
      await expect(page.locator('.heart-stage')).toHaveAttribute('data-cursor-ms', /^(5[89]|6[01])$/);
      await page.getByLabel('Time after QRS onset (ms)').fill('250');
      await expect(page.getByTestId('grid-overlay')).toHaveAttribute('data-cursor-ms', '250.0');
    });
    await test.step('pan the paper by dragging outside the window', async () => {
      await page.setViewportSize({ width: 760, height: 900 });
      const scroller = page.locator('.ecg-scroll');
      await page.locator('.grid-stack').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await scroller.evaluate((el) => el.scrollTo({ left: 0 })); // a record opens scrolled to its window: start at 0 s
      const before = await scroller.evaluate((el) => el.scrollLeft);
      const box = (await scroller.boundingBox())!;
      await page.mouse.move(box.x + 120, box.y + 120); // 0–1 s: outside the window
      await page.mouse.down();
      await page.mouse.move(box.x + 20, box.y + 120, { steps: 5 });
      await page.mouse.up();
      expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before + 50);
      await page.setViewportSize({ width: 1280, height: 900 });
    });
    await test.step('a broken file shows the error naming it', async () => {
      const dat = readFileSync(path.join(REPO_ROOT, FIXTURES, 'ptbxl/00285_hr.dat'));
      await openFromDisk(page, [
        { name: '00285_hr.hea', buffer: readFileSync(path.join(REPO_ROOT, FIXTURES, 'ptbxl/00285_hr.hea')) },
        { name: '00285_hr.dat', buffer: dat.subarray(0, 40_000) },
      ]);
      await expect(page.getByRole('alert')).toContainText('00285_hr.dat');
    });
    const shot = testInfo.outputPath('story-end.png');
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach(`story, ${source}`, { path: shot, contentType: 'image/png' });
    expect(problems).toEqual([]);
  });
}
