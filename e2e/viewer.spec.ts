import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readCanvasData } from './support/canvasData';
import { chooseMethod, openExplainDetails, runExplanation } from './support/explain';

/** The whole screen as one instrument: the two views share one time cursor, and the layout holds from laptop to tablet. */
test('scrubbing the 12-lead window moves the 3D time cursor; the 3D slider moves the grid cursor', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  const grid = page.getByRole('img', { name: /12-lead ECG/ });
  await expect(grid).toBeVisible({ timeout: 60_000 });
  const stage = page.locator('.heart-stage');
  await expect(stage).toHaveAttribute('data-trajectory-points', '200', { timeout: 60_000 });
  const overlay = page.getByTestId('grid-overlay');

  const d = await readCanvasData(grid);
  await page.locator('.grid-stack').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const box = (await grid.boundingBox())!;
  await page.mouse.move(box.x + d.originX + (d.windowStartMs + 120) * d.pxPerMs, box.y + d.rowBaselinesY[0]);
  await expect(overlay).toHaveAttribute('data-cursor-ms', /^1[12]\d/);
  const gridMs = Number(await overlay.getAttribute('data-cursor-ms'));
  await expect(stage).toHaveAttribute('data-cursor-ms', String(Math.round(gridMs)));

  await page.getByLabel('Time after QRS onset (ms)').fill('300');
  await expect(stage).toHaveAttribute('data-cursor-ms', '300');
  await expect(overlay).toHaveAttribute('data-cursor-ms', '300.0');
  const beatCursor = page.locator('.beat-cursor');
  await expect(beatCursor).toHaveAttribute('data-ms', '300'); // the beat panel shares the cursor

  // Hovering the beat panel moves the cursor in the grid and the heart too.
  const beat = (await page.locator('.beat-stage').boundingBox())!;
  const mmPerS = Number(await page.getByTestId('beat-panel').getAttribute('data-mm-per-s'));
  expect(mmPerS).toBeGreaterThan(60); // enlarged: the grid runs at 25 mm/s
  await page.mouse.move(beat.x + beat.width / 2, beat.y + beat.height / 2);
  await expect(stage).not.toHaveAttribute('data-cursor-ms', '300');
  const ms = Number(await stage.getAttribute('data-cursor-ms'));
  expect(ms).toBeGreaterThan(100);
  expect(ms).toBeLessThan(300);
  await expect(beatCursor).toHaveAttribute('data-ms', String(ms));
});

for (const [name, size] of [
  ['laptop 1280×720', { width: 1280, height: 720 }],
  ['tablet 768×1024', { width: 768, height: 1024 }],
  ['large 2560×1440', { width: 2560, height: 1440 }],
] as const) {
  test(`layout on a ${name}: nothing but the paper scrolls sideways, every panel shows; landscape: one screen`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto('./');
    await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
    await expect(page.locator('.heart-stage')).toHaveAttribute('data-trajectory-points', '200', { timeout: 60_000 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const label of ['12-lead ECG', 'Why?', 'CineECG in 3D'])
      await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
    await expect(page.getByTestId('prediction-value')).toBeVisible();
    await expect(page.getByTestId('beat-panel')).toBeVisible();
    if (size.width > size.height) {
      // The workstation: the page itself never scrolls; the paper scrolls inside its panel.
      const { h, ih } = await page.evaluate(() => ({ h: document.scrollingElement!.scrollHeight, ih: innerHeight }));
      expect(h).toBeLessThanOrEqual(ih);
    }
    const shot = testInfo.outputPath(`viewer-${size.width}x${size.height}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach(name, { path: shot, contentType: 'image/png' });
  });
}

test('the expert-style view (paper Fig. 3): per-lead attribution curves with a threshold the user sets', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
  const panel = page.getByTestId('explain');
  await panel
    .getByRole('radiogroup', { name: 'Attribution method' })
    .getByRole('radio', { name: 'Gradient SHAP' })
    .click();
  await openExplainDetails(page); // parameters, the map and its display live in the explanation drawer
  await panel.getByLabel('Draws', { exact: true }).fill('10');
  await panel.getByRole('button', { name: 'Explain with Gradient SHAP' }).click();
  const map = panel.getByTestId('attribution-map');
  await expect(map).toBeVisible({ timeout: 120_000 });
  await panel.getByRole('radiogroup', { name: 'Attribution display' }).getByRole('radio', { name: 'Absolute' }).click();
  await panel
    .getByRole('radiogroup', { name: 'Map style' })
    .getByRole('radio', { name: /Curves/ })
    .click();
  await expect(map).toHaveAttribute('data-style', 'curves');
  const readout = panel.getByTestId('threshold-readout');
  const kept = async () => Number((await readout.innerText()).match(/keeps (\d+)%/)![1]);
  await panel.getByLabel('Threshold').fill('0.1');
  await expect(map).toHaveAttribute('data-threshold', '0.1');
  const low = await kept();
  await panel.getByLabel('Threshold').fill('0.8');
  await expect(readout).toContainText('0.80');
  expect(await kept()).toBeLessThan(low); // a higher threshold keeps fewer samples
  const shot = testInfo.outputPath('fig3-curves.png');
  await map.screenshot({ path: shot });
  await testInfo.attach('Fig. 3-style curves', { path: shot, contentType: 'image/png' });
});

test('both models explained: the CineECG model’s own attributions and the mapped 12-lead ones side by side (paper Fig. 4b | 4c)', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto('./?backend=wasm');
  await expect(page.locator('[data-testid=companion-prediction][data-model=cine3]')).toHaveAttribute(
    'data-p-abnormal',
    /\d/,
    { timeout: 120_000 },
  );
  const panel = page.getByTestId('explain');
  const sideBySide = page.getByRole('button', { name: 'Side by side (Fig. 4b | 4c)' });
  await expect(sideBySide).toBeDisabled();
  for (const model of ['12-lead model', 'CineECG model']) {
    await openExplainDetails(page);
    await panel.getByRole('radiogroup', { name: 'Model explained' }).getByRole('radio', { name: model }).click();
    await chooseMethod(page, /Integrated Gradients/, { Steps: '8', 'Noisy copies': '2' });
    await runExplanation(page, 200_000);
  }
  await sideBySide.click();
  const left = page.getByTestId('heart-compare');
  await expect(left).toBeVisible();
  await expect(left.locator('canvas')).toBeVisible();
  await expect(page.locator('.heart-stage')).toHaveAttribute('data-colored', 'phi');
  await expect(page.locator('.heart-stage')).toContainText('12-lead model, mapped (Fig. 4c)');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save image' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('00285_hr-cineecg-3d.png');
  expect(
    readFileSync(await download.path())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');
  await page.waitForTimeout(1500);
  const shot = testInfo.outputPath('fig4-side-by-side.png');
  await page.locator('.heart-compare').screenshot({ path: shot });
  await testInfo.attach('Fig. 4b | 4c', { path: shot, contentType: 'image/png' });
});
