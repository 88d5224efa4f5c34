/**
 * The cardiac dipole of a synthetic record: the heart vector (Frank axes X left, Y feet, Z back; mV) as a sum of
 * Gaussian lobes, one per wave (P, Q, R, S, T) and axis, repeated at every beat.
 *
 * The model is the three-axis Gaussian-sum dipole of Sayadi, Shamsollahi & Clifford, "Synthetic ECG generation and
 * Bayesian filtering using a Gaussian wave-based dynamical model", Physiol Meas 2010;31:1309–29 (the 3-D extension
 * of McSharry et al., IEEE TBME 2003;50:289–94), written directly as a function of time instead of an ODE: each
 * wave adds a(axis) · exp(−(t − t_beat − μ)² / (2σ²)) to each axis. Beat-to-beat variability in rate and amplitude
 * as in McSharry et al. (RR with respiratory sinus arrhythmia and jitter; amplitude modulated by respiration).
 *
 * The lobe vectors below are ours, chosen so that the Dower projection gives a normal adult 12-lead ECG: frontal
 * QRS axis ≈ +50° (normal −30°…+90°), rS in V1, qR in V5–V6, upright T in I, II, V2–V6, PR ≈ 160 ms, QRS ≈ 90 ms.
 * Timings are relative to the R peak; T's centre scales with √RR (Bazett's QT ∝ √RR; Bazett, Heart 1920;7:353–70).
 */
import { gaussian } from '../random';

export type WaveName = 'P' | 'Q' | 'R' | 'S' | 'T' | 'ST' | 'terminal';

/** One Gaussian lobe of the heart vector. */
export interface Lobe {
  wave: WaveName;
  /** Centre, ms after the beat's R peak (for T: at RR = 1 s, scaled by √RR). */
  centreMs: number;
  /** Standard deviation, ms. */
  widthMs: number;
  /** Amplitude per Frank axis [X left, Y feet, Z back], mV. */
  vector: [number, number, number];
}

/** The normal template before per-record perturbation (see the header for what it is chosen to give). */
export const NORMAL_LOBES: readonly Lobe[] = [
  { wave: 'P', centreMs: -160, widthMs: 22, vector: [0.08, 0.12, 0.02] },
  { wave: 'Q', centreMs: -26, widthMs: 7, vector: [-0.1, 0.1, -0.15] },
  { wave: 'R', centreMs: 0, widthMs: 11, vector: [1.1, 0.7, 0.35] },
  { wave: 'S', centreMs: 26, widthMs: 9, vector: [-0.3, -0.3, 0.4] },
  { wave: 'T', centreMs: 290, widthMs: 45, vector: [0.3, 0.22, -0.18] },
];

/** One beat: its R peak (ms from the record start), RR interval (s) and amplitude factor. */
export interface Beat {
  rPeakMs: number;
  rrS: number;
  amplitude: number;
}

/** A record's own version of the template: each lobe's vector and width moved a little (seeded), so records differ. */
export function perturbLobes(template: readonly Lobe[], random: () => number): Lobe[] {
  const normal = gaussian(random);
  return template.map((l) => {
    const size = Math.hypot(...l.vector);
    const vector = l.vector.map((v) => v + 0.12 * size * normal()) as [number, number, number];
    return { ...l, vector, widthMs: l.widthMs * (1 + 0.08 * normal()), centreMs: l.centreMs * (1 + 0.04 * normal()) };
  });
}

/**
 * Beat times over a record of `durationMs`: mean rate 55–95 /min, respiratory sinus arrhythmia (0.2–0.33 Hz,
 * ±4% RR) plus ±2% jitter per beat; amplitude ±4% by respiration and ±3% per beat. Beats whose lobes would reach
 * past either end are kept (they are cut by the record's edges, as in a real recording).
 */
export function beatSchedule(durationMs: number, random: () => number): Beat[] {
  const normal = gaussian(random);
  const meanRrS = 60 / (55 + 40 * random());
  const respHz = 0.2 + 0.13 * random();
  const respPhase = 2 * Math.PI * random();
  const beats: Beat[] = [];
  let t = 200 + 600 * random();
  while (t < durationMs + 300) {
    const resp = Math.sin(2 * Math.PI * respHz * (t / 1000) + respPhase);
    const rrS = meanRrS * (1 + 0.04 * resp + 0.02 * normal());
    beats.push({ rPeakMs: t, rrS, amplitude: 1 + 0.04 * resp + 0.03 * normal() });
    t += rrS * 1000;
  }
  return beats;
}

/** Centre of a lobe in a beat, ms after its R peak (T and the ST lobe follow the QT, ∝ √RR). */
export function lobeCentreMs(l: Lobe, b: Beat): number {
  return l.wave === 'T' || l.wave === 'ST' ? l.centreMs * Math.sqrt(b.rrS) : l.centreMs;
}

/** The heart vector at fs over n samples: three Float64Arrays (X, Y, Z), mV. */
export function heartVector(
  lobes: readonly Lobe[],
  beats: readonly Beat[],
  fsHz: number,
  n: number,
): [Float64Array, Float64Array, Float64Array] {
  const axes: [Float64Array, Float64Array, Float64Array] = [
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
  ];
  for (const b of beats) {
    for (const l of lobes) {
      const mu = ((b.rPeakMs + lobeCentreMs(l, b)) * fsHz) / 1000;
      const sigma = (l.widthMs * fsHz) / 1000;
      // Beyond 6σ a lobe is below 1.6e-8 of its peak: far under the 1 µV resolution of the written record.
      const from = Math.max(0, Math.ceil(mu - 6 * sigma));
      const to = Math.min(n - 1, Math.floor(mu + 6 * sigma));
      for (let s = from; s <= to; s++) {
        const g = b.amplitude * Math.exp(-((s - mu) ** 2) / (2 * sigma * sigma));
        for (let a = 0; a < 3; a++) axes[a][s] += l.vector[a] * g;
      }
    }
  }
  return axes;
}
