/**
 * Synthetic 12-lead ECGs with known beat positions, for tests that need ground truth.
 * Each beat: a P wave, a QRS (sum of Gaussians, steep) starting at a known onset, a T wave.
 */
export interface SyntheticOptions {
  fsHz?: number;
  seconds?: number;
  onsetsMs: number[];
  noiseMv?: number;
  seed?: number;
  /** Beat indices drawn as a wide, inverted (ventricular-looking) complex. */
  ectopic?: number[];
}

export function syntheticEcg(o: SyntheticOptions): Float32Array[] {
  const fs = o.fsHz ?? 500;
  const n = Math.round((o.seconds ?? 10) * fs);
  let s = o.seed ?? 1;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const gauss = (t: number, mu: number, sd: number) => Math.exp(-0.5 * ((t - mu) / sd) ** 2);
  // Per-lead gains give each lead its own projection of the same sources.
  const gains = Array.from({ length: 12 }, (_, l) => [0.6 + 0.1 * l, 1 - 0.15 * l, 0.3 + 0.02 * l]);
  return gains.map(([gq, gs, gt]) => {
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const tMs = (i * 1000) / fs;
      let v = 0;
      o.onsetsMs.forEach((on, b) => {
        const wide = o.ectopic?.includes(b);
        v += 0.15 * gauss(tMs, on - 120, 20); // P
        if (wide) v += -1.2 * gq * gauss(tMs, on + 60, 30);
        else v += gq * gauss(tMs, on + 40, 8) - 0.3 * gs * gauss(tMs, on + 20, 6) - 0.3 * gs * gauss(tMs, on + 60, 8);
        v += 0.3 * gt * gauss(tMs, on + 300, 40); // T
      });
      x[i] = v + (o.noiseMv ?? 0) * rand();
    }
    return x;
  });
}
