/**
 * IG's Φ for the synthetic benchmark computed by the PyTorch rebuild of the same network (scripts/synth/torch_phi.py on
 * bench/torch_ig.py), for the paper's full budget (50 steps × 40 noisy copies, σ 0.15): ~4,000 input gradients per case,
 * ~40× faster natively than our wasm backend on this machine (ENVIRONMENT.md). Our code still makes every input: the
 * noisy copies (noisyCopies, the benchmark's seed), the quadrature nodes and weights; PyTorch only differentiates.
 * Before it is trusted, `checkAgainstOurs` compares it with our own IG on a few cases at a small budget.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { WINDOW_SAMPLES } from '../../src/core/constants';
import { DEFAULT_IG, noisyCopies } from '../../src/core/xai/integrated-gradients';
import { quadrature } from '../../src/core/xai/quadrature';
import { type BenchCase, phiOf } from './benchmark';

const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';

export interface TorchIgParams {
  steps: number;
  noiseSamples: number;
  seed: number;
}

/**
 * Φ [T × C] of every case by PyTorch, and its wall time in seconds (the Python process's own clock). One thread by
 * default: on a shared, loaded machine two OpenMP threads spin at every barrier waiting for each other.
 */
export function torchIgPhis(
  modelPath: string,
  cases: readonly BenchCase[],
  p: TorchIgParams,
  threads = 1,
): { phis: Float32Array[]; seconds: number } {
  if (cases.length === 0) return { phis: [], seconds: 0 };
  const C = cases[0].channels;
  const n = WINDOW_SAMPLES * C;
  const opts = { ...DEFAULT_IG, noiseSamples: p.noiseSamples, seed: p.seed };
  const copies = cases.map((c) => noisyCopies(c.x, opts));
  const k = copies[0].length;
  const input = new Float32Array(cases.length * k * n);
  copies.forEach((cs, i) => cs.forEach((x, j) => input.set(x, (i * k + j) * n)));
  const { alphas, weights } = quadrature(DEFAULT_IG.rule, p.steps);
  const dir = mkdtempSync(join(tmpdir(), 'synth-torch-'));
  try {
    const job = {
      model: resolve(modelPath),
      T: WINDOW_SAMPLES,
      C,
      cases: cases.length,
      copies: k,
      alphas: Array.from(alphas),
      weights: Array.from(weights),
      input: join(dir, 'in.bin'),
      output: join(dir, 'out.bin'),
      threads,
    };
    writeFileSync(job.input, new Uint8Array(input.buffer));
    writeFileSync(join(dir, 'job.json'), JSON.stringify(job));
    const r = spawnSync(PYTHON, ['scripts/synth/torch_phi.py', join(dir, 'job.json')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 << 20,
      env: { ...process.env, OMP_NUM_THREADS: String(threads) },
    });
    if (r.error || r.status !== 0)
      throw new Error(
        `scripts/synth/torch_phi.py failed (exit ${r.status}; needs Debian's python3-torch for ${PYTHON}): ${(r.stderr || r.stdout || String(r.error)).slice(-800)}`,
      );
    const { seconds } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number };
    const buf = readFileSync(job.output);
    const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    return { phis: cases.map((_, i) => all.slice(i * n, (i + 1) * n)), seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Largest |PyTorch Φ − our Φ| over max |our Φ|, on `cases` at a small budget (our IG through explainWindow, as the benchmark runs it). */
export async function checkAgainstOurs(
  model: tf.LayersModel,
  modelPath: string,
  cases: readonly BenchCase[],
  p: TorchIgParams,
): Promise<number> {
  const theirs = torchIgPhis(modelPath, cases, p).phis;
  let worst = 0;
  for (const [i, c] of cases.entries()) {
    const ours = await phiOf(model, 'ig', c, i, {
      seed: p.seed,
      params: { ig: { steps: p.steps, noiseSamples: p.noiseSamples } },
    });
    let diff = 0;
    let scale = 0;
    ours.forEach(
      (v, j) => ((diff = Math.max(diff, Math.abs(v - theirs[i][j]))), (scale = Math.max(scale, Math.abs(v)))),
    );
    worst = Math.max(worst, diff / scale);
  }
  return worst;
}
