import type * as tf from '@tensorflow/tfjs';
import { modelFromFiles, type ModelFiles } from '../core/model/io';
import { predictWindowsAsync } from '../core/model/predict';
import { backendOrder } from './backends';
import type { EngineDeps } from './engine';
import { timeInputGradient } from './measure';
import {
  type BackendName,
  type BackendSupport,
  type BackendTiming,
  type LoadProgress,
  type WorkerError,
  WorkerFailure,
  toWorkerError,
} from './protocol';

export interface ChosenBackend {
  backend: BackendName;
  model: tf.LayersModel;
  choice: 'requested' | 'only-candidate' | 'measured';
  timings: BackendTiming[];
  skipped: WorkerError[];
  /** Time spent starting the chosen backend, warming it up, and measuring all candidates. */
  backendMs: number;
  warmUpMs: number;
  measureMs: number;
}

/** A candidate slower than this many times the best so far is not timed further (its first run already lost). */
const GIVE_UP_FACTOR = 5;

/**
 * Picks the backend for this model on this machine. Asked for one: that one, or a loud failure. Otherwise every
 * available backend starts, builds the model, warms up, and times one input gradient; the fastest wins.
 * Software GPUs (SwiftShader, llvmpipe) are not timed once a real backend works: their first gradient compiles
 * shaders for seconds, and measured here they were 10–190× slower than wasm per prediction.
 */
export async function chooseBackend(a: {
  support: BackendSupport[];
  requested: BackendName | undefined;
  files: ModelFiles;
  deps: EngineDeps;
  onProgress: (p: LoadProgress) => void;
}): Promise<ChosenBackend> {
  const { deps, onProgress } = a;
  const order = backendOrder(a.support, a.requested);
  const software = (b: BackendName) => a.support.find((s) => s.backend === b)?.software === true;
  const measuring = !a.requested && order.filter((b) => !software(b)).length > 1;
  const skipped: WorkerError[] = [];
  const timings: BackendTiming[] = [];
  const built = new Map<
    BackendName,
    { model: tf.LayersModel; backendMs: number; warmUpMs: number; gradientMs: number }
  >();
  const tMeasure0 = deps.now();
  let best: BackendName | null = null;
  let active: BackendName | null = null;

  for (const [slot, name] of order.entries()) {
    const at = { backend: name, slot, slots: order.length };
    if (built.size > 0 && !measuring) break;
    if (built.size > 0 && software(name)) {
      timings.push({ backend: name, gradientMs: null, note: 'software GPU, not timed' });
      continue;
    }
    onProgress({ status: 'backend', ...at });
    const t0 = deps.now();
    let model: tf.LayersModel | null = null;
    try {
      await deps.initBackend(name);
      active = name;
      const t1 = deps.now();
      model = await modelFromFiles(a.files);
      onProgress({ status: 'warm-up', ...at });
      const t2 = deps.now();
      // The first run compiles shaders / kernels; doing it now keeps the first real prediction honest.
      await predictWindowsAsync(model, [new Float32Array(model.inputs[0].shape[1]! * model.inputs[0].shape[2]!)]);
      const warmUpMs = deps.now() - t2;
      let gradientMs = Number.NaN;
      if (measuring) {
        onProgress({ status: 'measure', ...at });
        const bestMs = best ? built.get(best)!.gradientMs : undefined;
        const m = await timeInputGradient(model, deps.now, {
          giveUpMs: bestMs === undefined ? undefined : GIVE_UP_FACTOR * bestMs,
        });
        gradientMs = m.ms;
        timings.push({
          backend: name,
          gradientMs: m.ms,
          note: m.gaveUp ? `first run only: over ${GIVE_UP_FACTOR}× the best` : 'median of 3',
        });
        if (m.gaveUp) {
          model.dispose();
          continue;
        }
      }
      built.set(name, { model, backendMs: t1 - t0, warmUpMs, gradientMs });
      if (!best || gradientMs < built.get(best)!.gradientMs) best = name;
    } catch (e) {
      model?.dispose();
      skipped.push({ code: 'backend-unavailable', message: `${name}: ${toWorkerError(e).message}` });
    }
  }
  if (!best) {
    const code = a.requested ? 'backend-unavailable' : 'no-backend';
    throw new WorkerFailure(code, `no backend initialised (${skipped.map((s) => s.message).join('; ')})`);
  }
  for (const [name, b] of built) if (name !== best) b.model.dispose();
  const chosen = built.get(best)!;
  if (active !== best) await deps.initBackend(best); // the last one measured is active; switch back to the winner
  const measureMs = deps.now() - tMeasure0 - chosen.backendMs - chosen.warmUpMs;
  return {
    backend: best,
    model: chosen.model,
    choice: a.requested
      ? 'requested'
      : timings.filter((t) => t.gradientMs !== null).length > 1
        ? 'measured'
        : 'only-candidate',
    timings,
    skipped,
    backendMs: chosen.backendMs,
    warmUpMs: chosen.warmUpMs,
    measureMs,
  };
}
