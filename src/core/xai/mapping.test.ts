import { describe, expect, it } from 'vitest';
import { bipolarPhi, mappedPhi, postProcess } from './mapping';

const arr = (...v: number[]) => Float32Array.from(v);
const list = (a: Float32Array) => Array.from(a, (v) => +v.toFixed(6));

describe('eq. 1–2 and post-processing (hand-worked, T = 3, 2 leads)', () => {
  // [t][lead]: A⁰ and A¹
  const a0 = arr(1, 0, -2, 1, 0, 0);
  const a1 = arr(3, 2, 0, -1, 0, 4);
  const phi = bipolarPhi(a0, a1); // (A¹ − A⁰)/2 = [1, 1, 1, −1, 0, 2]

  it('eq. 1', () => expect(list(phi)).toEqual([1, 1, 1, -1, 0, 2]));
  it('eq. 2: lead sums [2, 0, 2] over max |sum| 2', () => expect(list(mappedPhi(phi, 2))).toEqual([1, 0, 1]));
  it('eq. 2 keeps the sign and reaches −1', () => expect(list(mappedPhi(arr(-3, 1, 1, 0), 2))).toEqual([-1, 0.5]));
  it('eq. 2 of all zeros is zeros', () => expect(list(mappedPhi(new Float32Array(4), 2))).toEqual([0, 0]));

  it('abnormal case: positive, absolute, scaled', () => {
    expect(list(postProcess(phi, 'abnormal', 'positive'))).toEqual([1, 1, 1, 0, 0, 2]);
    expect(list(postProcess(phi, 'abnormal', 'absolute'))).toEqual([1, 1, 1, 1, 0, 2]);
    // min −1, max 2: (v + 1) / 3
    expect(list(postProcess(phi, 'abnormal', 'scaled'))).toEqual([0.666667, 0.666667, 0.666667, 0, 0.333333, 1]);
  });

  it('normal case: the sign is inverted first', () => {
    expect(list(postProcess(phi, 'normal', 'positive'))).toEqual([0, 0, 0, 1, 0, 0]);
    expect(list(postProcess(phi, 'normal', 'absolute'))).toEqual([1, 1, 1, 1, 0, 2]);
    // Φ′ = [−1, −1, −1, 1, 0, −2]: min −2, max 1: (v + 2) / 3
    expect(list(postProcess(phi, 'normal', 'scaled'))).toEqual([0.333333, 0.333333, 0.333333, 1, 0.666667, 0]);
  });
});
