/**
 * `npm run bench`: wall time of each explanation method (paper defaults) on the demo case, per backend, in Node
 * and in headless Chromium; median of --runs runs; prints a Markdown table (and writes bench-results.json).
 *
 *   npm run bench -- [--runs 3] [--methods ig,gradshap,kernelshap,lime] [--node wasm,cpu]
 *                    [--chromium webgpu,webgl,wasm,cpu] [--long-s 60] [--no-build]
 * A cell whose first run takes longer than --long-s is not repeated (n = 1): IG with its 4,000 input gradients
 * takes minutes on software GPUs. Run it on an otherwise idle machine: the numbers are wall times.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { EXPLAIN_METHODS, type ExplainMethod, isExplainMethod } from '../src/core/xai/methods';
import { benchChromium } from './bench/browser';
import { benchNode } from './bench/node';
import { type BenchCell, benchTable } from './bench/table';

const RECORD = 'public/cases/ptbxl-00285/00285_hr.hea';
const MODEL = 'models/ecg12/model.json';

async function main() {
  const { values: v } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' }, methods: { type: 'string', default: EXPLAIN_METHODS.join(',') },
      node: { type: 'string', default: 'wasm,cpu' }, chromium: { type: 'string', default: 'webgpu,webgl,wasm,cpu' },
      'long-s': { type: 'string', default: '60' }, 'no-build': { type: 'boolean', default: false },
    },
  });
  const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const methods = list(v.methods);
  const bad = methods.filter((m) => !isExplainMethod(m));
  if (bad.length) throw new Error(`unknown method(s) ${bad.join(', ')}; expected ${EXPLAIN_METHODS.join(', ')}`);
  const plan = { record: RECORD, model: MODEL, methods: methods as ExplainMethod[], runs: Number(v.runs), longMs: Number(v['long-s']) * 1000, log: (l: string) => console.error(l) };

  const cells: BenchCell[] = [];
  if (list(v.node).length) cells.push(...(await benchNode(list(v.node), plan)));
  if (list(v.chromium).length) {
    if (!v['no-build']) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
    cells.push(...(await benchChromium(list(v.chromium), plan)));
  }
  const header = `Explanation wall time on ${RECORD} (paper defaults: IG 50 steps × 40 noisy copies, Gradient SHAP 50 draws, Kernel SHAP 100 evaluations, LIME 500 samples); median (n runs). ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.`;
  console.log(`${header}\n\n${benchTable(cells, methods)}`);
  writeFileSync('bench-results.json', `${JSON.stringify({ header, cells }, null, 1)}\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
