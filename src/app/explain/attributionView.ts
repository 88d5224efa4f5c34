import { bipolarPhi, mappedPhi, postProcess, type PostProcessing } from '../../core/xai/mapping';

/** What the attribution views show: signed Φ (eq. 1, the default) or one of paper 3.6's post-processings. */
export type AttributionDisplay = 'signed' | PostProcessing;

export interface AttributionView {
  T: number;
  C: number;
  /** Per lead and time, [T × C]: signed Φ scaled by max |Φ| to [−1, 1], or the post-processed value in [0, 1]. */
  cells: Float32Array;
  /** Eq. 2: Φ_d(t) ∈ [−1, 1], always from signed Φ (it colors the trajectory). */
  mapped: Float32Array;
  /** max |Φ| over leads and time, in logit units: what ±1 on the shared scale stands for. */
  scale: number;
  display: AttributionDisplay;
}

/**
 * From the worker's A⁰, A¹ to the values drawn, with one colour scale shared by all leads (a lead's colour is
 * comparable with another's). Post-processed values are divided by their own maximum so that 1 is the strongest.
 */
export function attributionView(
  a: [Float32Array, Float32Array],
  C: number,
  display: AttributionDisplay,
  caseLabel: 'normal' | 'abnormal',
): AttributionView {
  const phi = bipolarPhi(a[0], a[1]);
  const T = phi.length / C;
  let scale = 0;
  for (const v of phi) scale = Math.max(scale, Math.abs(v));
  let cells: Float32Array;
  if (display === 'signed') cells = scale === 0 ? new Float32Array(phi.length) : phi.map((v) => v / scale);
  else {
    const p = postProcess(phi, caseLabel, display);
    let max = 0;
    for (const v of p) max = Math.max(max, v);
    cells = max === 0 ? p : p.map((v) => v / max);
  }
  return { T, C, cells, mapped: mappedPhi(phi, C), scale, display };
}
