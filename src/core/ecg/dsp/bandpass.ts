/**
 * The band-pass of the model's training representation (ptbxl-zscored): 4th-order Butterworth
 * 0.5–40 Hz, zero-phase, as scipy filtfilt(*butter(4, [0.5, 40], btype='band', fs=500), x).
 */
import { BANDPASS_HIGH_HZ, BANDPASS_LOW_HZ, BANDPASS_ORDER, MODEL_FS_HZ } from '../../constants';
import { butterworthBandpassSos, type Sos } from './butterworth';
import { filtfiltSos } from './filtfilt';

const designs = new Map<number, Sos>(); // by sample rate; designing is cheap but needless per lead

export function modelBandpassSos(fsHz: number = MODEL_FS_HZ): Sos {
  let sos = designs.get(fsHz);
  if (!sos) {
    sos = butterworthBandpassSos(BANDPASS_ORDER, BANDPASS_LOW_HZ, BANDPASS_HIGH_HZ, fsHz);
    designs.set(fsHz, sos);
  }
  return sos;
}

/** One lead in mV → the same lead band-passed (still mV, float64 so z-scoring loses nothing). */
export function bandpassForModel(xMv: Float32Array | Float64Array, fsHz: number = MODEL_FS_HZ): Float64Array {
  return filtfiltSos(modelBandpassSos(fsHz), xMv);
}
