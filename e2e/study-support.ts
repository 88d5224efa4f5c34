import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the example study and starts as an expert; returns once the first case is drawn. */
export async function startExample(page: Page, expert = 'Dr Test'): Promise<void> {
  await page.goto('./?study=example');
  await page.getByLabel('Your name').fill(expert);
  await page.getByRole('button', { name: 'Start annotating' }).click();
  await expect(page.getByRole('heading', { name: 'Case 1 of 10' })).toBeVisible();
  await expect(grid(page)).toBeVisible();
}

export const grid = (page: Page): Locator => page.getByTestId('annotation-grid');
export const track = (page: Page): Locator => page.getByTestId('cine-track');

/** Screen point of (lead row, ms from window start) on the annotation grid, from its data-* calibration. */
export async function gridPoint(canvas: Locator, row: number, ms: number): Promise<{ x: number; y: number }> {
  const box = (await canvas.boundingBox())!;
  const d = await canvas.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const y = Number(d.rowBaselinesY!.split(',')[row]);
  return { x: box.x + Number(d.originX) + ms * Number(d.pxPerMs), y: box.y + y - 6 };
}

export async function dragOnGrid(page: Page, row: number, fromMs: number, toMs: number): Promise<void> {
  const a = await gridPoint(grid(page), row, fromMs);
  const b = await gridPoint(grid(page), row, toMs);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

export async function trackPoint(page: Page, ms: number): Promise<{ x: number; y: number }> {
  const box = (await track(page).boundingBox())!;
  return { x: box.x + (ms / 400) * box.width, y: box.y + box.height / 2 };
}

export const marksOf = async (l: Locator): Promise<string> => (await l.getAttribute('data-marks')) ?? '';

/** Opens the blind view's "Files" menu (export, import, switch expert) if it is closed. */
export async function openFiles(page: Page): Promise<void> {
  const menu = page.locator('details.st-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
}
