import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cliPredict } from './support/predict';

/**
 * Models are data (issue 14): a third model listed in models/index.json is loaded, predicted and offered for
 * explaining with no UI code naming it. The build ships only the registered models, so this test serves the
 * benchmark's synthetic-cohort model (models/synth, 12-lead input) from disk and adds it to the served index.
 */
const RECORD = 'public/cases/ptbxl-00285/00285_hr.hea';
const THIRD = 'synth';

test('a third model added to models/index.json is predicted and explainable without UI changes', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const index = JSON.parse(readFileSync('models/index.json', 'utf8')) as { app: string[] };
  await page
    .context()
    .route('**/models/index.json', (route) => route.fulfill({ json: { app: [...index.app, THIRD] } }));
  await page.context().route(`**/models/${THIRD}/*`, (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop()!;
    return route.fulfill({ body: readFileSync(join('models', THIRD, file)) });
  });
  await page.goto('./?case=ptbxl-00285');

  const meta = JSON.parse(readFileSync(`models/${THIRD}/meta.json`, 'utf8')) as { title: string; shortTitle: string };
  const line = page.locator(`[data-testid=companion-prediction][data-model=${THIRD}]`);
  await expect(line).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 150_000 });
  const shown = Number(await line.getAttribute('data-p-abnormal'));
  const node = cliPredict(`models/${THIRD}/model.json`, RECORD);
  expect(Math.abs(shown - node.pAbnormal)).toBeLessThanOrEqual(1e-4);
  await expect(line).toContainText(`${meta.shortTitle} model: p(abnormal)`);
  await expect(line).toHaveAttribute('title', meta.title);

  // The shipped models are still there, and the drawer offers the third one by its registry name.
  await expect(page.locator('[data-testid=companion-prediction][data-model=cine3]')).toBeVisible();
  // The strip keeps its height with a third model, and each model's line starts inside it (none pushed out below).
  const strip = page.getByTestId('prediction');
  const lines = await strip.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('.prediction-lines > *, [data-testid=companion-prediction]')]
      .map((line) => line.getBoundingClientRect())
      .filter((r) => r.height > 0)
      .map((r) => ({ top: r.top - box.top, bottom: box.bottom - r.bottom, left: box.right - r.left }));
  });
  expect(lines.length).toBeGreaterThanOrEqual(4); // the primary's line, two companions, and their elements
  for (const l of lines) {
    expect(l.top, 'a line inside the strip').toBeGreaterThanOrEqual(0);
    expect(l.bottom, 'a line not cut off below').toBeGreaterThanOrEqual(0);
    expect(l.left, 'a line that starts inside the strip').toBeGreaterThan(40);
  }
  await strip.screenshot({ path: testInfo.outputPath('prediction-three-models.png') });
  await page.getByRole('button', { name: 'Details' }).click();
  const radio = page
    .getByRole('radiogroup', { name: 'Model explained' })
    .getByRole('radio', { name: `${meta.shortTitle} model` });
  await expect(radio).toBeEnabled();
  await radio.click();
  await expect(radio).toBeChecked();
  // The address follows the view (written after a short debounce), so the choice survives a reload or a shared link.
  await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe(THIRD);
});
