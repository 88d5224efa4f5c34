/**
 * Digital Butterworth filters as second-order sections, designed step for step as
 * scipy.signal.butter(..., output='sos'): analog prototype poles → low-pass-to-band-pass (or
 * low-pass-to-low-pass) → bilinear transform with pre-warped edges → zpk2sos pairing.
 * Same steps in the same order means the same sections, to rounding.
 */
import { cAdd, cDiv, cExpI, cMul, cScale, cSqrt, cSub, complex, type Complex } from './complex';
import { zpk2sos, type Sos } from './zpk2sos';

export type { Sos } from './zpk2sos';

interface Zpk {
  zeros: Complex[];
  poles: Complex[];
  gain: number;
}

/** Unit-cutoff analog prototype (scipy buttap): poles on the left half of the unit circle. */
function analogPrototype(order: number): Zpk {
  const poles: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) poles.push(cScale(cExpI((Math.PI * m) / (2 * order)), -1));
  return { zeros: [], poles, gain: 1 };
}

/** Edge (fraction of Nyquist) pre-warped so the digital filter has its corner exactly there (fs = 2). */
const prewarp = (wn: number): number => 2 * 2 * Math.tan((Math.PI * wn) / 2);

function lowpassToLowpass({ zeros, poles, gain }: Zpk, wo: number): Zpk {
  const degree = poles.length - zeros.length;
  return {
    zeros: zeros.map((z) => cScale(z, wo)),
    poles: poles.map((p) => cScale(p, wo)),
    gain: gain * wo ** degree,
  };
}

/** Each prototype root r becomes the pair r·bw/2 ± sqrt((r·bw/2)² − wo²); `degree` zeros go to the origin. */
function lowpassToBandpass({ zeros, poles, gain }: Zpk, wo: number, bw: number): Zpk {
  const degree = poles.length - zeros.length;
  const shift = (roots: Complex[]): Complex[] => {
    const scaled = roots.map((r) => cScale(cScale(r, bw), 1 / 2));
    const roots2 = scaled.map((r) => cSqrt(cSub(cMul(r, r), complex(wo * wo))));
    return [...scaled.map((r, i) => cAdd(r, roots2[i])), ...scaled.map((r, i) => cSub(r, roots2[i]))];
  };
  return {
    zeros: [...shift(zeros), ...Array.from({ length: degree }, () => complex(0))],
    poles: shift(poles),
    gain: gain * bw ** degree,
  };
}

/** Bilinear transform with fs = 2 (the pre-warp already accounts for it); zeros at infinity go to z = −1. */
function bilinear({ zeros, poles, gain }: Zpk): Zpk {
  const fs2 = complex(4);
  const map = (r: Complex) => cDiv(cAdd(fs2, r), cSub(fs2, r));
  const prod = (roots: Complex[]) => roots.reduce((acc, r) => cMul(acc, cSub(fs2, r)), complex(1));
  const degree = poles.length - zeros.length;
  return {
    zeros: [...zeros.map(map), ...Array.from({ length: degree }, () => complex(-1))],
    poles: poles.map(map),
    gain: gain * cDiv(prod(zeros), prod(poles)).re,
  };
}

function checkOrder(order: number): void {
  if (!Number.isInteger(order) || order < 1)
    throw new RangeError(`filter order must be a positive integer, got ${order}`);
}

function checkEdge(hz: number, fsHz: number, what: string): number {
  const wn = hz / (fsHz / 2);
  if (!(wn > 0 && wn < 1))
    throw new RangeError(`${what} must be in (0, ${fsHz / 2}) Hz for fs = ${fsHz} Hz, got ${hz}`);
  return wn;
}

/** scipy.signal.butter(order, [lowHz, highHz], btype='band', fs=fsHz, output='sos'). */
export function butterworthBandpassSos(order: number, lowHz: number, highHz: number, fsHz: number): Sos {
  checkOrder(order);
  const w0 = prewarp(checkEdge(lowHz, fsHz, 'low cutoff'));
  const w1 = prewarp(checkEdge(highHz, fsHz, 'high cutoff'));
  if (!(lowHz < highHz)) throw new RangeError(`low cutoff ${lowHz} Hz must be below high cutoff ${highHz} Hz`);
  const bp = lowpassToBandpass(analogPrototype(order), Math.sqrt(w0 * w1), w1 - w0);
  const { zeros, poles, gain } = bilinear(bp);
  return zpk2sos(zeros, poles, gain);
}

/** scipy.signal.butter(order, cutHz, btype='low', fs=fsHz, output='sos'). */
export function butterworthLowpassSos(order: number, cutHz: number, fsHz: number): Sos {
  checkOrder(order);
  const lp = lowpassToLowpass(analogPrototype(order), prewarp(checkEdge(cutHz, fsHz, 'cutoff')));
  const { zeros, poles, gain } = bilinear(lp);
  return zpk2sos(zeros, poles, gain);
}
