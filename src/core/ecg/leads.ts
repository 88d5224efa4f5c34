import type { StandardLead } from './types';

/**
 * Map the many spellings of lead names ("AVR", "aVR", "avr", "Lead I", "V1 (mV)", "MLII")
 * to the standard 12. Returns null for anything else (kept as an extra channel).
 */
export function normaliseLeadName(raw: string): StandardLead | null {
  let s = raw.trim().toLowerCase();
  s = s.replace(/\s*[([].*?[)\]]\s*$/, ''); // trailing unit "(mV)" / "[uV]"
  s = s.replace(/^(lead|ecg|ableitung)[\s_-]*/, '');
  s = s.replace(/[\s_-]+/g, '');
  if (s === 'mlii') s = 'ii'; // MIT-BIH modified lead II
  const romans: Record<string, StandardLead> = { i: 'I', ii: 'II', iii: 'III', '1': 'I', '2': 'II', '3': 'III' };
  if (s in romans) return romans[s];
  const limb: Record<string, StandardLead> = { avr: 'aVR', avl: 'aVL', avf: 'aVF' };
  if (s in limb) return limb[s];
  const chest = /^v([1-6])$/.exec(s);
  if (chest) return `V${chest[1]}` as StandardLead;
  return null;
}

/**
 * Einthoven and Goldberger: the four limb leads that follow from I and II.
 * III = II − I, aVR = −(I + II)/2, aVL = I − II/2, aVF = II − I/2.
 */
export function deriveLimbLead(lead: StandardLead, i: Float32Array, ii: Float32Array): Float32Array {
  const out = new Float32Array(i.length);
  for (let n = 0; n < i.length; n++) {
    const a = i[n];
    const b = ii[n];
    switch (lead) {
      case 'III':
        out[n] = b - a;
        break;
      case 'aVR':
        out[n] = -(a + b) / 2;
        break;
      case 'aVL':
        out[n] = a - b / 2;
        break;
      case 'aVF':
        out[n] = b - a / 2;
        break;
      default:
        throw new Error(`lead ${lead} cannot be derived from I and II`);
    }
  }
  return out;
}
