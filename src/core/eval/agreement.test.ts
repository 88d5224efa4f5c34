import { describe, expect, it } from 'vitest';
import { THRESHOLDS, cohortAgreement, sweepCase } from './agreement';
import { parseAgreementInput } from './agreement-input';
import { EvalError } from './eval-error';
import { type AgreementCase, evaluatedLeads, importanceMap } from './importance';
import { averageRanks, spearman } from './rank';

const one = (id: string, label: 'normal' | 'abnormal', phi: number[], mask: number[]): AgreementCase => ({
  id,
  label,
  channels: [{ phi, mask }],
});

// Worked by hand (see the comments): A abnormal, one lead; B normal, lead 0 marked, lead 1 unmarked with huge Φ
// that must not enter B's normalisation; C has no marks.
const A = one('A', 'abnormal', [0.25, -0.5, 1, 0], [0, 0, 1, 1]);
const B: AgreementCase = {
  id: 'B',
  label: 'normal',
  channels: [
    { phi: [0.5, -1, 0, 0.5], mask: [0, 1, 0, 0] },
    { phi: [9, 9, 9, 9], mask: [0, 0, 0, 0] },
  ],
};
const C = one('C', 'abnormal', [1, 2, 3, 4], [0, 0, 0, 0]);

describe('importance map (definitions 1–3)', () => {
  it('flips the sign for a normal case and keeps only the marked leads', () => {
    const ev = evaluatedLeads(B)!;
    expect([...ev.phiAligned]).toEqual([-0.5, 1, -0, -0.5]);
    expect([...ev.mask]).toEqual([0, 1, 0, 0]);
    expect(evaluatedLeads(C)).toBeNull();
  });
  it('positive and absolute are divided by their maximum; scaled is min-max; constant maps give 0', () => {
    expect([...importanceMap([0.25, -0.5, 1, 0], 'positive')]).toEqual([0.25, 0, 1, 0]);
    expect([...importanceMap([0.25, -0.5, 2, 0], 'absolute')]).toEqual([0.125, 0.25, 1, 0]);
    expect([...importanceMap([0.25, -0.5, 1, 0], 'scaled')].map((v) => +v.toFixed(12))).toEqual([
      0.5, 0, 1, 0.333333333333,
    ]);
    expect([...importanceMap([-1, -2], 'positive')]).toEqual([0, 0]);
    expect([...importanceMap([3, 3], 'scaled')]).toEqual([0, 0]);
  });
});

describe('threshold sweep (definition 4)', () => {
  it('101 thresholds 0, 0.01, …, 1', () => {
    expect(THRESHOLDS).toHaveLength(101);
    expect(THRESHOLDS[7]).toBe(0.07);
    expect(THRESHOLDS[100]).toBe(1);
  });
  it('A, positive: M = [0.25, 0, 1, 0], G = {2, 3}', () => {
    const s = sweepCase(A, 'positive')!;
    // θ = 0: everything predicted, Dice 2·2/(4+2), IoU 2/4.
    expect([s.dice[0], s.iou[0]]).toEqual([4 / 6, 0.5]);
    // 0 < θ ≤ 0.25: P = {0, 2}: Dice 2/4, IoU 1/3.
    expect([s.dice[25], s.iou[25]]).toEqual([0.5, 1 / 3]);
    // θ > 0.25: P = {2}: Dice 2/3, IoU 1/2.
    expect([s.dice[26], s.iou[26], s.dice[100]]).toEqual([2 / 3, 0.5, 2 / 3]);
  });
  it('cohort θ* = the smallest θ with the highest mean Dice; unmarked cases are null', () => {
    // B positive: M = [0, 1, 0, 0] = G: θ = 0 Dice 2/5; θ > 0 Dice 1.
    // Mean Dice: θ = 0 (4/6 + 2/5)/2; 0 < θ ≤ 0.25 (1/2 + 1)/2 = 0.75; θ ≥ 0.26 (2/3 + 1)/2 = 0.8333 → θ* = 0.26.
    const r = cohortAgreement([A, B, C], 'positive');
    expect(r.threshold).toBe(0.26);
    expect(r.meanDice).toBeCloseTo(5 / 6, 12);
    expect(r.cases[0]).toMatchObject({ id: 'A', dice: 2 / 3, iou: 0.5 });
    expect(r.cases[1]).toEqual({ id: 'B', dice: 1, iou: 1, spearman: 1 });
    expect(r.cases[2]).toEqual({ id: 'C', dice: null, iou: null, spearman: null });
    expect(r.meanIou).toBeCloseTo(0.75, 12);
  });
  it('A, scaled: M = [0.5, 0, 1, 1/3]; the best band is 0 < θ ≤ 1/3 (Dice 0.8), so θ* = 0.01', () => {
    const r = cohortAgreement([A], 'scaled');
    expect(r.threshold).toBe(0.01);
    expect(r.meanDice).toBeCloseTo(0.8, 12);
    expect(r.cases[0].iou).toBeCloseTo(2 / 3, 12);
  });
  it('no evaluated case: threshold and means are null', () => {
    expect(cohortAgreement([C], 'absolute')).toMatchObject({
      threshold: null,
      meanDice: null,
      meanIou: null,
      meanSpearman: null,
    });
  });
});

