import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  chooseMethod,
  cliExplain,
  closeExplainDetails,
  downloadedExplanation,
  type ExplainJson,
  maxRelativeDifference,
  openExplainDetails,
  runExplanation,
} from './support/explain';
import { TEST_RESULTS } from './support/paths';

const RECORD = 'public/cases/ptbxl-00285/00285_hr.hea';
/** IG with a short path and 2 noisy copies (the same seeded noise in Node and the browser), and the bound for equality. */
const SMALL_IG = { Steps: '8', 'Noisy copies': '2' };
const TOLERANCE = 1e-4;

/**
 * Attributions run in the worker: with the paper's defaults the page keeps drawing (no long animation frame),
 * progress is shown, cancel stops the job, and every backend gives Node's numbers.
 */
test('Integrated Gradients with the paper defaults runs in the worker: progress, result, timing, the page keeps drawing', async ({
  page,
}, testInfo) => {
  test.setTimeout(420_000);
  await page.goto('./');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });

  // Long animation frames (LoAF) and long tasks on the main thread while the worker computes.
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { loaf: number[]; longtask: number[]; maxGap: number; stop: boolean } };
    w.__frames = { loaf: [], longtask: [], maxGap: 0, stop: false };
    for (const type of ['long-animation-frame', 'longtask']) {
      try {
        new PerformanceObserver((list) =>
          list
            .getEntries()
            .forEach((e) => (type === 'longtask' ? w.__frames.longtask : w.__frames.loaf).push(e.duration)),
        ).observe({ type, buffered: false });
      } catch {
        /* entry type not supported: recorded as absent below */
      }
    }
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.maxGap = Math.max(w.__frames.maxGap, now - last);
      last = now;
      if (!w.__frames.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  const panel = page.getByTestId('explain');
  await chooseMethod(page, /Integrated Gradients/);
  await panel.getByRole('button', { name: 'Explain with Integrated Gradients' }).click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await expect(panel.getByRole('status').first()).toContainText(/integrated gradients \d+%/);
  // Progress where the user looks: a card over the grid and the heart, with the time left.
  const card = page.getByTestId('explain-overlay');
  await expect(card).toBeVisible();
  await expect(card).toContainText(/Explaining with Integrated Gradients… \d+%/);
  await expect(card).toContainText(/(about \d+ (s|min)|under a second) left|Measuring the speed/);
  const views = (await page.locator('.workspace').boundingBox())!;
  const c = (await card.boundingBox())!;
  expect(c.y).toBeGreaterThan(views.y); // over the views, not somewhere else on the page
  expect(c.y + c.height).toBeLessThan(views.y + views.height);
  await expect(panel).toHaveAttribute('data-explain-status', 'done', { timeout: 400_000 });
  await expect(card).toHaveCount(0);

  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: { loaf: number[]; longtask: number[]; maxGap: number; stop: boolean } };
    w.__frames.stop = true;
    return w.__frames;
  });
  const supported = await page.evaluate(() => PerformanceObserver.supportedEntryTypes);
  expect(supported).toContain('long-animation-frame'); // else "no long frames" would prove nothing
  const worstLoaf = Math.max(0, ...frames.loaf);
  const ms = Number(await panel.getAttribute('data-explain-ms'));
  const backend = await panel.getAttribute('data-explain-backend');
  testInfo.annotations.push({
    type: 'measured',
    description: `IG 50 steps × 40 noisy copies on ${backend}: ${(ms / 1000).toFixed(1)} s; worst long animation frame ${worstLoaf.toFixed(0)} ms (${frames.loaf.length} over 50 ms), worst rAF gap ${frames.maxGap.toFixed(0)} ms`,
  });
  writeFileSync(
    path.join(TEST_RESULTS, 'explain-frames.json'),
    `${JSON.stringify({ backend, ms, ...frames }, null, 1)}\n`,
  );
  // Off the main thread: one batch of 100 inputs takes ~430 ms here (the 2,000 inputs in 8.7 s), so on the main
  // thread it would block it far past 250 ms; a frame over 250 ms means the computation (or a redraw as costly)
  // landed on the page. How long the frames are is a speed figure, recorded above, not asserted (README,
  // Explanations): 0–1 frames over 50 ms here since provisional maps only re-compose the grid's layers.
  expect(worstLoaf).toBeLessThanOrEqual(250);
  await expect(page.getByRole('status').filter({ hasText: 'Explanation ready' })).toBeVisible();

  await openExplainDetails(page); // the map, timings and backend live in the explanation drawer
  await expect(
    panel.getByRole('img', { name: /Integrated Gradients attributions of the 12-lead model per lead/ }),
  ).toBeVisible();
  await expect(
    panel
      .getByRole('table', { name: 'Explanation timings' })
      .getByRole('row', { name: new RegExp(`Integrated Gradients ${backend}`) }),
  ).toBeVisible();
  await expect(panel.getByTestId('backend-choice')).toContainText(`Backend ${backend}`);
  await expect(panel).toContainText(/Completeness: Σ attributions − \(f\(x\) − f\(baseline\)\) = /);
  const shot = testInfo.outputPath('explain-ig.png');
  await panel.screenshot({ path: shot });
  await testInfo.attach('explain-ig', { path: shot, contentType: 'image/png' });
  // The drawer covers the 3D view: Esc closes it, and focus goes back to its button.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('explain-drawer')).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Details' })).toBeFocused();
});

