import { MODEL_FS_HZ, WINDOW_SAMPLES } from '../../core/constants';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { type EcgRecord, STANDARD_LEADS } from '../../core/ecg/types';

/**
 * A PreparedEcg made of simple shapes (a narrow Gaussian "QRS" and a wide "T" per beat), for tests of
 * the app that must not depend on the real parsers or DSP.
 */
export function syntheticPreparedEcg(
  opts: { durationS?: number; rrMs?: number; firstOnsetMs?: number } = {},
): PreparedEcg {
  const durationS = opts.durationS ?? 10;
  const rrMs = opts.rrMs ?? 800;
  const firstOnsetMs = opts.firstOnsetMs ?? 300;
  const fsHz = MODEL_FS_HZ;
  const nSamples = Math.round(durationS * fsHz);
  const qrsOnsetsMs: number[] = [];
  for (let t = firstOnsetMs; t + 400 <= durationS * 1000; t += rrMs) qrsOnsetsMs.push(t);

  const leadsMv = STANDARD_LEADS.map((_, lead) => {
    const gain = 0.4 + 0.1 * lead * (lead % 2 === 0 ? 1 : -1);
    const x = new Float32Array(nSamples);
    for (let i = 0; i < nSamples; i++) {
      const tMs = (i * 1000) / fsHz;
      let v = 0;
      for (const on of qrsOnsetsMs) {
        v += gain * 2.5 * Math.exp(-(((tMs - on - 40) / 12) ** 2)); // QRS
        v += gain * 0.6 * Math.exp(-(((tMs - on - 300) / 60) ** 2)); // T
      }
      x[i] = v;
    }
    return x;
  });

  const record: EcgRecord = {
    name: 'synthetic',
    format: 'wfdb',
    fsHz,
    nSamples,
    leadsMv,
    derivedLeads: [],
    extras: [],
    comments: [],
    sourceFiles: ['synthetic.hea', 'synthetic.dat'],
    notes: [],
  };
  const beatIndex = Math.min(2, qrsOnsetsMs.length - 1);
  const windowStartMs = qrsOnsetsMs[beatIndex];
  return {
    record,
    fsHz,
    nSamples,
    leadsMv,
    filteredMv: leadsMv,
    zscored: leadsMv,
    qrsOnsetsMs,
    windowStartMs,
    windowSamples: WINDOW_SAMPLES,
    window: new Float32Array(WINDOW_SAMPLES * STANDARD_LEADS.length),
    beat: { method: 'best-single-beat', beatIndex, correlationWithMedian: 0.97, candidateBeats: qrsOnsetsMs.length },
  };
}
