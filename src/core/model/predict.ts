import * as tf from '@tensorflow/tfjs';

export interface Prediction {
  /** Pre-softmax outputs [normal, abnormal]: what attributions are computed on. */
  logits: [number, number];
  pAbnormal: number;
  label: 'normal' | 'abnormal';
}

/** Softmax of two logits, computed stably. */
export function pAbnormalOf(logits: readonly [number, number]): number {
  const m = Math.max(logits[0], logits[1]);
  const e0 = Math.exp(logits[0] - m);
  const e1 = Math.exp(logits[1] - m);
  return e1 / (e0 + e1);
}

/**
 * Classify model windows (each [T × C], time-major), reading the result back asynchronously: the form every
 * backend supports well (on WebGPU a synchronous read is slow and, on SwiftShader, loses the device).
 * Same function in the browser worker, the CLI and training.
 */
export async function predictWindowsAsync(model: tf.LayersModel, windows: Float32Array[]): Promise<Prediction[]> {
  const logits = runModel(model, windows);
  try {
    return toPredictions(await logits.data());
  } finally {
    logits.dispose();
  }
}

/** Synchronous variant for CPU-side backends (cpu, wasm) in Node. */
export function predictWindows(model: tf.LayersModel, windows: Float32Array[]): Prediction[] {
  const logits = runModel(model, windows);
  try {
    return toPredictions(logits.dataSync());
  } finally {
    logits.dispose();
  }
}

function runModel(model: tf.LayersModel, windows: Float32Array[]): tf.Tensor {
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  for (const w of windows) {
    if (w.length !== T * C) throw new Error(`the model expects windows of ${T} × ${C} values, got ${w.length}`);
  }
  const x = new Float32Array(windows.length * T * C);
  windows.forEach((w, k) => x.set(w, k * T * C));
  return tf.tidy(() => model.predict(tf.tensor3d(x, [windows.length, T, C])) as tf.Tensor);
}

function toPredictions(values: ArrayLike<number>): Prediction[] {
  const out: Prediction[] = [];
  for (let k = 0; 2 * k < values.length; k++) {
    const l: [number, number] = [values[2 * k], values[2 * k + 1]];
    const p = pAbnormalOf(l);
    out.push({ logits: l, pAbnormal: p, label: p >= 0.5 ? 'abnormal' : 'normal' });
  }
  return out;
}
