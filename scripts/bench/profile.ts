/**
 * Where IG's time goes on Node wasm: one batch of input gradients of the primary model (models/index.json) through
 * the path IG uses (the inference graph's hand-written backward pass), timed (CPU and wall) and profiled per TF.js
 * kernel.
 *   npx tsx scripts/bench/profile.ts [batch=100] [directions: classes|phi]
 * tf.profile counts nested scopes too (customGrad's "unnamed scope", "fusedConv2d__op" around FusedConv2D):
 * read the leaf kernels. CPU time per path point is the figure to compare on a busy machine.
 */
import * as tf from '@tensorflow/tfjs';
import { CLASS_DIRECTIONS, differentiable, inputGradientsAlong, PHI_DIRECTION } from '../../src/core/xai/input-gradient';
import { loadModelFile } from '../lib/model-files';
import { primaryModelPath } from '../lib/registry';
import { useBackend } from '../lib/tf-backend';

const B = Number(process.argv[2] ?? 100);
const directions = process.argv[3] === 'phi' ? [PHI_DIRECTION] : CLASS_DIRECTIONS;
await useBackend('wasm');
const { model } = await loadModelFile(primaryModelPath());
const f = differentiable(model);
const input = Float32Array.from({ length: B * 2400 }, (_, j) => Math.sin(j * 0.1));
await inputGradientsAlong(f, input, [B, 200, 12], directions);
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < 5; i++) await inputGradientsAlong(f, input, [B, 200, 12], directions);
console.log(`${f.kind}, ${directions.length} direction(s), batch ${B}: ${(process.cpuUsage(c0).user / 1000 / 5 / B).toFixed(2)} ms CPU and ${((performance.now() - t0) / 5 / B).toFixed(2)} ms wall per path point`);
const prof = await tf.profile(async () => (await inputGradientsAlong(f, input, [B, 200, 12], directions)).length);
const by = new Map<string, number>();
for (const k of prof.kernels) by.set(k.name, (by.get(k.name) ?? 0) + (k.kernelTimeMs as number));
const total = [...by.values()].reduce((a, b) => a + b, 0);
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(k.padEnd(24), `${v.toFixed(1)} ms`.padStart(10), `${((100 * v) / total).toFixed(0)}%`);
f.dispose();
model.dispose();
