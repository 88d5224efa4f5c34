/**
 * 12-lead ECG → the nine unipolar electrode potentials the mTSI weighs: VR, VL, VF, V1–V6, all relative to
 * Wilson's central terminal (WCT = (RA + LA + LL) / 3), in mV, in ELECTRODES order (electrodes.ts).
 *
 * The precordial leads already are electrode − WCT. The limb electrodes' own potentials follow from Goldberger's
 * augmented leads: aVR = VR − (VL + VF)/2 and VR + VL + VF = 0 (the WCT is their mean), so aVR = 3/2 · VR, i.e.
 * VR = 2/3 · aVR, VL = 2/3 · aVL, VF = 2/3 · aVF. A file without augmented leads has them derived from I and II by
 * the loader (Goldberger: aVR = −(I + II)/2, …; record.derivedLeads names them), which gives exactly
 * VR = −(I + II)/3, VL = (2 I − II)/3, VF = (2 II − I)/3; `limbsFrom: 'I-II'` forces that route for every record
 * (recorded augmented leads may carry their own noise, so their VR + VL + VF is only ~0).
 */
import { STANDARD_LEADS, type StandardLead } from '../ecg/types';
import { ELECTRODES } from './electrodes';

export type LimbSource = 'augmented' | 'I-II';
const idx = (lead: StandardLead) => STANDARD_LEADS.indexOf(lead);

/** The nine potentials at samples [start, start + length) of `leadsMv` (12 leads, STANDARD_LEADS order). */
export function unipolarPotentials(
  leadsMv: ArrayLike<number>[],
  start = 0,
  length = leadsMv[0].length - start,
  limbsFrom: LimbSource = 'augmented',
): Float64Array[] {
  if (leadsMv.length !== STANDARD_LEADS.length) {
    throw new Error(`unipolarPotentials needs the 12 standard leads in standard order, got ${leadsMv.length}`);
  }
  if (start < 0 || start + length > leadsMv[0].length) {
    throw new Error(`samples [${start}, ${start + length}) are outside the ${leadsMv[0].length} samples of the record`);
  }
  const out = ELECTRODES.map(() => new Float64Array(length));
  const [i, ii, avr, avl, avf] = (['I', 'II', 'aVR', 'aVL', 'aVF'] as const).map((l) => leadsMv[idx(l)]);
  const chest = (['V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const).map((l) => leadsMv[idx(l)]);
  for (let t = 0; t < length; t++) {
    const n = start + t;
    if (limbsFrom === 'I-II') {
      out[0][t] = -(i[n] + ii[n]) / 3;
      out[1][t] = (2 * i[n] - ii[n]) / 3;
      out[2][t] = (2 * ii[n] - i[n]) / 3;
    } else {
      out[0][t] = (2 / 3) * avr[n];
      out[1][t] = (2 / 3) * avl[n];
      out[2][t] = (2 / 3) * avf[n];
    }
    for (let k = 0; k < 6; k++) out[3 + k][t] = chest[k][n];
  }
  return out;
}
