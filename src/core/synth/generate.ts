/**
 * One synthetic 12-lead record and its healthy twin: seeded, deterministic (mulberry32 streams, src/core/random.ts;
 * only +, ×, exp, sin, cos, log and sqrt, and the result rounded to 1 µV, so Node and browsers write the same bytes).
 *
 * Four independent streams per record, each seeded from (seed, index): morphology and beats, noise, the choice of
 * pathology (for 'mixed') and the pathology's parameters. The twin uses the same morphology, beats and noise and
 * skips only the injection, so record − twin is the projected change and nothing else.
 */
import { MODEL_FS_HZ } from '../constants';
import { mulberry32 } from '../random';
import { beatSchedule, heartVector, NORMAL_LOBES, perturbLobes } from './dipole';
import { projectDower, twelveFromEight } from './dower';
import { truthMask, type SampleRange } from './mask';
import { addNoise } from './noise';
import { injectPathology, PATHOLOGIES, type Injection, type Pathology } from './pathology';

export const SYNTH_FS_HZ = MODEL_FS_HZ;
export const SYNTH_DURATION_S = 10;
export const SYNTH_GAIN_PER_MV = 1000;
export type PathologyChoice = Pathology | 'mixed';

export interface SynthRecord {
  name: string;
  label: 'normal' | 'abnormal';
  injection: Injection;
  fsHz: number;
  /** 12 leads (STANDARD_LEADS order), digital units (1 µV), as written to the .dat. */
  digital: Int16Array[];
  /** The healthy twin, same layout. */
  twinDigital: Int16Array[];
  /** R peak of every beat, ms from the record start (the lobes' time reference). */
  rPeaksMs: number[];
  /** Truth per lead name: half-open sample ranges over the whole record. */
  mask: Record<string, SampleRange[]>;
}

/** A 32-bit seed for stream `k` of record `index` of seed `seed` (splitmix-style integer mixing). */
export function streamSeed(seed: number, index: number, k: number): number {
  let h =
    Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(k + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Float64 mV leads → digital (1 µV), clamped inside int16 (−32768 is WFDB's "no sample"). */
function toDigital(mv: Float64Array, gain: number): Int16Array {
  return Int16Array.from(mv, (v) => Math.max(-32767, Math.min(32767, Math.round(v * gain))));
}

function leadsOf(
  lobes: Parameters<typeof heartVector>[0],
  beats: Parameters<typeof heartVector>[1],
  n: number,
  noiseSeed: number,
): Int16Array[] {
  const [x, y, z] = heartVector(lobes, beats, SYNTH_FS_HZ, n);
  const eight = projectDower(x, y, z);
  // Noise on the 8 independent leads, the other four derived from them, as a recorder does.
  const noise = mulberry32(noiseSeed);
  for (const lead of eight) addNoise(lead, SYNTH_FS_HZ, noise);
  return twelveFromEight(eight).map((l) => toDigital(l, SYNTH_GAIN_PER_MV));
}

export function synthesizeRecord(seed: number, index: number, choice: PathologyChoice = 'mixed'): SynthRecord {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`seed must be an integer 0…4294967295, got ${seed}`);
  if (!Number.isInteger(index) || index < 0) throw new Error(`record index must be an integer ≥ 0, got ${index}`);
  const n = SYNTH_DURATION_S * SYNTH_FS_HZ;
  const shape = mulberry32(streamSeed(seed, index, 0));
  const base = perturbLobes(NORMAL_LOBES, shape);
  const beats = beatSchedule(SYNTH_DURATION_S * 1000, shape);
  const pathology: Pathology =
    choice === 'mixed'
      ? PATHOLOGIES[Math.floor(mulberry32(streamSeed(seed, index, 2))() * PATHOLOGIES.length)]
      : choice;
  const { lobes, injection } = injectPathology(base, pathology, mulberry32(streamSeed(seed, index, 3)));
  const noiseSeed = streamSeed(seed, index, 1);
  const digital = leadsOf(lobes, beats, n, noiseSeed);
  const twinDigital = leadsOf(base, beats, n, noiseSeed);
  return {
    name: `synth-${seed}-${index}`,
    label: pathology === 'normal' ? 'normal' : 'abnormal',
    injection,
    fsHz: SYNTH_FS_HZ,
    digital,
    twinDigital,
    rPeaksMs: beats.map((b) => b.rPeakMs),
    mask: truthMask(digital, twinDigital, SYNTH_GAIN_PER_MV),
  };
}
