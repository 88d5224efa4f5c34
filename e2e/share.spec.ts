import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

const stage = (page: Page) => page.locator('.heart-stage');

/** The 3D canvas scaled down to 48×48 RGB (it keeps its pixels: preserveDrawingBuffer). */
const heartPixels = (page: Page) =>
  stage(page)
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => {
      const small = document.createElement('canvas');
      small.width = small.height = 48;
      const ctx = small.getContext('2d')!;
      ctx.drawImage(c, 0, 0, 48, 48);
      return Array.from(ctx.getImageData(0, 0, 48, 48).data).filter((_, i) => i % 4 !== 3);
    });
const meanDiff = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / a.length;

async function opened(page: Page, caseId: string) {
  await expect(page.locator(`.case-link[data-case-id="${caseId}"][data-current]`)).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toBeVisible({ timeout: 60_000 });
  await expect(stage(page)).toHaveAttribute('data-heart-status', 'ready', { timeout: 60_000 });
}

test('a link restores the view (method, post-processing, layout, camera, time cursor), and back/forward move between cases', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const view = 'method=gradshap&pp=absolute&map=curves&layout=3x4&speed=50&cam=superior&t=120';
  await page.goto(`./?case=ptbxl-00262&${view}`);
  await opened(page, 'ptbxl-00262');
  await expect(page.getByRole('radio', { name: 'Gradient SHAP' })).toHaveAttribute('aria-checked', 'true');
  const grid = page.getByRole('img', { name: /12-lead ECG/ });
  await expect(grid).toHaveAttribute('data-layout', '3x4');
  await expect(grid).toHaveAttribute('data-mm-per-s', '50');
  await expect(stage(page)).toHaveAttribute('data-view', 'superior');
  await expect(stage(page)).toHaveAttribute('data-cursor-ms', '120');
  await page.waitForTimeout(800); // the address is rewritten (debounced) only on changes: it must still say the same
  expect(new URL(page.url()).search).toBe(`?case=ptbxl-00262&${view}`);

  // A small view change replaces the entry (no new history entry) …
  await page.getByRole('button', { name: 'Left lateral view' }).click();
  await expect(page).toHaveURL(/cam=left-lateral/);
  // … a case change pushes one.
  await page.getByTestId('case-picker').locator('summary').click();
  await page.locator('.case-link[data-case-id="ptbxl-00338"] a').click();
  await opened(page, 'ptbxl-00338');
  await expect(page).toHaveURL(/case=ptbxl-00338/);

  await page.goBack();
  await opened(page, 'ptbxl-00262');
  await expect(stage(page)).toHaveAttribute('data-view', 'left-lateral');
  await expect(stage(page)).toHaveAttribute('data-cursor-ms', '120');
  await expect(grid).toHaveAttribute('data-layout', '3x4');
  await page.goForward();
  await opened(page, 'ptbxl-00338');

  // An orbited camera goes into the address as a pose and comes back after a reload.
  await page.waitForTimeout(1500);
  const anterior = await heartPixels(page);
  const box = (await stage(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 30, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/cam=-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+/);
  await page.waitForTimeout(1000);
  const url = page.url();
  const orbited = await heartPixels(page);
  await page.reload();
  await opened(page, 'ptbxl-00338');
  await page.waitForTimeout(2000);
  expect(page.url()).toBe(url);
  const restored = await heartPixels(page);
  // the same picture after the reload, a clearly different one from the camera before the orbit
  expect(meanDiff(restored, orbited)).toBeLessThan(2);
  expect(meanDiff(anterior, orbited)).toBeGreaterThan(5);

  // A tour step in the address opens the tour there.
  await page.goto('./?tour=lafb&step=2');
  await expect(page.getByTestId('tour-band')).toHaveAttribute('data-step', '2', { timeout: 60_000 });
  await expect(page.getByTestId('tour-statement')).toContainText('qR in aVL', { timeout: 60_000 });
});

/** The PNG's width and height from its IHDR chunk, after checking the signature. */
function pngSize(buf: Buffer): { w: number; h: number } {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { w: buf.readUInt32BE(16), h: buf.readUInt32BE(20) };
}

test('exports: grid, 3D and side-by-side PNGs, attributions as JSON and CSV, named after the case and method', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // explained=1: the link asks for the method's explanation on opening (Gradient SHAP is quick)
  await page.goto('./?case=ptbxl-00285&method=gradshap&explained=1');
  await opened(page, 'ptbxl-00285');
  await expect(page.locator('[role="status"]').filter({ hasText: 'Explanation ready' })).toHaveCount(1, {
    timeout: 120_000,
  });
  await expect(stage(page)).toHaveAttribute('data-colored', 'phi');

  const save = async (kind: string) => {
    await page.getByTestId('export-menu').locator('summary').click({ timeout: 60_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`[data-export="${kind}"]`).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), data: readFileSync(path!) };
  };

  const grid = await save('grid-png');
  expect(grid.name).toBe('ptbxl-00285-gradshap-grid.png');
  const g = pngSize(grid.data);
  expect(g.w).toBeGreaterThan(400);
  const heart = await save('heart-png');
  expect(heart.name).toBe('ptbxl-00285-gradshap-3d.png');
  const h = pngSize(heart.data);
  expect(h.w).toBeGreaterThan(200);
  const fig = await save('figure-png');
  expect(fig.name).toBe('ptbxl-00285-gradshap-figure.png');
  const f = pngSize(fig.data);
  expect(f.w).toBeGreaterThan(f.h); // side by side
  expect(f.h).toBeGreaterThanOrEqual(600);

  const json = await save('json');
  expect(json.name).toBe('ptbxl-00285-gradshap-attributions.json');
  const parsed = JSON.parse(json.data.toString('utf8'));
  expect(parsed).toMatchObject({ case: 'ptbxl-00285', model: 'ecg12', method: 'gradshap' });
  expect(parsed.attributions).toHaveLength(2);
  expect(parsed.phi).toHaveLength(200);
  expect(parsed.phi[0]).toHaveLength(12);

  const csv = await save('csv');
  expect(csv.name).toBe('ptbxl-00285-gradshap-attributions.csv');
  const rows = csv.data
    .toString('utf8')
    .trim()
    .split('\n')
    .map((r) => r.split(','));
  expect(rows[0]).toEqual(['t_ms', 'I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'phi_d']);
  expect(rows).toHaveLength(201);
  expect(rows.slice(1).every((r) => r.length === 14 && r.every((v) => Number.isFinite(Number(v))))).toBe(true);
  // the CSV is the JSON's Φ, row by row
  expect(Number(rows[51][5])).toBeCloseTo(parsed.phi[50][4], 5);
  expect(Math.max(...rows.slice(1).map((r) => Math.abs(Number(r[13]))))).toBeCloseTo(1, 5); // Φd: eq. 2 scales max |Φd| to 1
});
