/**
 * Faithfulness, which the paper did not measure (issue 10): deletion and insertion curves (Petsiuk et al. 2018,
 * RISE) and the model-randomisation sanity check (Adebayo et al. 2018). Pure: the model enters as an async batch
 * logit function, so the app (worker) and the CLI wire their own TF.js model.
 *
 * The followed score is the class margin of the case's class c: logit_c − logit_other (for the abnormal class,
 * abnormal-minus-normal). Samples are ranked by the importance map, most important first (ties by position):
 * deletion replaces the top fraction by the baseline (zeros = the z-score mean), insertion starts from the
 * baseline and reveals the top fraction. A faithful map makes the deletion curve fall fast (small area) and the
 * insertion curve rise fast (large area). Areas are trapezoids over the removed/revealed fraction 0…1, in logit
 * units.
 */
import { spearman } from './rank';

/** Removed/revealed fractions 0, 1/k, …, 1 when the caller sets none (the viewer and `cli evaluate`). */
export const DEFAULT_FAITHFULNESS_STEPS = 20;

/** Logits [normal, abnormal] for each input window ([T × C] time-major, as the model takes them). */
export type BatchLogits = (inputs: Float32Array[]) => Promise<number[][]>;

export interface FaithfulnessCurves {
  /** Fractions 0, 1/k, …, 1 of samples removed (deletion) or revealed (insertion). */
  fractions: number[];
  deletion: number[];
  insertion: number[];
  deletionAuc: number;
  insertionAuc: number;
  /** The class whose margin is followed: 1 = abnormal, 0 = normal. */
  targetClass: 0 | 1;
}

/** Indices sorted by importance, highest first; ties keep position order. */
export function rankByImportance(importance: ArrayLike<number>): Int32Array {
  const idx = Int32Array.from({ length: importance.length }, (_, i) => i);
  return idx.sort((i, j) => importance[j] - importance[i] || i - j);
}

/** A [T] importance spread over C channels ([T × C] time-major), e.g. the mapped Φ_d applied to all 12 leads. */
export function expandOverChannels(perTime: ArrayLike<number>, channels: number): Float32Array {
  return Float32Array.from({ length: perTime.length * channels }, (_, j) => perTime[Math.floor(j / channels)]);
}

/**
 * The importance map that ranks samples for the curves of class c: the evidence for c in the bipolar Φ of eq. 1
 * (Φ for the abnormal class, −Φ for the normal one), as `cli evaluate` and the viewer both rank them.
 */
export function evidenceFor(phi: ArrayLike<number>, targetClass: 0 | 1): Float32Array {
  const s = targetClass === 1 ? 1 : -1;
  return Float32Array.from(phi, (v) => v * s);
}

/** Trapezoid area under y over evenly spaced x on [0, 1]. */
export function trapezoidArea(y: readonly number[]): number {
  if (y.length < 2) return 0;
  const h = 1 / (y.length - 1);
  let s = 0;
  for (let i = 1; i < y.length; i++) s += ((y[i - 1] + y[i]) / 2) * h;
  return s;
}

export async function deletionInsertion(
  logits: BatchLogits,
  x: Float32Array,
  importance: ArrayLike<number>,
  opts: { steps?: number; targetClass: 0 | 1; baseline?: Float32Array },
): Promise<FaithfulnessCurves> {
  const k = opts.steps ?? DEFAULT_FAITHFULNESS_STEPS;
  if (!Number.isInteger(k) || k < 1) throw new Error(`steps must be a positive integer, got ${k}`);
  if (importance.length !== x.length)
    throw new Error(`the importance map has ${importance.length} values, the input ${x.length}`);
  const baseline = opts.baseline ?? new Float32Array(x.length);
  if (baseline.length !== x.length)
    throw new Error(`the baseline has ${baseline.length} values, the input ${x.length}`);
  const order = rankByImportance(importance);
  const fractions = Array.from({ length: k + 1 }, (_, i) => i / k);
  const inputs: Float32Array[] = [];
  for (const f of fractions) {
    const count = Math.round(f * x.length);
    const del = Float32Array.from(x);
    const ins = Float32Array.from(baseline);
    for (let r = 0; r < count; r++) {
      del[order[r]] = baseline[order[r]];
      ins[order[r]] = x[order[r]];
    }
    inputs.push(del, ins);
  }
  const out = await logits(inputs);
  const c = opts.targetClass;
  const margin = (l: number[]) => l[c] - l[1 - c];
  const deletion = fractions.map((_, i) => margin(out[2 * i]));
  const insertion = fractions.map((_, i) => margin(out[2 * i + 1]));
  return {
    fractions,
    deletion,
    insertion,
    deletionAuc: trapezoidArea(deletion),
    insertionAuc: trapezoidArea(insertion),
    targetClass: c,
  };
}

/**
 * Model-randomisation sanity check: Spearman's ρ between the attributions of the trained model and those of the
 * same architecture with re-initialised weights, signed and of magnitudes. High ρ means the map does not depend on
 * what the model learned (a failed check); null when either map is constant.
 */
export function randomisationCorrelation(
  real: ArrayLike<number>,
  randomised: ArrayLike<number>,
): { spearman: number | null; spearmanAbs: number | null } {
  const abs = (a: ArrayLike<number>) => Float64Array.from(a, Math.abs);
  return { spearman: spearman(real, randomised), spearmanAbs: spearman(abs(real), abs(randomised)) };
}
