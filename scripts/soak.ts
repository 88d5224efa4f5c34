/**
 * `npm run soak`: many explanations in a row in the built app (Chromium), measuring the worker's TF.js tensors
 * (tf.memory().numTensors) and the page's JS heap (CDP Runtime.getHeapUsage after a forced GC) at the start, after
 * the first run and every N runs. Prints a table; exits 1 if tensors grow at all after the first run or the heap
 * grows by more than the bound. Not part of `npm test` (minutes); e2e/soak.spec.ts runs a 10-explanation version.
 *
 *   npm run soak -- [--runs 200] [--every 20] [--steps 8] [--noise 2] [--backend wasm] [--heap-bound-mib 8]
 *                   [--no-build] [--json FILE]
 * Serves on $E2E_PORT (default 4185).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { SOAK_TABLE_HEAD, formatSoakRow, judgeSoak, setIgBudget, soak } from '../e2e/support/soak';
import { servePreview } from './lib/preview';

const { values: a } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    every: { type: 'string', default: '20' },
    steps: { type: 'string', default: '8' },
    noise: { type: 'string', default: '2' },
    backend: { type: 'string', default: 'wasm' },
    'heap-bound-mib': { type: 'string', default: '8' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const int = (name: string, v: string, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${v}"`);
  return n;
};
const runs = int('runs', a.runs!, 1);
const every = int('every', a.every!, 1);
const steps = int('steps', a.steps!, 1);
const noise = int('noise', a.noise!, 0);
const heapBound = Number(a['heap-bound-mib']) * 2 ** 20;
const port = Number(process.env.E2E_PORT ?? 4185);

// servePreview would take any server that answers on the port for its own: refuse a busy port instead.
const busy = await fetch(`http://127.0.0.1:${port}/`).then(
  () => true,
  () => false,
);
if (busy) throw new Error(`port ${port} is already served by something else; set E2E_PORT to a free port`);
if (!a['no-build']) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await servePreview(port);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
let ok: boolean; // set at the end of the try; an exception skips the exit below
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await page.goto(`http://127.0.0.1:${port}/?test-hooks&backend=${encodeURIComponent(a.backend!)}`);
  await page.locator('[data-testid="prediction"][data-p-abnormal]').waitFor({ timeout: 180_000 });
  await setIgBudget(page, steps, noise);
  console.log(
    `soak: ${runs} × Integrated Gradients (${steps} steps × ${noise} noisy copies, both classes) on ${a.backend}, demo case, Chromium ${browser.version()}`,
  );
  console.log(SOAK_TABLE_HEAD);
  const t0 = Date.now();
  const rows = await soak(page, { runs, every, onRow: (r) => console.log(formatSoakRow(r)) });
  const verdict = judgeSoak(rows, heapBound);
  const minutes = (Date.now() - t0) / 60_000;
  console.log(
    `\n${runs} explanations in ${minutes.toFixed(1)} min; tensors after run 1 → end: +${verdict.tensorGrowth}; page heap: ${verdict.heapGrowth >= 0 ? '+' : ''}${(verdict.heapGrowth / 2 ** 20).toFixed(2)} MiB (bound ${a['heap-bound-mib']} MiB)`,
  );
  if (a.json)
    writeFileSync(
      a.json,
      `${JSON.stringify({ runs, every, steps, noise, backend: a.backend, heapBoundMiB: Number(a['heap-bound-mib']), minutes, rows, verdict }, null, 1)}\n`,
    );
  for (const p of verdict.problems) console.error(`FAIL: ${p}`);
  ok = verdict.ok;
} finally {
  await browser.close();
  server.kill();
}
process.exit(ok ? 0 : 1);
