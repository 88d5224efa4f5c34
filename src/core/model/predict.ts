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

/** Classify model windows (each [T × C], time-major). Same function in the browser, the CLI and training. */
export function predictWindows(model: tf.LayersModel, windows: Float32Array[]): Prediction[] {
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  for (const w of windows) {
    if (w.length !== T * C) throw new Error(`the model expects windows of ${T} × ${C} values, got ${w.length}`);
  }
  const x = new Float32Array(windows.length * T * C);
  windows.forEach((w, k) => x.set(w, k * T * C));
  const logits = tf.tidy(() => model.predict(tf.tensor3d(x, [windows.length, T, C])) as tf.Tensor);
  const values = logits.dataSync();
  logits.dispose();
  return windows.map((_, k) => {
    const l: [number, number] = [values[2 * k], values[2 * k + 1]];
    const p = pAbnormalOf(l);
    return { logits: l, pAbnormal: p, label: p >= 0.5 ? 'abnormal' : 'normal' };
  });
}
