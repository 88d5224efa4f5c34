import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortAgreement } from './agreement';
import { parseAgreementInput } from './agreement-input';
import type { PostProcess } from './importance';

/** Written by scripts/reference/agreement_reference.py: the definitions re-implemented with NumPy + scipy.stats.spearmanr. */
const ref = JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'agreement-reference.json'), 'utf8')) as {
  input: unknown;
  expected: Record<
    PostProcess,
    {
      threshold: number;
      meanDice: number;
      cases: { id: string; dice: number | null; iou: number | null; spearman: number | null }[];
    }
  >;
};

describe('agreement against an independent NumPy/SciPy implementation (7 cases: [T][3] and [T], normal, unmarked, constant)', () => {
  const cases = parseAgreementInput(ref.input);
  it.each(['positive', 'absolute', 'scaled'] as const)(
    '%s: same θ*, mean Dice and per-case Dice, IoU, Spearman',
    (mode) => {
      const want = ref.expected[mode];
      const got = cohortAgreement(cases, mode);
      expect(got.threshold).toBe(want.threshold);
      expect(got.threshold).toBeGreaterThan(0); // the cohort is built so that θ* is not the trivial 0
      expect(got.meanDice).toBeCloseTo(want.meanDice, 12);
      got.cases.forEach((c, i) => {
        const w = want.cases[i];
        expect(c.id).toBe(w.id);
        for (const k of ['dice', 'iou', 'spearman'] as const) {
          if (w[k] === null) expect(c[k], `${c.id} ${k}`).toBeNull();
          else expect(c[k], `${c.id} ${k}`).toBeCloseTo(w[k]!, 12);
        }
      });
    },
  );
});
