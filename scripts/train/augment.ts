import { gaussian } from '../../src/core/random';

/** Training-time augmentation of one z-scored window [T × C] (time-major). Documented in models/MODEL_CARD.md. */
export interface AugmentOptions {
  /** Per-lead amplitude factor drawn from [1 − s, 1 + s]: electrode placement and body habitus. */
  amplitude: number;
  /** Peak amplitude (z units) of a slow sinusoid (0.05–0.5 Hz): residual baseline wander. */
  wander: number;
  /** Standard deviation (z units) of white noise: muscle and mains residue. */
  noise: number;
  /** Maximum shift in samples, either way, with edge replication: QRS-onset detection jitter. */
  shift: number;
}

export const DEFAULT_AUGMENT: AugmentOptions = { amplitude: 0.15, wander: 0.1, noise: 0.05, shift: 5 };

export function augmentWindow(w: Float32Array, T: number, C: number, o: AugmentOptions, random: () => number, out: Float32Array): void {
  const g = gaussian(random);
  const shift = Math.round((random() * 2 - 1) * o.shift);
  const freqHz = 0.05 + random() * 0.45;
  const phase = random() * 2 * Math.PI;
  const wander = o.wander * random();
  for (let c = 0; c < C; c++) {
    const gain = 1 + (random() * 2 - 1) * o.amplitude;
    for (let t = 0; t < T; t++) {
      const src = Math.min(T - 1, Math.max(0, t + shift));
      const base = wander * Math.sin(2 * Math.PI * freqHz * (t / 500) + phase);
      out[t * C + c] = w[src * C + c] * gain + base + o.noise * g();
    }
  }
}
