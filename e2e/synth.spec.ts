import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { chooseMethod, runExplanation } from './support/explain';
import { REPO_ROOT, TEST_RESULTS } from './support/paths';
import { cliPredict, readShownPrediction } from './support/predict';
import { readCanvas } from './support/raster';

/**
 * Synthetic cases (issue 16): a generated LAFB-like record opens like any case (its prediction equals `cli predict` on
 * the files `cli synth` writes for the same seed: the browser's generator and Node's agree), its truth is drawn over
 * the grid and along the 3D trajectory, "Healthy twin" opens the twin (no truth, truth label normal) and back.
 */

const TRUTH_RGB: [number, number, number] = [0x0b, 0x7a, 0x53];

/** Canvas pixels close to the truth's green (hatch and outline are drawn translucent over white/pink paper/ink). */
async function greenPixels(page: Page): Promise<number> {
  const r = await readCanvas(page.locator('canvas.ecg-canvas'));
  let n = 0;
  for (let i = 0; i < r.data.length; i += 4) {
    const [red, g, b] = [r.data[i], r.data[i + 1], r.data[i + 2]];
    // Green dominant: the paper is pink/white, the ink near black, the window blue, attributions blue–red.
    if (g > red + 40 && g > b + 15 && Math.abs(g - TRUTH_RGB[1]) < 120) n++;
  }
  return n;
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await page.screenshot({ path: path.join(TEST_RESULTS, `${name}.png`) });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

test('a synthetic LAFB case: truth on the grid and the 3D path, the healthy twin one click away, and back', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

  // The same record from Node: cli synth writes synth-16-1 (+ twin) for seed 16.
  const dir = mkdtempSync(path.join(tmpdir(), 'synth-e2e-'));
  execFileSync(
    'npx',
    ['tsx', 'scripts/cli.ts', 'synth', '--seed', '16', '--count', '2', '--pathology', 'lafb', '--out', dir],
    { cwd: REPO_ROOT, stdio: 'ignore' },
  );
  const node = cliPredict('models/ecg12/model.json', path.join(dir, 'synth-16-1.hea'));
  const nodeTwin = cliPredict('models/ecg12/model.json', path.join(dir, 'synth-16-1-healthy.hea'));

  await page.goto('./?case=synth-lafb');
  await expect(page.getByTestId('case-title')).toContainText('Synthetic LAFB-like (not a patient)');
  await expect(page.getByTestId('synth-summary')).toContainText('Synthetic — not a patient');
  await expect(page.getByTestId('synth-truth-label')).toHaveAttribute('data-label', 'abnormal');
  const shown = await readShownPrediction(page);
  expect(Math.abs(shown.pAbnormal - node.pAbnormal)).toBeLessThan(1e-4);
  await expect(page.locator('canvas.ecg-canvas')).toHaveAttribute('data-window-start-ms', String(node.windowStartMs));

  // Truth on the grid: ranges drawn (counted by the canvas) and green ink on the paper; the legend states the rule.
  const canvas = page.locator('canvas.ecg-canvas');
  await expect.poll(async () => Number(await canvas.getAttribute('data-truth-ranges'))).toBeGreaterThan(0);
  await expect(page.getByTestId('truth-summary')).toContainText('|record − healthy twin| ≥ 0.02 mV');
  const green = await greenPixels(page);
  expect(green).toBeGreaterThan(500);

  // Along the trajectory: runs of the window's samples, sheathed.
  const stage = page.locator('.heart-stage');
  await expect(stage).toHaveAttribute('data-heart-status', 'ready', { timeout: 60_000 });
  await expect(stage).toHaveAttribute('data-truth-runs', /^\d+-\d+/);
  await expect(page.getByTestId('heart-truth-note')).toBeVisible();

  // The toggle hides it everywhere and brings it back.
  await page.getByTestId('truth-legend').getByLabel('Truth').uncheck();
  await expect(canvas).not.toHaveAttribute('data-truth-ranges', /.*/);
  await expect(stage).not.toHaveAttribute('data-truth-runs', /.*/);
  expect(await greenPixels(page)).toBeLessThan(green / 20);
  await page.getByTestId('truth-legend').getByLabel('Truth').check();
  await expect.poll(async () => Number(await canvas.getAttribute('data-truth-ranges'))).toBeGreaterThan(0);

  // A quick explanation: the map's agreement with the truth is read out beside it.
  await chooseMethod(page, /Integrated Gradients/, { Steps: '8', 'Noisy copies': '2' });
  await runExplanation(page, 120_000);
  await expect(page.getByTestId('truth-dice')).toContainText(/Dice \d\.\d\d at θ\* \d\.\d\d/);
  await page.waitForTimeout(500);
  await page.setViewportSize({ width: 1280, height: 720 });
  await shoot(page, testInfo, 'synth-lafb-1280x720');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shoot(page, testInfo, 'synth-lafb-1920x1080');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The healthy twin, one click: its own address, truth label normal, nothing to draw.
  await page.getByTestId('synth-twin-link').click();
  await expect(page).toHaveURL(/[?&]case=synth-lafb-healthy/);
  await expect(page.getByTestId('case-title')).toContainText('Healthy twin of synthetic LAFB-like');
  await expect(page.getByTestId('synth-truth-label')).toHaveAttribute('data-label', 'normal');
  await expect(page.getByTestId('truth-summary')).toContainText('Healthy twin');
  await expect(page.getByTestId('truth-legend')).toHaveAttribute('data-truth-samples', '0');
  const twinShown = await readShownPrediction(page);
  expect(Math.abs(twinShown.pAbnormal - nodeTwin.pAbnormal)).toBeLessThan(1e-4);
  await expect(canvas).toHaveAttribute('data-truth-ranges', '0');
  expect(await greenPixels(page)).toBeLessThan(50);
  await expect(stage).not.toHaveAttribute('data-truth-runs', /.*/);
  await shoot(page, testInfo, 'synth-lafb-twin-1280x900');

  // And back, in one click.
  await page.getByTestId('synth-twin-link').click();
  await expect(page).toHaveURL(/[?&]case=synth-lafb(&|$)/);
  await expect(page.getByTestId('synth-truth-label')).toHaveAttribute('data-label', 'abnormal');
  await expect.poll(async () => Number(await canvas.getAttribute('data-truth-ranges'))).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('the case picker lists the synthetic cases as synthetic, and each opens', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await expect(page.getByTestId('case-title')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('case-picker').locator('summary').click({ timeout: 60_000 }); // the page may still be busy with the first case's 3D view
  const list = page.getByTestId('synth-case-list');
  await expect(list).toContainText('Synthetic (known truth)');
  await expect(list).toContainText('not patients');
  await expect(list.locator('li')).toHaveCount(5);
  await list.getByRole('link', { name: /T-wave inversion/ }).click({ timeout: 60_000 });
  await expect(page).toHaveURL(/[?&]case=synth-t-inversion/);
  await expect(page.getByTestId('synth-truth-label')).toHaveAttribute('data-label', 'abnormal');
  await expect
    .poll(async () => Number(await page.locator('canvas.ecg-canvas').getAttribute('data-truth-ranges')))
    .toBeGreaterThan(0);
  // The normal record has no twin besides itself and no truth.
  await page.goto('./?case=synth-normal');
  await expect(page.getByTestId('synth-truth-label')).toHaveAttribute('data-label', 'normal');
  await expect(page.getByTestId('synth-twin-link')).toHaveCount(0);
  await expect(page.locator('canvas.ecg-canvas')).toHaveAttribute('data-truth-ranges', '0');
});
