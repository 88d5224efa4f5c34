import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { DEFAULT_IG, noisyCopies } from '../../src/core/xai/integrated-gradients';
import { quadrature } from '../../src/core/xai/quadrature';
import { readRecordFiles } from '../lib/record-files';
import type { OurIg } from './node';
import type { BenchRow } from './table';

const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
const REFERENCE = 'src/core/xai/__fixtures__/ig-00285-paper';

/**
 * The native anchor: bench/torch_ig.py rebuilds the model in PyTorch (Debian's python3-torch), checks its logits
 * and IG against ours, and times the same outputs. Our outputs come from this run's Node bench when it ran, else
 * from the stored reference of the demo case (equal to today's code within 3e-8: src/core/xai/ig-reference.test.ts).
 * Returns its rows, or none and a plain message when PyTorch is missing or disagrees.
 */
export function benchTorch(a: { record: string; model: string; runs: number; threads: number; ours: OurIg | null; workloads: string[]; batches?: string; log: (l: string) => void }): { rows: BenchRow[]; checks?: Record<string, number>; problem?: string } {
  const x = a.ours?.window ?? prepareEcg(loadRecord(readRecordFiles(a.record))).window;
  let ours = a.ours && a.ours.phi.length ? a.ours : null;
  if (!ours) {
    if (!a.record.includes('00285') || !a.model.endsWith('ecg12/model.json')) return { rows: [], problem: 'pytorch-cpu: no IG of ours to check against (run with --node wasm)' };
    const meta = JSON.parse(readFileSync(`${REFERENCE}.json`, 'utf8')) as { logits: [number, number] };
    const buf = readFileSync(`${REFERENCE}.bin`);
    const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    const A: [Float32Array, Float32Array] = [all.slice(0, x.length), all.slice(x.length)];
    ours = { window: x, attributions: A, logits: meta.logits, phi: A[1].map((v, j) => (v - A[0][j]) / 2) };
  }
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return { rows: [], problem: `pytorch-cpu: skipped, PyTorch is not importable by ${PYTHON} (install Debian's python3-torch: apt-get install -y python3-torch)` };
  }
  const { alphas, weights } = quadrature(DEFAULT_IG.rule, DEFAULT_IG.steps);
  const dir = mkdtempSync(join(tmpdir(), 'bench-torch-'));
  const file = join(dir, 'case.json');
  const copies = noisyCopies(x, DEFAULT_IG);
  writeFileSync(file, JSON.stringify({
    model: resolve(a.model), T: 200, C: x.length / 200, x: Array.from(x), copies: copies.flatMap((c) => Array.from(c)),
    alphas: Array.from(alphas), weights: Array.from(weights), logits: ours.logits,
    attributions: ours.attributions.flatMap((t) => Array.from(t)), phi: Array.from(ours.phi),
  }));
  a.log(`pytorch-cpu: ${PYTHON} bench/torch_ig.py (${a.threads} threads, ${a.runs} runs per batch size)`);
  const args = ['--runs', String(a.runs), '--threads', String(a.threads), '--workloads', a.workloads.filter((w) => w.startsWith('ig-')).join(','), ...(a.batches ? ['--batches', a.batches] : [])];
  const r = spawnSync(PYTHON, ['bench/torch_ig.py', file, ...args], { encoding: 'utf8', maxBuffer: 16 << 20, env: { ...process.env, OMP_NUM_THREADS: String(a.threads) } });
  rmSync(dir, { recursive: true, force: true });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let out: { rows?: BenchRow[]; checks?: Record<string, number>; error?: string };
  try {
    out = JSON.parse(line);
  } catch {
    return { rows: [], problem: `pytorch-cpu: bench/torch_ig.py failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(-500)}` };
  }
  if (out.error) return { rows: [], checks: out.checks, problem: `pytorch-cpu: ${out.error}` };
  return { rows: (out.rows ?? []).map((row) => ({ ...row, medianMs: Math.round(row.medianMs! * 10) / 10 })), checks: out.checks };
}
