/**
 * Everything a tour says about one case, computed from its data when the tour runs: the model beat's QRS span
 * (waves.ts), the frontal QRS axis, each lead's QRS pattern, the CineECG trajectory of the window, and — once an
 * explanation exists — where its Φ concentrates.
 */
import { cineWindow } from '../cine/cine-signal';
import { windowLeads } from '../cine/window-leads';
import type { PreparedEcg } from '../ecg/prepare.types';
import { STANDARD_LEADS, type StandardLead } from '../ecg/types';
import { modelBeatWaves } from '../ecg/waves';
import { type AttentionFacts, attentionFacts } from './attention';
import { axisFromAreas, netAreaMvMs, type QrsAxis } from './qrs-axis';
import { type QrsPattern, qrsPattern } from './qrs-pattern';

export interface CaseFacts {
  caseId: string;
  title: string;
  fsHz: number;
  /** QRS offset of the model beat, ms after its onset (the window start). */
  qrsEndMs: number;
  /** True when the delineation did not find the J point and clamped it. */
  qrsEndClamped: boolean;
  axis: QrsAxis;
  patterns: Record<StandardLead, QrsPattern>;
  /** The window's mTSI trajectory, LPS mm, [T × 3] flattened (null if it could not be computed). */
  trajectory: Float64Array | null;
  /** Where Φ concentrates; null until the case is explained. */
  attention: AttentionFacts | null;
  /** Which method made the attention facts (its label). */
  method: string | null;
}

export interface CaseFactsInput {
  caseId: string;
  title: string;
  prepared: PreparedEcg;
  /** Eq. 1's bipolar Φ of the 12-lead model, [T × 12], and the method's name, when explained. */
  explanation?: { phi: ArrayLike<number>; method: string } | null;
}

/** The beat's facts; the trajectory is optional (a failure there leaves the ECG facts standing). */
export function caseFacts({ caseId, title, prepared, explanation }: CaseFactsInput): CaseFacts {
  const waves = modelBeatWaves(prepared);
  const leads = windowLeads(prepared); // each from its level just before QRS onset
  const end = Math.min(leads[0].length, Math.round((waves.qrsOffsetMs * prepared.fsHz) / 1000));
  const axis = axisFromAreas(
    netAreaMvMs(leads[0], 0, end, 0, prepared.fsHz),
    netAreaMvMs(leads[5], 0, end, 0, prepared.fsHz),
  );
  const patterns = Object.fromEntries(
    STANDARD_LEADS.map((name, i) => [name, qrsPattern(leads[i], 0, end, 0, prepared.fsHz)]),
  ) as Record<StandardLead, QrsPattern>;
  let trajectory: Float64Array | null;
  try {
    trajectory = Float64Array.from(cineWindow(prepared).trajectory.points);
  } catch {
    trajectory = null;
  }
  return {
    caseId,
    title,
    fsHz: prepared.fsHz,
    qrsEndMs: waves.qrsOffsetMs,
    qrsEndClamped: waves.qrsOffsetClamped,
    axis,
    patterns,
    trajectory,
    attention: explanation ? attentionFacts(explanation.phi, STANDARD_LEADS, prepared.fsHz, waves.qrsOffsetMs) : null,
    method: explanation?.method ?? null,
  };
}
