import type { Page } from '@playwright/test';

/** One checkpoint of a soak: after `run` explanations, what the worker and the page hold. */
export interface SoakRow {
  run: number;
  /** tf.memory() in the worker. */
  tensors: number;
  tensorBytes: number;
  /** The page's JS heap after a forced GC (CDP Runtime.getHeapUsage), bytes. */
  heapBytes: number;
  /** Mean wall time per explanation since the previous checkpoint (click → result in the timings table), ms. */
  msPerRun: number;
}

const EXPLAIN = '[data-testid="explain"]';

/** Sets the IG fields of the explain panel (the drawer holds them) as a user would. */
export async function setIgBudget(page: Page, steps: number, noisyCopies: number): Promise<void> {
  const panel = page.locator(EXPLAIN);
  await panel
    .getByRole('radiogroup', { name: 'Attribution method' })
    .getByRole('radio', { name: /Integrated Gradients/ })
    .click();
  const toggle = panel.getByRole('button', { name: /^(Details|Hide details)$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await panel.getByLabel('Steps', { exact: true }).fill(String(steps));
  await panel.getByLabel('Noisy copies', { exact: true }).fill(String(noisyCopies));
  await toggle.click();
}

/** Clicks Explain and waits for this run's row in the timings table; throws with the panel's alert if it failed. */
async function explainOnce(page: Page): Promise<void> {
  const rows = `${EXPLAIN} table.timings tbody tr`;
  const before = await page.locator(rows).count();
  await page
    .locator(EXPLAIN)
    .getByRole('button', { name: /^Explain with/ })
    .click();
  await page.waitForFunction(
    ({ rows, before, panel }) =>
      document.querySelectorAll(rows).length > before || document.querySelector(`${panel} [role="alert"]`) !== null,
    { rows, before, panel: EXPLAIN },
    { timeout: 120_000, polling: 50 },
  );
  const alert = page.locator(`${EXPLAIN} [role="alert"]`);
  if (await alert.count()) throw new Error(`explanation failed: ${await alert.first().innerText()}`);
}

async function measure(page: Page, run: number, msPerRun: number): Promise<SoakRow> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const mem = await page.evaluate(() => window.__cineecgTest!.workerMemory());
  return { run, tensors: mem.numTensors, tensorBytes: mem.numBytes, heapBytes: heap.usedSize, msPerRun };
}

/**
 * Runs `runs` explanations in a row on the open page (its model ready, `?test-hooks` in the URL), measuring at the
 * start, after the first run (the baseline: first-use caches are made then) and every `every` runs.
 */
export async function soak(
  page: Page,
  opts: { runs: number; every: number; onRow?: (r: SoakRow) => void },
): Promise<SoakRow[]> {
  const rows: SoakRow[] = [];
  const add = (r: SoakRow) => (rows.push(r), opts.onRow?.(r));
  add(await measure(page, 0, 0));
  let t0 = Date.now();
  let since = 0;
  for (let run = 1; run <= opts.runs; run++) {
    await explainOnce(page);
    since++;
    if (run === 1 || run % opts.every === 0 || run === opts.runs) {
      add(await measure(page, run, (Date.now() - t0) / since));
      t0 = Date.now();
      since = 0;
    }
  }
  return rows;
}

/** The verdict: tensors must not grow at all after the first run; the page heap may grow by at most `heapBoundBytes`. */
export function judgeSoak(
  rows: SoakRow[],
  heapBoundBytes: number,
): { ok: boolean; tensorGrowth: number; heapGrowth: number; problems: string[] } {
  const base = rows.find((r) => r.run === 1) ?? rows[0];
  const last = rows[rows.length - 1];
  const tensorGrowth = Math.max(...rows.filter((r) => r.run >= base.run).map((r) => r.tensors)) - base.tensors;
  const heapGrowth = last.heapBytes - base.heapBytes;
  const problems: string[] = [];
  if (tensorGrowth > 0)
    problems.push(
      `worker tensors grew by ${tensorGrowth} after the first run (${base.tensors} → max ${base.tensors + tensorGrowth})`,
    );
  if (heapGrowth > heapBoundBytes)
    problems.push(
      `page heap grew by ${(heapGrowth / 2 ** 20).toFixed(1)} MiB, over the bound of ${(heapBoundBytes / 2 ** 20).toFixed(1)} MiB`,
    );
  return { ok: problems.length === 0, tensorGrowth, heapGrowth, problems };
}

export function formatSoakRow(r: SoakRow): string {
  return `| ${r.run} | ${r.tensors} | ${(r.tensorBytes / 2 ** 20).toFixed(2)} | ${(r.heapBytes / 2 ** 20).toFixed(1)} | ${r.run === 0 ? '–' : r.msPerRun.toFixed(0)} |`;
}
export const SOAK_TABLE_HEAD =
  '| runs done | worker tensors | tensor MiB | page heap MiB (after GC) | ms per run |\n|---:|---:|---:|---:|---:|';
