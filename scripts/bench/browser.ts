import { chromium, type Page } from '@playwright/test';
import { METHOD_LABELS, type ExplainMethod } from '../../src/core/xai/methods';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { runExplanation } from '../../e2e/support/explain';
import type { BenchPlan } from './node';
import { type BenchRow, rowOf } from './table';
import { servePreview } from '../lib/preview';

const PORT = Number(process.env.BENCH_PORT ?? 4181);

/**
 * The same explanations in headless Chromium, through the app as a user runs them (?backend= forces one).
 * 'ig-paper' is the worker's wall time for IG at the paper's budget, as the app's timings table shows it;
 * 'first-picture' is measured in the page on the same runs: from the Explain click to the first provisional
 * attribution map in the DOM and two animation frames later (i.e. painted).
 */
export async function benchChromium(backends: string[], plan: BenchPlan & { firstPicture: boolean }): Promise<BenchRow[]> {
  const server = await servePreview(PORT);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rows: BenchRow[] = [];
  try {
    for (const backend of backends) {
      const runtime = `chromium-${backend}`;
      const page = await browser.newPage();
      const ok = await openOn(page, backend);
      const threads = ok === true ? await page.evaluate(() => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true) : false;
      for (const w of plan.workloads.filter((x) => x !== 'ig-phi')) {
        const method = (w === 'ig-paper' ? 'ig' : w) as ExplainMethod;
        if (ok !== true) {
          rows.push(rowOf(w, runtime, [], ok));
          continue;
        }
        await page.getByTestId('explain').getByRole('radio', { name: METHOD_LABELS[method] }).click();
        const runsMs: number[] = [];
        const firstMs: number[] = [];
        for (let r = 0; r < plan.runs; r++) {
          if (method === 'ig') await watchFirstPicture(page);
          runsMs.push(await runExplanation(page, 30 * 60_000));
          if (method === 'ig') firstMs.push(Number(await page.evaluate('window.__firstPictureMs')));
          plan.log(`${runtime} ${w} run ${r + 1}: ${runsMs.at(-1)!.toFixed(0)} ms${method === 'ig' ? `, first picture ${firstMs.at(-1)!.toFixed(0)} ms` : ''}`);
          if (runsMs[0] > plan.longMs) break;
        }
        rows.push(rowOf(w, runtime, runsMs, `worker wall time; page cross-origin isolated (wasm threads possible): ${threads}`));
        if (method === 'ig' && plan.firstPicture) rows.push(rowOf('first-picture', runtime, firstMs.filter(Number.isFinite), 'Explain click → first attribution map painted'));
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return rows;
}

/**
 * Arms the page: the next Explain click starts a clock that stops when the refining map is painted. Passed as a
 * string: tsx (esbuild keepNames) would wrap the named inner functions of a serialised function in a __name helper
 * that does not exist in the page, and an exception inside the click listener would pass silently.
 */
const ARM_FIRST_PICTURE = `(() => {
  window.__firstPictureMs = NaN;
  function onClick(e) {
    const target = e.target && e.target.closest ? e.target.closest('button') : null;
    if (!target || !(target.textContent || '').startsWith('Explain with')) return;
    document.removeEventListener('click', onClick, true);
    const t0 = performance.now();
    const observer = new MutationObserver(function () {
      // The explain panel is marked while a provisional (refining) map is shown on the grid and beat panel.
      if (!document.querySelector('[data-testid="explain"][data-refining="true"]')) return;
      observer.disconnect();
      requestAnimationFrame(function () { requestAnimationFrame(function () { window.__firstPictureMs = performance.now() - t0; }); });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-refining'] });
  }
  document.addEventListener('click', onClick, true);
})()`;

async function watchFirstPicture(page: Page): Promise<void> {
  await page.evaluate(ARM_FIRST_PICTURE);
}

/** Opens the app on one backend; true when its prediction is shown, else why not. */
async function openOn(page: Page, backend: string): Promise<true | string> {
  await page.goto(`http://127.0.0.1:${PORT}/?backend=${backend}`);
  const panel = page.getByTestId('prediction');
  await panel.and(page.locator('[data-p-abnormal]')).or(page.getByRole('alert')).first().waitFor({ timeout: 180_000 });
  if (await page.getByRole('alert').count()) return `unavailable: ${(await page.getByRole('alert').innerText()).split('\n').slice(-1)[0]}`;
  return true;
}