test('cancel stops a running explanation, and the next one runs', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
  const panel = page.getByTestId('explain');
  await panel.getByRole('button', { name: 'Explain with Integrated Gradients' }).click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="explain"] progress')?.getAttribute('value') ?? 0) > 0,
    undefined,
    { timeout: 120_000 },
  );
  const t0 = Date.now();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toHaveAttribute('data-explain-status', 'cancelled', { timeout: 20_000 });
  test.info().annotations.push({ type: 'measured', description: `cancel took effect after ${Date.now() - t0} ms` });
  await expect(panel.getByRole('progressbar')).toHaveCount(0);

  await chooseMethod(page, /Gradient SHAP/, { Draws: '10' });
  await runExplanation(page, 120_000);
  await expect(panel).toHaveAttribute('data-explain-method', 'gradshap');
});

test('Kernel SHAP and LIME with the paper budgets run in the browser and give Node’s numbers', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto('./?backend=wasm');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
  for (const [method, label] of [
    ['kernelshap', /Kernel SHAP/],
    ['lime', /LIME/],
  ] as const) {
    await chooseMethod(page, label);
    await runExplanation(page, 200_000);
    const got = await downloadedExplanation(page);
    const expected = cliExplain(RECORD, ['--method', method, '--backend', 'wasm']);
    expect(got.params).toMatchObject({ samples: expected.params.samples, features: expected.params.features, seed: 0 });
    const rel = maxRelativeDifference(got.attributions, expected.attributions);
    testInfo.annotations.push({
      type: 'measured',
      description: `${method}: ${got.ms} ms in the browser (wasm), max relative difference to Node ${rel.toExponential(2)}`,
    });
    expect(rel).toBeLessThanOrEqual(TOLERANCE);
  }
  await test.step('the grid shades each lead in the window by its attribution; display and toggle follow', async () => {
    const grid = page.getByRole('img', { name: /12-lead ECG/ });
    await expect(grid).toHaveAttribute('data-overlay', 'signed');
    const shaded = await grid.screenshot();
    await openExplainDetails(page);
    await page
      .getByRole('radiogroup', { name: 'Attribution display' })
      .getByRole('radio', { name: 'Absolute' })
      .click();
    await closeExplainDetails(page);
    await expect(grid).toHaveAttribute('data-overlay', 'absolute');
    await page.getByLabel('Attribution overlay').uncheck();
    await expect(grid).toHaveAttribute('data-overlay', 'none');
    const plain = await grid.screenshot();
    expect(shaded.equals(plain)).toBe(false);
    await page.getByLabel('Attribution overlay').check();
    await openExplainDetails(page);
    await page
      .getByRole('radiogroup', { name: 'Attribution display' })
      .getByRole('radio', { name: 'Signed Φ' })
      .click();
  });
  const shot = testInfo.outputPath('explain-lime.png');
  await page.getByTestId('explain').screenshot({ path: shot });
  await testInfo.attach('explain-lime', { path: shot, contentType: 'image/png' });
});

