/**
 * `npm run bench`: IG at the paper's budget on the demo case in headless Chromium (through the app), in Node, and
 * in PyTorch on the same machine in the same run (the native anchor, bench/torch_ig.py), plus the time from
 * pressing Explain to the first attribution picture. Prints a Markdown table with our/PyTorch ratios.
 *
 *   npm run -s bench -- [--quick] [--json FILE] [--runs 3] [--workloads ig-paper,ig-phi[,gradshap,kernelshap,lime]] [--methods ig,lime]
 *                       [--node wasm] [--chromium wasm,webgpu] [--threads 2] [--long-s 120] [--no-build]
 * Workloads: ig-paper = A⁰ and A¹ (both classes: what the app shows and cli explain prints), 50 Gauss–Legendre
 * steps × 40 noisy copies; ig-phi = Φ alone (one backward pass per path point; Node and PyTorch only);
 * first-picture = Explain click → first (provisional) attribution map painted, Chromium, measured on the ig-paper runs.
 * --quick: ig-paper on chromium-wasm and pytorch-cpu plus first-picture, once each (a few minutes).
 * --json FILE writes { machine, rows: [{ workload, runtime, medianMs, runs, note? }] }.
 * Wall times: run it on an otherwise idle machine. A workload whose first run exceeds --long-s is not repeated.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { isExplainMethod } from '../src/core/xai/methods';
import { benchChromium } from './bench/browser';
import { benchNode, type OurIg } from './bench/node';
import { type BenchRow, benchTable } from './bench/table';
import { benchTorch } from './bench/torch';
import { primaryModelPath } from './lib/registry';

const RECORD = 'public/cases/ptbxl-00285/00285_hr.hea';
/** The primary model in models/index.json: the model the app explains. */
const MODEL = primaryModelPath();

async function main() {
  const { values: v } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
      runs: { type: 'string' },
      workloads: { type: 'string', default: 'ig-paper,ig-phi' },
      methods: { type: 'string' },
      node: { type: 'string' },
      chromium: { type: 'string' },
      threads: { type: 'string', default: '2' },
      'long-s': { type: 'string', default: '120' },
      'no-build': { type: 'boolean', default: false },
      'no-torch': { type: 'boolean', default: false },
    },
  });
  const list = (s: string | undefined) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  // --methods (the earlier option) names explanation methods; ig there is ig-paper.
  const workloads = v.quick
    ? ['ig-paper']
    : v.methods
      ? list(v.methods).map((m) => (m === 'ig' ? 'ig-paper' : m))
      : list(v.workloads);
  const bad = workloads.filter((w) => w !== 'ig-paper' && w !== 'ig-phi' && !isExplainMethod(w));
  if (bad.length)
    throw new Error(`unknown workload(s) ${bad.join(', ')}; expected ig-paper, ig-phi, gradshap, kernelshap, lime`);
  const runs = Number(v.runs ?? (v.quick ? 1 : 3));
  const nodeBackends = list(v.node ?? (v.quick ? '' : 'wasm'));
  const chromiumBackends = list(v.chromium ?? (v.quick ? 'wasm' : 'wasm,webgpu'));
  const log = (l: string) => console.error(l);
  const plan = { record: RECORD, model: MODEL, workloads, runs, longMs: Number(v['long-s']) * 1000, log };

  const rows: BenchRow[] = [];
  const notes: string[] = [];
  let ours: OurIg | null = null;
  if (nodeBackends.length) {
    const n = await benchNode(nodeBackends, plan);
    rows.push(...n.rows);
    ours = n.ours;
  }
  if (!v['no-torch'] && workloads.some((w) => w.startsWith('ig-'))) {
    // --quick: PyTorch's best batch size from the full runs (1000) only.
    const t = benchTorch({
      record: RECORD,
      model: MODEL,
      runs,
      threads: Number(v.threads),
      ours,
      workloads,
      ...(v.quick && { batches: '1000' }),
      log,
    });
    rows.push(...t.rows.filter((r) => workloads.includes(r.workload)));
    if (t.checks)
      notes.push(
        `PyTorch rebuild vs ours: logits max |diff| ${t.checks.logitsMaxAbsDiff.toExponential(1)}, IG max rel diff ${t.checks.igMaxRelDiff.toExponential(1)}, Φ ${t.checks.phiMaxRelDiff.toExponential(1)}.`,
      );
    if (t.problem) (notes.push(t.problem), log(t.problem));
  }
  if (chromiumBackends.length) {
    if (!v['no-build']) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
    rows.push(...(await benchChromium(chromiumBackends, { ...plan, firstPicture: true })));
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
  const header = `IG on ${RECORD} at the paper's budget (50 Gauss–Legendre steps × 40 noisy copies); median (n runs); ${machine}.`;
  console.log(`${header}\n\n${benchTable(rows)}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`);
  if (v.json) writeFileSync(v.json, `${JSON.stringify({ machine, rows, notes }, null, 1)}\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
