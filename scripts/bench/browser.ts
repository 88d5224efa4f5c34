import { chromium, type Page } from '@playwright/test';
import { METHOD_LABELS, type ExplainMethod } from '../../src/core/xai/methods';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { runExplanation } from '../../e2e/support/explain';
import type { BenchPlan } from './node';
import type { BenchCell } from './table';
import { servePreview } from '../lib/preview';

const PORT = 4181;

/**
 * The same explanations in headless Chromium, through the app as a user runs them (?backend= forces one);
 * the time is the worker's wall time for the method, as the app's timings table shows it.
 */
export async function benchChromium(backends: string[], plan: BenchPlan): Promise<BenchCell[]> {
  const server = await servePreview(PORT);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const cells: BenchCell[] = [];
  try {
    for (const backend of backends) {
      const page = await browser.newPage();
      const ok = await openOn(page, backend);
      for (const method of plan.methods) {
        const cell: BenchCell = { env: 'chromium', backend, method, runsMs: [], ...(ok !== true && { note: ok }) };
        cells.push(cell);
        if (ok !== true) continue;
        await page.getByTestId('explain').getByRole('radio', { name: METHOD_LABELS[method as ExplainMethod] }).click();
        for (let r = 0; r < plan.runs; r++) {
          cell.runsMs.push(await runExplanation(page, 30 * 60_000));
          plan.log(`chromium ${backend} ${method} run ${r + 1}: ${cell.runsMs.at(-1)!.toFixed(0)} ms`);
          if (cell.runsMs[0] > plan.longMs) break;
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return cells;
}

/** Opens the app on one backend; true when its prediction is shown, else why not. */
async function openOn(page: Page, backend: string): Promise<true | string> {
  await page.goto(`http://127.0.0.1:${PORT}/?backend=${backend}`);
  const panel = page.getByTestId('prediction');
  await panel.and(page.locator('[data-p-abnormal]')).or(page.getByRole('alert')).first().waitFor({ timeout: 180_000 });
  if (await page.getByRole('alert').count()) return `unavailable: ${(await page.getByRole('alert').innerText()).split('\n').slice(-1)[0]}`;
  return true;
}
