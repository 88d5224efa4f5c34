import type { EcgRecord } from './types';

/** How the 400 ms window was chosen (see beat.ts for why). */
export interface BeatChoice {
  method: 'best-single-beat';
  /** Index into qrsOnsetsMs of the chosen beat. */
  beatIndex: number;
  /** Mean per-lead Pearson correlation of the chosen beat's window with the median beat. */
  correlationWithMedian: number;
  /** Beats that had a complete window and took part in the choice. */
  candidateBeats: number;
}

/** A record made ready for display and for the model: 500 Hz, filtered, z-scored, windowed. */
export interface PreparedEcg {
  record: EcgRecord;
  fsHz: number; // always MODEL_FS_HZ
  nSamples: number;
  /** 12 leads resampled to 500 Hz, mV, otherwise as recorded. */
  leadsMv: Float32Array[];
  /** 12 leads band-passed 0.5–40 Hz (zero-phase), still mV: the clean trace the grid draws by default. */
  filteredMv: Float32Array[];
  /** Band-passed and z-scored per lead over the whole record: the model's representation. */
  zscored: Float32Array[];
  /** QRS onset of every detected beat, ms from the record start. */
  qrsOnsetsMs: number[];
  windowStartMs: number;
  windowSamples: number;
  /** The model input: windowSamples × 12, time-major ([t][lead] flattened), from `zscored`. */
  window: Float32Array;
  beat: BeatChoice;
}