describe('Spearman (definition 5)', () => {
  it('average ranks for ties', () => {
    expect([...averageRanks([0.25, 0, 1, 0])]).toEqual([3, 1.5, 4, 1.5]);
  });
  it('matches scipy.stats.spearmanr (values printed by scipy 1.10)', () => {
    // spearmanr([0.25,0,1,0],[0,0,1,1]) = 0.23570226039551584 = 1/√18 by hand.
    expect(spearman([0.25, 0, 1, 0], [0, 0, 1, 1])).toBeCloseTo(0.23570226039551584, 14);
    expect(spearman([3.1, -2, 0.5, 0.5, 7, 1, 1, 1, -4], [1, 0, 0, 1, 1, 0, 1, 1, 0])).toBeCloseTo(
      0.6634888026970371,
      14,
    );
  });
  it('null when M or the mask is constant; the cohort mean skips nulls', () => {
    const full = one('F', 'abnormal', [0.1, 0.9, 0.3], [1, 1, 1]);
    expect(sweepCase(full, 'positive')!.spearman).toBeNull();
    const r = cohortAgreement([full, A], 'positive');
    expect(r.cases[0].spearman).toBeNull();
    expect(r.meanSpearman).toBeCloseTo(1 / Math.sqrt(18), 12);
  });
});

describe('parseAgreementInput', () => {
  it('[T][L] becomes channels; [T] one channel', () => {
    const cs = parseAgreementInput({
      cases: [
        {
          id: 'x',
          label: 'normal',
          phi: [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          mask: [
            [0, 1],
            [0, 1],
            [1, 0],
          ],
        },
        { id: 'y', label: 'abnormal', phi: [1, 2], mask: [1, 0] },
      ],
    });
    expect(cs[0].channels.map((c) => [c.phi, c.mask])).toEqual([
      [
        [1, 3, 5],
        [0, 0, 1],
      ],
      [
        [2, 4, 6],
        [1, 1, 0],
      ],
    ]);
    expect(cs[1].channels).toHaveLength(1);
  });
  it.each([
    ['{"cases": 3}', 'cases'],
    [{ cases: [{ id: 'x', label: 'sick', phi: [1], mask: [1] }] }, 'cases[0].label'],
    [{ cases: [{ id: 'x', label: 'normal', phi: [1, null], mask: [1, 0] }] }, 'cases[0].phi[1]'],
    [{ cases: [{ id: 'x', label: 'normal', phi: [1, 2], mask: [1, 2] }] }, 'cases[0].mask[1]'],
    [
      {
        cases: [
          {
            id: 'x',
            label: 'normal',
            phi: [[1, 2], [3]],
            mask: [
              [1, 0],
              [0, 1],
            ],
          },
        ],
      },
      'cases[0].phi[1]',
    ],
    [{ cases: [{ id: 'x', label: 'normal', phi: [1, 2, 3], mask: [1, 0] }] }, 'cases[0].mask'],
  ])('refuses %j naming %s', (input, field) => {
    let err: unknown;
    try {
      parseAgreementInput(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EvalError);
    expect((err as EvalError).field).toBe(field);
  });
});
