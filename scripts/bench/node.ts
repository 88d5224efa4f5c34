import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { type ExplainMethod, explainWindow, splitWindows } from '../../src/core/xai/methods';
import { loadModelFile } from '../lib/model-files';
import { readRecordFiles } from '../lib/record-files';
import { useBackend } from '../lib/tf-backend';
import type { BenchCell } from './table';

export interface BenchPlan {
  record: string;
  model: string;
  methods: ExplainMethod[];
  runs: number;
  /** A cell whose first run takes longer than this is not repeated (reported with n = 1). */
  longMs: number;
  log: (line: string) => void;
}

/** Explanation wall times in this Node process, per backend and method, paper defaults, after one warm-up call. */
export async function benchNode(backends: string[], plan: BenchPlan): Promise<BenchCell[]> {
  const prepared = prepareEcg(loadRecord(readRecordFiles(plan.record)));
  const buf = readFileSync(join(dirname(plan.model), 'reference-normals.bin'));
  const cells: BenchCell[] = [];
  for (const backend of backends) {
    try {
      await useBackend(backend);
    } catch (e) {
      for (const method of plan.methods) cells.push({ env: 'node', backend, method, runsMs: [], note: `unavailable: ${(e as Error).message}` });
      continue;
    }
    const { model } = await loadModelFile(plan.model);
    const [, T, C] = model.inputs[0].shape as [null, number, number];
    const references = splitWindows(new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)), T, C);
    // Warm-up: kernels and their caches, so the first timed run is not a compile.
    await explainWindow(model, 'ig', prepared.window, { steps: 2, noiseSamples: 0 });
    for (const method of plan.methods) {
      const cell: BenchCell = { env: 'node', backend, method, runsMs: [] };
      for (let r = 0; r < plan.runs; r++) {
        const t0 = performance.now();
        await explainWindow(model, method, prepared.window, {}, { references });
        cell.runsMs.push(performance.now() - t0);
        plan.log(`node ${backend} ${method} run ${r + 1}: ${cell.runsMs.at(-1)!.toFixed(0)} ms`);
        if (cell.runsMs[0] > plan.longMs) break;
      }
      cells.push(cell);
    }
    model.dispose();
    plan.log(`node ${backend}: ${tf.memory().numTensors} tensors left`);
  }
  return cells;
}
