/**
 * Frequency response of a second-order-section cascade, H(e^{jω}) = Π (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²).
 * Used to check designs (and to describe a filter in the UI) independently of how sections are paired.
 */
import { cAbs, cDiv, cExpI, cMul, complex, type Complex } from './complex';
import type { Sos } from './zpk2sos';

export function sosFrequencyResponse(sos: Sos, fHz: number, fsHz: number): Complex {
  const z1 = cExpI((-2 * Math.PI * fHz) / fsHz); // z⁻¹
  const z2 = cMul(z1, z1);
  let h = complex(1);
  for (const s of sos) {
    const num = complex(s[0] + s[1] * z1.re + s[2] * z2.re, s[1] * z1.im + s[2] * z2.im);
    const den = complex(s[3] + s[4] * z1.re + s[5] * z2.re, s[4] * z1.im + s[5] * z2.im);
    h = cMul(h, cDiv(num, den));
  }
  return h;
}

/** |H| in decibels at fHz. */
export const sosGainDb = (sos: Sos, fHz: number, fsHz: number): number =>
  20 * Math.log10(cAbs(sosFrequencyResponse(sos, fHz, fsHz)));
