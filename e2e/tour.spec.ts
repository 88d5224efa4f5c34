import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { readRecordFiles } from '../scripts/lib/record-files';
import { loadRecord } from '../src/core/ecg/load';
import { prepareEcg } from '../src/core/ecg/prepare';
import { caseFacts } from '../src/core/tour/case-facts';
import { REPO_ROOT } from './support/paths';

/** The axis the core computes in Node for a bundled case: what the tour in the browser must show. */
function nodeFacts(id: string) {
  const n = id.replace('ptbxl-', '');
  const prepared = prepareEcg(loadRecord(readRecordFiles(resolve(REPO_ROOT, `public/cases/${id}/${n}_hr.hea`))));
  return caseFacts({ caseId: id, title: id, prepared });
}
const deg = (v: number) => `${v < 0 ? '−' : '+'}${Math.abs(Math.round(v))}°`;

const band = (page: Page) => page.getByTestId('tour-band');
const statement = (page: Page) => page.getByTestId('tour-statement');

async function atStep(page: Page, step: number, timeout = 30_000) {
  await expect(band(page)).toHaveAttribute('data-step', String(step), { timeout });
  await expect(statement(page)).not.toHaveAttribute('data-waiting', /.+/, { timeout });
}

test('the LAFB lesson from the keyboard: T starts it, PageDown steps through every computed statement, presenter mode and full-screen 3D, Esc leaves', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const lafb = nodeFacts('ptbxl-00285');
  const normal = nodeFacts('ptbxl-00262');
  await page.goto('./?case=ptbxl-00285&backend=wasm'); // the wasm backend, as explain.spec does: on a loaded machine the timing race can pick cpu
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.heart-stage')).toHaveAttribute('data-trajectory-points', '200', { timeout: 60_000 });

  await page.keyboard.press('t');
  await expect(band(page)).toBeVisible({ timeout: 60_000 }); // the tour's chunk loads on the first tour
  await atStep(page, 1, 60_000);
  // 1: the axis, computed in the browser, equals the core's in Node; the dial shows it
  await expect(statement(page)).toContainText(`is ${deg(lafb.axis.degrees)}`);
  await expect(statement(page)).toContainText('That is left axis deviation');
  await expect(page.getByTestId('axis-dial')).toHaveAttribute('data-axis-deg', String(Math.round(lafb.axis.degrees)));
  await expect(page.getByTestId('tour-beat-highlight')).toHaveAttribute('data-leads', 'I,aVF');
  await expect(page).toHaveURL(/tour=lafb&step=1/);

  // Presenter mode: large type, high-contrast trajectory
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  const px = await statement(page)
    .locator('p')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(px).toBeGreaterThanOrEqual(22);
  await expect(page.locator('.heart-stage')).toHaveAttribute('data-palette', 'high-contrast');

  // 2: qR / rS from the delineation, highlighted on the grid and the beat panel
  await page.keyboard.press('PageDown');
  await atStep(page, 2);
  await expect(statement(page)).toContainText(
    `qR in aVL: seen (the delineated QRS, 0–${Math.round(lafb.qrsEndMs)} ms: aVL ${lafb.patterns.aVL.pattern})`,
  );
  await expect(statement(page)).toContainText(
    `II ${lafb.patterns.II.pattern}, III ${lafb.patterns.III.pattern} and aVF ${lafb.patterns.aVF.pattern}`,
  );
  await expect(page.getByTestId('tour-beat-highlight')).toHaveAttribute('data-leads', 'aVL,II,III,aVF');
  expect(Number(await page.getByTestId('tour-grid-highlight').getAttribute('data-boxes'))).toBeGreaterThanOrEqual(4);

  // 3: the model's attention (the tour runs IG, the chosen method) — statements wait for it, then are computed
  await page.keyboard.press('PageDown');
  await atStep(page, 3, 180_000);
  await expect(statement(page)).toContainText(/Integrated Gradients: \d+% of \|Φ\| lies inside the QRS \(0–\d+ ms\)/);
  await expect(statement(page)).toContainText(
    /The strongest 40 ms is \d+–\d+ ms \(\d+% of \|Φ\|\), evidence for (abnormal|normal)/,
  );
  await expect(page.locator('[role="status"]').filter({ hasText: 'Explanation ready' })).toHaveCount(1);
  const [from, to] = (await statement(page).innerText())
    .match(/strongest 40 ms is (\d+)–(\d+) ms/)!
    .slice(1)
    .map(Number);

  // 4: the same interval on the 3D trajectory; the time cursor at its end
  await page.keyboard.press('PageDown');
  await atStep(page, 4);
  await expect(statement(page)).toContainText(
    `Over ${from}–${to} ms, where Φ concentrates, the CineECG trajectory (LPS heart frame) moves`,
  );
  await expect(statement(page)).toContainText(/mm (superior|inferior), \d+ mm (leftward|rightward)/);
  await expect(page.locator('.heart-stage')).toHaveAttribute('data-cursor-ms', String(to));

  // 5: the normal case beside it, both axes computed
  await page.keyboard.press('PageDown');
  await atStep(page, 5);
  await expect(page.getByTestId('axis-dial')).toHaveCount(2);
  await expect(page.getByTestId('axis-dial').nth(1)).toHaveAttribute(
    'data-axis-deg',
    String(Math.round(normal.axis.degrees)),
  );
  await expect(statement(page)).toContainText(
    `Frontal QRS axis: ${deg(lafb.axis.degrees)} (left axis deviation) here, ${deg(normal.axis.degrees)} (normal)`,
  );
  await expect(page.getByTestId('frontal-paths')).toBeVisible();
  await page.keyboard.press('PageDown'); // the last step stays
  await expect(band(page)).toHaveAttribute('data-step', '5');
  await page.keyboard.press('PageUp');
  await expect(band(page)).toHaveAttribute('data-step', '4');

  // Full-screen 3D: the heart takes the workspace; Esc steps back out, then out of presenter mode, then the tour
  const before = (await page.locator('.heart-stage').boundingBox())!;
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveClass(/fullscreen-3d/);
  await expect
    .poll(async () => (await page.locator('.heart-stage').boundingBox())!.width)
    .toBeGreaterThan(before.width * 1.5);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/fullscreen-3d/);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await page.keyboard.press('Escape');
  await expect(band(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/tour=/);
});

test('the CRBBB skeleton is the same machinery on another case', async ({ page }) => {
  test.setTimeout(120_000);
  const crbbb = nodeFacts('ptbxl-00195');
  await page.goto('./?case=ptbxl-00262');
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('tour-menu').locator('summary').click({ timeout: 60_000 });
  await page.getByRole('button', { name: /right bundle branch block/ }).click({ timeout: 60_000 });
  await expect(page).toHaveURL(/case=ptbxl-00195/); // the tour opened its case
  await atStep(page, 1, 60_000);
  await expect(statement(page)).toContainText(`The QRS of this beat lasts ${Math.round(crbbb.qrsEndMs)} ms`);
  await page.keyboard.press('ArrowRight');
  await atStep(page, 2);
  await expect(statement(page)).toContainText(`V1 ${crbbb.patterns.V1.pattern}`);
});
