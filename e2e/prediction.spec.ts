import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_RESULTS } from './support/paths';
import { type CliPrediction, type ShownPrediction, cliPredict, readShownPrediction } from './support/predict';

/**
 * The browser runs the same model as Node: the app's p(abnormal) for the demo case equals `cli predict`'s
 * within 1e-4, on the backend it picks by itself and on each backend forced with ?backend=.
 */
const MODEL = 'models/ecg12/model.json';
const RECORD = 'public/cases/ptbxl-00285/00285_hr.hea';
const TOLERANCE = 1e-4;
const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

let node: CliPrediction | null = null;
const nodePrediction = (): CliPrediction => (node ??= cliPredict(MODEL, RECORD));

/** One row per backend run, written to test-results/prediction-backends.json at the end. */
const rows: Array<{
  run: string;
  backend: string;
  pAbnormal: string;
  diffVsNode: number;
  backendMs: number;
  loadMs: number;
  warmUpMs: number;
  predictMs: number;
}> = [];
const record = (run: string, shown: ShownPrediction) => {
  const diffVsNode = Math.abs(shown.pAbnormal - nodePrediction().pAbnormal);
  rows.push({
    run,
    backend: shown.backend,
    pAbnormal: shown.pAbnormalText,
    diffVsNode,
    backendMs: shown.backendMs,
    loadMs: shown.loadMs,
    warmUpMs: shown.warmUpMs,
    predictMs: shown.predictMs,
  });
  console.log(
    `[prediction] ${run}: backend ${shown.backend}, p(abnormal) ${shown.pAbnormalText} (node ${nodePrediction().pAbnormal}, |Δ| ${diffVsNode.toExponential(2)}), ` +
      `backend init ${shown.backendMs.toFixed(1)} ms, load ${shown.loadMs.toFixed(1)} ms, warm-up ${shown.warmUpMs.toFixed(1)} ms, predict ${shown.predictMs.toFixed(1)} ms`,
  );
  return diffVsNode;
};

test.afterAll(() => {
  if (rows.length > 0)
    writeFileSync(path.join(TEST_RESULTS, 'prediction-backends.json'), `${JSON.stringify({ node, rows }, null, 1)}\n`);
});

test('the app shows the prediction for the demo case, the same as cli predict', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });

  await page.goto('./');
  const shown = await readShownPrediction(page);
  const expected = nodePrediction();

  await test.step('p(abnormal) equals Node within 1e-4, at full precision', async () => {
    expect(shown.pAbnormalText).toMatch(/^0\.\d{8,}|^[01]$/); // as JS prints it, not rounded for display
    expect(Math.abs(shown.pAbnormal - expected.pAbnormal)).toBeLessThanOrEqual(TOLERANCE);
    expect(shown.label).toBe(expected.label);
  });

  await test.step('the backend is one of ours, and the panel says which, with the load time', async () => {
    expect(BACKENDS).toContain(shown.backend);
    testInfo.annotations.push({
      type: 'backend',
      description: `${shown.backend} (available here: ${shown.available.join(', ')})`,
    });
    const panel = page.getByTestId('prediction');
    await expect(panel.getByTestId('prediction-value')).toHaveText(
      `p(abnormal) = ${shown.pAbnormal.toFixed(2)} → ${expected.label}`,
    );
    await expect(panel.getByTestId('model-line')).toContainText(
      `Model: 1D-ResNet (12-lead) · backend ${shown.backend} · loaded in`,
    );
    await expect(panel).toContainText('not a diagnosis');
    expect(shown.loadMs).toBeGreaterThan(0);
  });

  record('default', shown);
  const shot = testInfo.outputPath('prediction.png');
  await page.screenshot({ path: shot, fullPage: true });
  await page.screenshot({ path: path.join(TEST_RESULTS, 'prediction.png'), fullPage: true });
  await testInfo.attach('prediction', { path: shot, contentType: 'image/png' });
  expect(problems).toEqual([]);
});

