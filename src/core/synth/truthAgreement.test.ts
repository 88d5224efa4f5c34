import { describe, expect, it } from 'vitest';
import { truthAgreementCase, truthScore, unionOfLeads } from './truthAgreement';

const T = 10;
/** 12 empty masks of T samples, with lead `l` set on [a, b). */
function masks(marks: [number, number, number][]): Uint8Array[] {
  const m = Array.from({ length: 12 }, () => new Uint8Array(T));
  for (const [l, a, b] of marks) m[l].fill(1, a, b);
  return m;
}

describe('truthAgreementCase / truthScore (known answers)', () => {
  it('a 12-lead map equal to the truth scores Dice 1 at a θ* > 0; a constant map scores the base rate at θ* 0', () => {
    const truth = masks([
      [0, 2, 5],
      [5, 4, 8],
    ]);
    const phi = new Float32Array(T * 12);
    for (let l = 0; l < 12; l++) for (let t = 0; t < T; t++) phi[t * 12 + l] = truth[l][t];
    const perfect = truthScore(truthAgreementCase('x', phi, 12, truth, 'leads'), 'absolute');
    expect(perfect.dice).toBe(1);
    expect(perfect.threshold).toBeGreaterThan(0);
    // Constant map: only θ = 0 marks anything, i.e. every sample of the 2 evaluated leads (7 of 20 in the truth).
    const flat = truthScore(truthAgreementCase('x', new Float32Array(T * 12).fill(1), 12, truth, 'leads'), 'absolute');
    expect(flat.threshold).toBe(0);
    expect(flat.dice).toBeCloseTo((2 * 7) / (20 + 7), 12);
  });

  it("'mapped' and 'cine' judge against the union of the leads' masks", () => {
    const truth = masks([
      [0, 2, 4],
      [7, 3, 6],
    ]);
    expect(Array.from(unionOfLeads(truth))).toEqual([0, 0, 1, 1, 1, 1, 0, 0, 0, 0]);
    // Cine map [T × 3]: channel 1 is the union, the others zero → 'cine' evaluates all 3 channels against the union.
    const cine = new Float32Array(T * 3);
    for (let t = 2; t < 6; t++) cine[t * 3 + 1] = 1;
    const c = truthAgreementCase('c', cine, 3, truth, 'cine');
    expect(c.channels).toHaveLength(3);
    expect(c.channels.every((ch) => Array.from(ch.mask).join('') === '0011110000')).toBe(true);
    // θ > 0 marks channel 1's 4 samples: 2·4 / (4 + 12) = 0.5; θ = 0 marks all 30: 2·12 / (30 + 12) = 0.571 → θ* = 0.
    const s = truthScore(c, 'positive');
    expect(s.threshold).toBe(0);
    expect(s.dice).toBeCloseTo(24 / 42, 12);
    // 12-lead map summed over leads (eq. 2) against the union.
    const phi = new Float32Array(T * 12);
    for (let t = 2; t < 6; t++) phi[t * 12 + 4] = 0.3;
    const mapped = truthScore(truthAgreementCase('m', phi, 12, truth, 'mapped'), 'positive');
    expect(mapped.dice).toBe(1);
  });

  it('an empty truth (a healthy twin) is not scored; wrong shapes are refused by name', () => {
    const empty = truthScore(
      truthAgreementCase('twin', new Float32Array(T * 12).fill(1), 12, masks([]), 'leads'),
      'absolute',
    );
    expect(empty).toEqual({ threshold: null, dice: null, iou: null, spearman: null });
    expect(() => truthAgreementCase('x', new Float32Array(T * 3), 3, masks([]), 'leads')).toThrow(
      /'leads' needs a 12-lead map/,
    );
    expect(() => truthAgreementCase('x', new Float32Array(T * 12), 12, masks([]).slice(0, 11), 'leads')).toThrow(
      /12 leads × 10 samples/,
    );
    expect(() => truthAgreementCase('x', new Float32Array(25), 12, masks([]), 'mapped')).toThrow(/not \[T × 12\]/);
  });
});
