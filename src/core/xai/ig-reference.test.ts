import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../scripts/lib/tf-backend';
import { fixtureFiles } from '../../test-support/data';
import { loadRecord } from '../ecg/load';
import { prepareEcg } from '../ecg/prepare';
import { modelFromFiles } from '../model/io';
import { integratedGradients, integratedGradientsPhi, type PartialAttributions } from './integrated-gradients';

/**
 * The speed work must not change the attributions: today's IG (folded batch norm, fused pad + convolution, Φ in one
 * backward pass) against the stored output of the code before it (cli explain at commit cef453e, the demo case,
 * the paper's budget: 50 Gauss–Legendre steps × 40 noisy copies, σ 0.15, seed 0; Node wasm). Tolerance: 1e-5 of
 * the largest attribution (float32 rounding of a re-associated sum; measured 2.4e-7).
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const REF = JSON.parse(readFileSync(resolve(import.meta.dirname, '__fixtures__/ig-00285-paper.json'), 'utf8')) as {
  delta: number[];
  logits: number[];
};
const refBuf = readFileSync(resolve(import.meta.dirname, '__fixtures__/ig-00285-paper.bin'));
const ref = new Float32Array(refBuf.buffer.slice(refBuf.byteOffset, refBuf.byteOffset + refBuf.byteLength));
const n = 200 * 12;
const A = [ref.subarray(0, n), ref.subarray(n, 2 * n)];

let model: tf.LayersModel;
let x: Float32Array;

beforeAll(async () => {
  await useBackend('wasm');
  const modelJson = JSON.parse(readFileSync(resolve(ROOT, 'models/ecg12/model.json'), 'utf8'));
  const shards = new Map([
    ['weights.1of1.bin', new Uint8Array(readFileSync(resolve(ROOT, 'models/ecg12/weights.1of1.bin')))],
  ]);
  model = await modelFromFiles({ modelJson, shards });
  // The demo case public/cases/ptbxl-00285 is the same record as this fixture.
  x = prepareEcg(loadRecord(fixtureFiles('ptbxl/00285_hr.hea', 'ptbxl/00285_hr.dat'))).window;
});

const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('IG at the paper budget equals the stored output of the code before the speed work', () => {
  it('per-class attributions A⁰, A¹ (what cli explain prints), their delta and logits', async () => {
    const partials: PartialAttributions[] = [];
    const r = await integratedGradients(model, x, { batchSize: 100, onPartial: (p) => partials.push(p) });
    const scale = Math.max(maxAbs(A[0]), maxAbs(A[1]));
    for (const k of [0, 1]) {
      console.log(
        `A${k}: max |difference| ${maxDiff(r.attributions[k], A[k]).toExponential(2)} of max |A| ${scale.toFixed(4)}`,
      );
      expect(maxDiff(r.attributions[k], A[k])).toBeLessThan(1e-5 * scale);
      expect(Math.abs(r.delta[k] - REF.delta[k])).toBeLessThan(1e-5);
      expect(r.logits[k]).toBeCloseTo(REF.logits[k], 6);
    }
    // Progressive display: one copy first (the quickest first picture), then running means over 3, 5, … 39, 40 copies
    // (batches of 100 path points = 2 copies); the last one is the final map.
    expect(partials.map((p) => p.copiesDone)).toEqual([1, ...Array.from({ length: 19 }, (_, i) => 2 * i + 3), 40]);
    expect(partials.at(-1)!.attributions).toEqual(r.attributions);
    expect(maxDiff(partials[0].attributions[1], A[1])).toBeGreaterThan(0); // two copies are not yet forty
  }, 120_000);

  it('Φ in one backward pass equals (A¹ − A⁰)/2 of the stored output', async () => {
    const r = await integratedGradientsPhi(model, x, { batchSize: 100 });
    const phi = A[1].map((v, j) => (v - A[0][j]) / 2);
    console.log(`Φ: max |difference| ${maxDiff(r.phi, phi).toExponential(2)} of max |Φ| ${maxAbs(phi).toFixed(4)}`);
    expect(maxDiff(r.phi, phi)).toBeLessThan(1e-5 * maxAbs(phi));
    expect(Math.abs(r.delta - (REF.delta[1] - REF.delta[0]) / 2)).toBeLessThan(1e-5);
  }, 120_000);
});
