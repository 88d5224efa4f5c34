import { LIMITS, MODEL_FS_HZ } from '../constants';
import { EcgError } from '../errors';
import { assembleRecord } from './assemble';
import { parseNpy } from './npy';
import { STANDARD_LEADS, type EcgRecord } from './types';

/** What a .npy cannot say about itself: its rate, and whether it is already band-passed and z-scored. */
export interface NpyOptions {
  /** Sampling rate in Hz; 500 when not given (and the record says so). */
  fsHz?: number;
  /** The array is band-passed 0.5–40 Hz and z-scored per lead (like ptbxl-zscored): preparation skips both. */
  zscored?: boolean;
}

/**
 * A 12-lead record from a .npy array of shape (N, 12), columns in the standard order I, II, III, aVR, aVL, aVF,
 * V1–V6; values in mV unless `zscored`. A (12, N) array is refused rather than guessed at: the (N, 12) layout is
 * what PTB-XL's own loaders produce.
 */
export function readNpyRecord(bytes: Uint8Array, fileName: string, options: NpyOptions = {}): EcgRecord {
  const { shape, data } = parseNpy(bytes, fileName, LIMITS.maxSamplesPerLead);
  if (shape.length !== 2 || shape[1] !== 12) {
    const hint = shape.length === 2 && shape[0] === 12 ? ' (this looks like (12, N): transpose it with a.T)' : '';
    throw new EcgError(
      'bad-npy',
      `shape (${shape.join(', ')}) is not (N, 12): expected one column per lead, I … V6${hint}`,
      { file: fileName, field: 'shape' },
    );
  }
  const notes: string[] = [];
  let fsHz = options.fsHz;
  if (fsHz === undefined) {
    fsHz = MODEL_FS_HZ;
    notes.push(`a .npy does not store its sampling rate: ${MODEL_FS_HZ} Hz assumed`);
  }
  if (options.zscored)
    notes.push('already band-passed 0.5–40 Hz and z-scored per lead: the values are z-scores, not mV');
  else notes.push('a .npy does not store units: mV assumed, columns in the order I, II, III, aVR, aVL, aVF, V1–V6');
  const n = shape[0];
  const channels = STANDARD_LEADS.map((lead, l) => {
    const values = new Float64Array(n);
    for (let t = 0; t < n; t++) values[t] = data[t * 12 + l];
    return { name: lead, units: 'mV', values };
  });
  return assembleRecord({
    name: fileName.replace(/\.npy$/i, ''),
    format: 'npy',
    fsHz,
    channels,
    comments: [],
    sourceFiles: [fileName],
    notes,
    mainFile: fileName,
    ...(options.zscored ? { preprocessed: 'bandpassed-zscored' as const } : {}),
  });
}
