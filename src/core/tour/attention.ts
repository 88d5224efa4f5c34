/**
 * Where an attribution map concentrates: in time (the strongest span, the share inside the QRS) and in which leads.
 * Input is eq. 1's bipolar Φ [T × C] (time-major, positive = evidence for "abnormal"); magnitudes are |Φ|, so
 * evidence for either class counts as attention, and the sign of the strongest span says which class it supports.
 */

/** Length of the "strongest span" reported, ms: about half a normal QRS, long enough to name a QRS part. */
export const ATTENTION_SPAN_MS = 40;

export interface LeadShare {
  lead: string;
  /** Share of Σ|Φ| over the window carried by this lead, 0–1. */
  share: number;
}

export interface AttentionFacts {
  /** The ATTENTION_SPAN_MS span with the largest Σ|Φ|, ms after QRS onset. */
  peakFromMs: number;
  peakToMs: number;
  /** Its share of Σ|Φ|, 0–1. */
  peakShare: number;
  /** ΣΦ over the span (logit units): > 0 supports "abnormal", < 0 "normal". */
  peakSignedSum: number;
  /** Share of Σ|Φ| inside the QRS [0, qrsEndMs). */
  qrsShare: number;
  qrsEndMs: number;
  /** Leads by their share of Σ|Φ|, largest first. */
  leads: LeadShare[];
}

export function attentionFacts(
  phi: ArrayLike<number>,
  leadNames: readonly string[],
  fsHz: number,
  qrsEndMs: number,
  spanMs = ATTENTION_SPAN_MS,
): AttentionFacts {
  const C = leadNames.length;
  if (C === 0 || phi.length % C !== 0)
    throw new Error(`Φ has ${phi.length} values, not a whole number of rows of ${C} leads`);
  const T = phi.length / C;
  const perTime = new Float64Array(T);
  const signedPerTime = new Float64Array(T);
  const perLead = new Float64Array(C);
  let total = 0;
  for (let t = 0; t < T; t++)
    for (let c = 0; c < C; c++) {
      const v = phi[t * C + c];
      if (!Number.isFinite(v)) throw new Error(`Φ[${t}][${leadNames[c]}] is not a finite number`);
      perTime[t] += Math.abs(v);
      signedPerTime[t] += v;
      perLead[c] += Math.abs(v);
      total += Math.abs(v);
    }
  if (total === 0) throw new Error('Φ is zero everywhere: the map shows no attention to describe');
  const span = Math.max(1, Math.min(T, Math.round((spanMs * fsHz) / 1000)));
  let best = 0;
  let bestAt = 0;
  let run = 0;
  for (let t = 0; t < T; t++) {
    run += perTime[t] - (t >= span ? perTime[t - span] : 0);
    if (t >= span - 1 && run > best) [best, bestAt] = [run, t - span + 1];
  }
  let signed = 0;
  for (let t = bestAt; t < bestAt + span; t++) signed += signedPerTime[t];
  const qrsEnd = Math.min(T, Math.round((qrsEndMs * fsHz) / 1000));
  let inQrs = 0;
  for (let t = 0; t < qrsEnd; t++) inQrs += perTime[t];
  const ms = (i: number) => (i * 1000) / fsHz;
  return {
    peakFromMs: ms(bestAt),
    peakToMs: ms(bestAt + span),
    peakShare: best / total,
    peakSignedSum: signed,
    qrsShare: inQrs / total,
    qrsEndMs,
    leads: leadNames.map((lead, c) => ({ lead, share: perLead[c] / total })).sort((a, b) => b.share - a.share),
  };
}