test('the backend can be overridden from the panel; the page restarts on it', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
  await expect(page.getByTestId('backend-choice')).toContainText(
    /Backend \w+, (the fastest measured here|the only one)/,
  );
  await openExplainDetails(page);
  await page.getByLabel('Backend').selectOption('cpu');
  await expect(page).toHaveURL(/\?backend=cpu/);
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-backend', 'cpu', { timeout: 120_000 });
  await expect(page.getByTestId('backend-choice')).toHaveText('Backend cpu, as asked for (?backend=cpu).');
  await openExplainDetails(page);
  await page.getByLabel('Backend').selectOption('auto');
  await expect(page).not.toHaveURL(/backend=/);
});

test('the CineECG model can be explained too: its attributions per trajectory axis equal Node’s', async ({
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
  await openExplainDetails(page);
  await panel
    .getByRole('radiogroup', { name: 'Model explained' })
    .getByRole('radio', { name: 'CineECG model' })
    .click();
  await chooseMethod(page, /Integrated Gradients/, SMALL_IG);
  await runExplanation(page, 200_000);
  await openExplainDetails(page);
  await expect(panel.getByRole('img', { name: /CineECG model per trajectory axis/ })).toBeVisible();
  const got = await downloadedExplanation(page);
  const expected = cliExplain(RECORD, [
    '--model',
    'models/cine3/model.json',
    '--method',
    'ig',
    '--steps',
    '8',
    '--noise-samples',
    '2',
    '--backend',
    'wasm',
  ]);
  expect(got.attributions[0][0]).toHaveLength(3);
  const rel = maxRelativeDifference(got.attributions, expected.attributions);
  testInfo.annotations.push({
    type: 'measured',
    description: `CineECG IG: max relative difference to Node ${rel.toExponential(2)}`,
  });
  expect(rel).toBeLessThanOrEqual(TOLERANCE);
});

/** IG with a short path and 2 noisy copies: the same seeded noise in Node and the browser, so numbers compare. */
let node: ExplainJson | null = null;
const nodeIg = () =>
  (node ??= cliExplain(RECORD, ['--method', 'ig', '--steps', '8', '--noise-samples', '2', '--backend', 'wasm']));
const rows: Array<{ backend: string; relDiff: number; ms: number }> = [];
test.afterAll(() => {
  if (rows.length)
    writeFileSync(path.join(TEST_RESULTS, 'explain-backends.json'), `${JSON.stringify(rows, null, 1)}\n`);
});

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
  test(`${backend}: the same IG attributions as Node within 1e-4 relative`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await page.goto(`./?backend=${backend}`);
    const prediction = page.getByTestId('prediction');
    await expect(
      prediction
        .and(page.locator('[data-backends-available]:not([data-backends-available=""])'))
        .or(page.getByRole('alert')),
    ).toBeVisible({ timeout: 60_000 });
    const available = ((await prediction.getAttribute('data-backends-available').catch(() => null)) ?? '').split(',');
    test.skip(
      !available.includes(backend),
      `${backend} is not available in this browser (available: ${available.join(', ')})`,
    );
    await expect(prediction).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });

    await chooseMethod(page, /Integrated Gradients/, SMALL_IG);
    await runExplanation(page, 280_000);
    const got = await downloadedExplanation(page);
    expect(got.backend).toBe(backend);
    expect(got.params).toMatchObject({ steps: 8, noiseSamples: 2, seed: 0 });
    const rel = maxRelativeDifference(got.attributions, nodeIg().attributions);
    rows.push({ backend, relDiff: rel, ms: got.ms });
    testInfo.annotations.push({
      type: 'measured',
      description: `max |A_browser − A_node| / max |A_node| = ${rel.toExponential(2)}; ${got.ms} ms`,
    });
    expect(rel).toBeLessThanOrEqual(TOLERANCE);
  });
}
