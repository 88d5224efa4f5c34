import { MODEL_FS_HZ, WINDOW_SAMPLES } from '../constants';
import { EcgError } from '../errors';
import { chooseBeat } from './beat';
import { bandpassForModel } from './dsp/bandpass';
import { resampleTo } from './dsp/resample';
import { zscore } from './dsp/zscore';
import type { BeatChoice, PreparedEcg } from './prepare.types';
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
    throw new EcgError(
      'too-short',
      `the record lasts ${(nSamples / MODEL_FS_HZ).toFixed(2)} s; at least 0.8 s (a QRS complex and its 400 ms window) is needed`,
      { file },
    );
  }
  let zscored: Float32Array[];
  let filteredMv: Float32Array[];
  if (record.preprocessed === 'bandpassed-zscored') {
    // Already band-passed and z-scored (a .npy like the ptbxl-zscored arrays): used as is, as training does.
    zscored = leadsMv;
    filteredMv = leadsMv;
  } else {
    const filtered = leadsMv.map((x) => bandpassForModel(x, MODEL_FS_HZ));
    zscored = filtered.map((x) => zscore(x)); // from the float64 filter output, as the training arrays were
    filteredMv = filtered.map((x) => Float32Array.from(x));
  }
  const { onsets, beat, start, window } = modelWindow(zscored, filteredMv, file);
  return {
    record,
    fsHz: MODEL_FS_HZ,
    nSamples,
    leadsMv,
    filteredMv,
    zscored,
    qrsOnsetsMs: onsets.map(msOf),
    windowStartMs: msOf(start),
    windowSamples: WINDOW_SAMPLES,
    window,
    beat,
  };
}

export interface ModelWindow {
  /** QRS onsets, samples at 500 Hz. */
  onsets: number[];
  beat: BeatChoice;
  /** First sample of the window. */
  start: number;
  window: Float32Array;
}

/**
 * From the model representation (z-scored, 500 Hz) to the model input: QRS onsets found on `detectOn`
 * (the band-passed mV signal when there is one; the z-scored signal itself for pre-z-scored training arrays),
 * the best single beat, and its window.
 */
export function modelWindow(zscored: Float32Array[], detectOn: Float32Array[], file?: string): ModelWindow {
  const { onsets } = detectQrs(detectOn, MODEL_FS_HZ);
  const beat = chooseBeat(zscored, onsets, WINDOW_SAMPLES);
  if (!beat) {
    const seconds = (zscored[0].length / MODEL_FS_HZ).toFixed(1);
    throw new EcgError(
      'no-qrs',
      onsets.length === 0
        ? `no QRS complex found in ${seconds} s: is this an ECG (check leads and units)?`
        : `${onsets.length} QRS complex(es) found, but none is followed by the 400 ms the model needs`,
      { file },
    );
  }
  const start = onsets[beat.beatIndex];
  return { onsets, beat, start, window: extractWindow(zscored, start) };
}

/** `length` samples of every lead from `start`, time-major: out[t * nLeads + lead]. */
export function extractWindow(leads: Float32Array[], start: number, length = WINDOW_SAMPLES): Float32Array {
  const nLeads = leads.length;
  const out = new Float32Array(length * nLeads);
  for (let t = 0; t < length; t++) for (let l = 0; l < nLeads; l++) out[t * nLeads + l] = leads[l][start + t];
  return out;
}