for (const backend of BACKENDS) {
  test(`forced backend ${backend}: the same p(abnormal) as Node`, async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    await page.goto(`./?backend=${backend}`);
    const panel = page.getByTestId('prediction');
    // The worker's `check` says what this browser offers; a backend it lacks is skipped, named, not failed.
    await expect(panel.or(page.getByRole('alert'))).toBeVisible();
    await expect(
      panel
        .and(page.locator('[data-backends-available]:not([data-backends-available=""])'))
        .or(page.getByRole('alert')),
    ).toBeVisible({ timeout: 60_000 });
    const available = ((await panel.getAttribute('data-backends-available').catch(() => null)) ?? '').split(',');
    test.skip(
      !available.includes(backend),
      `${backend} is not available in this browser (available: ${available.join(', ')})`,
    );

    const shown = await readShownPrediction(page);
    expect(shown.backend).toBe(backend);
    const diff = record(backend, shown);
    testInfo.annotations.push({
      type: 'measured',
      description: `|Δ| ${diff.toExponential(2)}, load ${shown.loadMs.toFixed(0)} ms, warm-up ${shown.warmUpMs.toFixed(0)} ms, predict ${shown.predictMs.toFixed(1)} ms`,
    });
    expect(diff).toBeLessThanOrEqual(TOLERANCE);

    const shot = testInfo.outputPath(`prediction-${backend}.png`);
    await panel.screenshot({ path: shot });
    await testInfo.attach(`prediction-${backend}`, { path: shot, contentType: 'image/png' });
  });
}

test('the CineECG twin model predicts in the browser what cli predict gives in Node', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await page.goto('./');
  const twin = page.locator('[data-testid=companion-prediction][data-model=cine3]');
  await expect(twin).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
  const shown = Number(await twin.getAttribute('data-p-abnormal'));
  const node = cliPredict('models/cine3/model.json', RECORD);
  testInfo.annotations.push({
    type: 'measured',
    description: `CineECG model p(abnormal) ${shown} (node ${node.pAbnormal}, |Δ| ${Math.abs(shown - node.pAbnormal).toExponential(2)})`,
  });
  expect(Math.abs(shown - node.pAbnormal)).toBeLessThanOrEqual(TOLERANCE);
  // The line names the model by its registry short title (models/cine3/meta.json), the full title on hover.
  const meta = JSON.parse(readFileSync('models/cine3/meta.json', 'utf8')) as { title: string; shortTitle: string };
  await expect(twin).toContainText(`${meta.shortTitle} model: p(abnormal) = ${node.pAbnormal.toFixed(2)}`);
  await expect(twin).toHaveAttribute('title', meta.title);
});

test('a model that cannot be fetched shows an error panel, and the ECG stays', async ({ page }) => {
  await page.route('**/models/ecg12/model.json', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-error-code', 'model-load', { timeout: 60_000 }); // the worker times backends first
  await expect(alert).toContainText('model.json');
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toBeVisible();
});

test('an unknown ?backend= fails loudly instead of running elsewhere', async ({ page }) => {
  await page.goto('./?backend=tpu');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-error-code', 'backend-unavailable');
  await expect(alert).toContainText('webgpu, webgl, wasm, cpu');
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toBeVisible();
});

test('while the model loads, the panel says so (never blank), then shows the prediction; nothing below moves', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/models/ecg12/*.bin', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  const panel = page.getByTestId('prediction');
  await expect(panel.getByRole('status')).toContainText(/Loading the model|Starting the/);
  await expect(panel).toHaveAttribute('aria-busy', 'true');
  const shot = testInfo.outputPath('prediction-loading.png');
  await panel.screenshot({ path: shot });
  await testInfo.attach('prediction-loading', { path: shot, contentType: 'image/png' });
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toBeVisible();
  const gridTop = async () => (await page.locator('.ecg-scroll').boundingBox())!.y;
  const before = await gridTop();
  release();
  await expect(panel).toHaveAttribute('data-p-abnormal', /^0\.\d+/, { timeout: 90_000 });
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('[data-testid=companion-prediction][data-model=cine3]')).toBeVisible({ timeout: 120_000 });
  expect(await gridTop(), 'the grid does not move when the predictions arrive').toBe(before);
});
