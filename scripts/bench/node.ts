import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { integratedGradients, integratedGradientsPhi } from '../../src/core/xai/integrated-gradients';
import { type ExplainMethod, explainWindow, splitWindows } from '../../src/core/xai/methods';
import { loadModelFile } from '../lib/model-files';
import { readRecordFiles } from '../lib/record-files';
import { useBackend } from '../lib/tf-backend';
import { type BenchRow, rowOf } from './table';

export interface BenchPlan {
  record: string;
  model: string;
  /** Workloads: 'ig-paper' (A⁰, A¹ at the paper's budget), 'ig-phi' (Φ alone), or another method's name. */
  workloads: string[];
  runs: number;
  /** A workload whose first run takes longer than this is not repeated (reported with n = 1). */
  longMs: number;
  log: (line: string) => void;
}

/** What the PyTorch anchor needs from our side: the input and our outputs at the paper's budget. */
export interface OurIg {
  window: Float32Array;
  attributions: [Float32Array, Float32Array];
  phi: Float32Array;
  logits: [number, number];
}

/** Wall times in this Node process, per backend and workload, paper defaults, after one warm-up call. */
export async function benchNode(backends: string[], plan: BenchPlan): Promise<{ rows: BenchRow[]; ours: OurIg | null }> {
  const prepared = prepareEcg(loadRecord(readRecordFiles(plan.record)));
  const x = prepared.window;
  const buf = readFileSync(join(dirname(plan.model), 'reference-normals.bin'));
  const rows: BenchRow[] = [];
  let ours: OurIg | null = null;
  for (const backend of backends) {
    const runtime = `node-${backend}`;
    try {
      await useBackend(backend);
    } catch (e) {
      for (const w of plan.workloads) rows.push(rowOf(w, runtime, [], `unavailable: ${(e as Error).message}`));
      continue;
    }
    const { model } = await loadModelFile(plan.model);
    const [, T, C] = model.inputs[0].shape as [null, number, number];
    const references = splitWindows(new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)), T, C);
    await explainWindow(model, 'ig', x, { steps: 2, noiseSamples: 0 }); // warm-up: kernels and their caches
    const batchSize = backend === 'wasm' ? 100 : backend === 'cpu' ? 8 : 50; // the worker's defaults
    for (const w of plan.workloads) {
      const runsMs: number[] = [];
      const cpuMs: number[] = [];
      for (let r = 0; r < plan.runs; r++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        if (w === 'ig-paper') {
          const a = await integratedGradients(model, x, { batchSize });
          if (!ours) ours = { window: x, attributions: a.attributions, logits: a.logits, phi: new Float32Array() };
        } else if (w === 'ig-phi') {
          const p = await integratedGradientsPhi(model, x, { batchSize });
          if (ours && ours.phi.length === 0) ours.phi = p.phi;
        } else await explainWindow(model, w as ExplainMethod, x, { batchSize }, { references });
        runsMs.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpuMs.push((c.user + c.system) / 1000);
        plan.log(`${runtime} ${w} run ${r + 1}: ${runsMs.at(-1)!.toFixed(0)} ms`);
        if (runsMs[0] > plan.longMs) break;
      }
      rows.push(rowOf(w, runtime, runsMs, `batch ${batchSize}, 1 thread (TF.js wasm has no threads in Node)`, cpuMs));
    }
    model.dispose();
    plan.log(`${runtime}: ${tf.memory().numTensors} tensors left`);
  }
  return { rows, ours };
}
