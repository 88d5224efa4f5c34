import { describe, expect, it } from 'vitest';
import { explanationAgreement } from './explanation-agreement';
import type { Segment } from './study-format';

const seg = (lead: string, startMs: number, endMs: number, modality: Segment['modality'] = '12-lead'): Segment => ({
  id: `${lead}${startMs}`,
  modality,
  lead,
  startMs,
  endMs,
});

describe('explanationAgreement', () => {
  // Φ [200 × 12]: lead V2 (index 7) carries 1 on samples 10…19 and 0.5 on 20…29; everything else 0.
  const phi = new Float32Array(200 * 12);
  for (let t = 10; t < 30; t++) phi[t * 12 + 7] = t < 20 ? 1 : 0.5;

  it('12-lead: only marked leads count; the per-case optimum and a given θ', () => {
    // Marked V2 20–60 ms = samples 10…29 (G = 20). Positive M on V2: 1 on 10…19, 0.5 on 20…29.
    // θ ≤ 0.5: P = 20 = G → Dice 1; θ > 0.5: P = 10 → Dice 20/30.
    const best = explanationAgreement({
      phi,
      source: '12-lead',
      label: 'abnormal',
      segments: [seg('V2', 20, 60)],
      postprocess: 'positive',
    })!;
    expect(best).toMatchObject({ threshold: 0.01, optimisedForCase: true, dice: 1, iou: 1 });
    const fixed = explanationAgreement({
      phi,
      source: '12-lead',
      label: 'abnormal',
      segments: [seg('V2', 20, 60)],
      postprocess: 'positive',
      threshold: 0.6,
    })!;
    expect(fixed).toMatchObject({ threshold: 0.6, optimisedForCase: false, dice: 20 / 30, iou: 0.5 });
  });
  it('a normal label flips the sign: the same map is evidence against the class', () => {
    const r = explanationAgreement({
      phi,
      source: '12-lead',
      label: 'normal',
      segments: [seg('V2', 20, 60)],
      postprocess: 'positive',
    })!;
    expect(r.dice).toBeCloseTo((2 * 20) / (200 + 20), 12); // M = 0 everywhere: only θ = 0 predicts anything
  });
  it('mapped: the trajectory marks; null without marks in that modality; a θ off the grid is refused', () => {
    const mapped = Float32Array.from({ length: 200 }, (_, t) => (t >= 50 && t < 60 ? 1 : 0));
    const r = explanationAgreement({
      phi: mapped,
      source: 'mapped',
      label: 'abnormal',
      segments: [seg('trajectory', 100, 120, 'cinecg')],
      postprocess: 'absolute',
    })!;
    expect([r.dice, r.spearman]).toEqual([1, 1]);
    expect(
      explanationAgreement({
        phi: mapped,
        source: 'mapped',
        label: 'abnormal',
        segments: [seg('V2', 20, 60)],
        postprocess: 'absolute',
      }),
    ).toBeNull();
    expect(() =>
      explanationAgreement({
        phi: mapped,
        source: 'mapped',
        label: 'abnormal',
        segments: [seg('trajectory', 0, 20, 'cinecg')],
        postprocess: 'absolute',
        threshold: 0.555,
      }),
    ).toThrow('not one of 0, 0.01');
  });
});
