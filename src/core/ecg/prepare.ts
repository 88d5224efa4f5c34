import { MODEL_FS_HZ, WINDOW_SAMPLES } from '../constants';
import { EcgError } from '../errors';
import { chooseBeat } from './beat';
import { bandpassForModel } from './dsp/bandpass';
import { resampleTo } from './dsp/resample';
import { zscore } from './dsp/zscore';
import type { PreparedEcg } from './prepare.types';
import { detectQrs } from './qrs/detect';
import type { EcgRecord } from './types';

export type { PreparedEcg } from './prepare.types';

const msOf = (sample: number) => (sample * 1000) / MODEL_FS_HZ;

/**
 * The one preprocessing path (paper 3.1) shared by the app, the CLI and training:
 * resample to 500 Hz → band-pass 0.5–40 Hz zero-phase → z-score per lead over the record →
 * QRS onsets → the best single beat → its 400 ms window from QRS onset, [200 × 12] time-major.
 */
export function prepareEcg(record: EcgRecord): PreparedEcg {
  const leadsMv = record.leadsMv.map((x) => resampleTo(x, record.fsHz, MODEL_FS_HZ));
  const nSamples = leadsMv[0].length;
  const file = record.sourceFiles[0];
  if (nSamples < WINDOW_SAMPLES * 2) {
    throw new EcgError('too-short', `the record lasts ${(nSamples / MODEL_FS_HZ).toFixed(2)} s; at least 0.8 s (a QRS complex and its 400 ms window) is needed`, { file });
  }
  const filtered = leadsMv.map((x) => bandpassForModel(x, MODEL_FS_HZ));
  const zscored = filtered.map((x) => zscore(x)); // from the float64 filter output, as the training arrays were
  const filteredMv = filtered.map((x) => Float32Array.from(x));

  const { onsets } = detectQrs(filteredMv, MODEL_FS_HZ);
  const beat = chooseBeat(zscored, onsets, WINDOW_SAMPLES);
  if (!beat) {
    const seconds = (nSamples / MODEL_FS_HZ).toFixed(1);
    throw new EcgError(
      'no-qrs',
      onsets.length === 0
        ? `no QRS complex found in ${seconds} s: is this an ECG (check leads and units)?`
        : `${onsets.length} QRS complex(es) found, but none is followed by the 400 ms the model needs`,
      { file },
    );
  }
  const start = onsets[beat.beatIndex];
  const window = new Float32Array(WINDOW_SAMPLES * 12);
  for (let t = 0; t < WINDOW_SAMPLES; t++) for (let l = 0; l < 12; l++) window[t * 12 + l] = zscored[l][start + t];

  return {
    record, fsHz: MODEL_FS_HZ, nSamples, leadsMv, filteredMv, zscored,
    qrsOnsetsMs: onsets.map(msOf), windowStartMs: msOf(start), windowSamples: WINDOW_SAMPLES, window, beat,
  };
}
