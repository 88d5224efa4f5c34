import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../ecg/types';
import { mulberry32 } from '../random';
import { evaluatePool } from './evaluation';
import { interExpertAgreement } from './inter-expert';
import { agreementCaseOf, buildRows } from './pool';
import type { PoolCase } from './pool-types';
import { segmentsToMask } from './protocol';
import { parseAnnotations, parseStudy } from './study-parse';
import { interExpertToCsv, reportToCsv, reportToMarkdown } from './tables-format';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const study = parseStudy(fixture('tiny-study.json'));
const a = parseAnnotations(fixture('tiny-annotations-a.json'), study);
const b = parseAnnotations(fixture('tiny-annotations-b.json'), study);
const T = 200;
/** Which model id each input kind's P(abnormal) is kept under in these cases (the registry's role in the app). */
const MODEL_IDS = { '12-lead': 'ecg12', cinecg: 'cine3' } as const;

/** [T × C] time-major from channel arrays. */
const timeMajor = (channels: ArrayLike<number>[]) =>
  Float64Array.from(
    { length: T * channels.length },
    (_, j) => channels[j % channels.length][Math.floor(j / channels.length)],
  );
const noise = (n: number, seed: number) => {
  const r = mulberry32(seed);
  return Float64Array.from({ length: n }, () => r() * 2 - 1);
};

/**
 * IG's Φ is expert A's mask (sign-flipped for the normal case, so Φ′ = mask): perfect against A. Expert B's marks
 * overlap A's partly, which gives hand-computable Dice. Gradient SHAP and the CineECG model's own Φ are noise.
 */
function cases(): PoolCase[] {
  return study.cases.map((c, k) => {
    const ann = a.cases.find((x) => x.caseId === c.id)!;
    const sign = c.label === 'normal' ? -1 : 1;
    const leads = segmentsToMask(
      ann.segments.filter((s) => s.modality === '12-lead'),
      STANDARD_LEADS,
    ).map((m) => Float64Array.from(m, (v) => v * sign));
    const traj = Float64Array.from(
      segmentsToMask(
        ann.segments.filter((s) => s.modality === 'cinecg'),
        ['trajectory'],
      )[0],
      (v) => v * sign,
    );
    return {
      id: c.id,
      label: c.label,
      diagnosis: c.diagnosis,
      pAbnormal: { ecg12: k === 0 ? 0.9 : 0.7, cine3: 0.6 },
      phi: {
        ig: { '12-lead': timeMajor(leads), mapped: traj, 'cinecg-model': noise(3 * T, 5 + k) },
        gradshap: { '12-lead': noise(12 * T, 10 + k), mapped: noise(T, 20 + k), 'cinecg-model': noise(3 * T, 30 + k) },
      },
      faithfulness: { ig: { '12-lead': { deletionAuc: 0.2 + k * 0.1, insertionAuc: 0.8 - k * 0.1 } } },
    };
  });
}

describe('pool rows', () => {
  it("one row per (case, expert) with both modalities' masks; 12-lead channels carry their lead's mask, CineECG channels the trajectory mask", () => {
    const { rows, skipped } = buildRows(cases(), [a, b]);
    expect(rows.map((r) => r.key)).toEqual(['c1|a', 'c2|a', 'c1|b', 'c2|b']);
    expect(skipped).toEqual([]);
    const c1a = agreementCaseOf(rows[0], 'ig', '12-lead')!;
    expect(c1a.channels).toHaveLength(12);
    const avl = STANDARD_LEADS.indexOf('aVL');
    expect(Array.from(c1a.channels[avl].mask).reduce((s, v) => s + v, 0)).toBe(40); // [20, 100) ms = samples 10…49
    const cine = agreementCaseOf(rows[0], 'gradshap', 'cinecg-model')!;
    expect(cine.channels.map((ch) => Array.from(ch.mask).reduce((s, v) => s + v, 0))).toEqual([10, 10, 10]); // ±10 ms point at 20 ms
    expect(agreementCaseOf(rows[0], 'lime', 'mapped')).toBeUndefined();
  });
  it('lists what it cannot evaluate and refuses a wrong-sized Φ', () => {
    const cs = cases();
    delete cs[1].label;
    const { rows, skipped } = buildRows(cs.slice(0, 2), [a]);
    expect(rows.map((r) => r.key)).toEqual(['c1|a']);
    expect(skipped).toEqual([
      { caseId: 'c2', expertId: 'a', reason: 'the case has no ground-truth label (Φ′ needs it)' },
    ]);
    cs[0].phi.ig!.mapped = new Float64Array(199);
    expect(() => agreementCaseOf(rows[0], 'ig', 'mapped')).toThrow(
      'Φ of ig on mapped has 199 values, expected 200 × 1',
    );
    expect(() => buildRows(cs, [a, a])).toThrow('two annotation files are from expert "a"');
  });
});

describe('Tables 1–5 on a hand-computable cohort', () => {
  const report = evaluatePool(cases(), [a, b], { resamples: 500, seed: 3, modelIds: MODEL_IDS });
  const table = (id: string) => report.tables.find((t) => t.id === id)!;

  it('Table 1: per modality the configuration with the best mean Dice, at its θ*', () => {
    const [cine, twelve] = table('table1').rows;
    // 12-lead, IG: rows c1|a and c2|a are perfect for any θ > 0; c1|b (aVL 40–120 ms against A's 20–100 ms):
    // P = 40 samples, G = 40, overlap 30 → Dice 0.75, IoU 0.6; c2|b has no marks. Mean Dice (1 + 1 + 0.75)/3.
    // Positive, absolute and scaled all give this (Φ′ is 0/1): the first in pool order, positive, is kept.
    expect(twelve.labels).toEqual(['12-Lead Signal']);
    expect(twelve.config).toEqual({ method: 'ig', postprocess: 'positive', source: '12-lead' });
    expect(twelve.threshold).toBe(0.01);
    expect(twelve.dice.mean).toBeCloseTo(2.75 / 3, 12);
    expect(twelve.iou.mean).toBeCloseTo(2.6 / 3, 12);
    expect(twelve.dice.n).toBe(3);
    expect(twelve.dice.low!).toBeLessThanOrEqual(twelve.dice.mean!);
    expect(twelve.dice.high).toBe(1);
    // CineECG: IG mapped; c1|b: A's trajectory mark 10–30 ms (10 samples) inside B's 0–60 ms (30): Dice 0.5, IoU 1/3.
    expect(cine.config).toEqual({ method: 'ig', postprocess: 'positive', source: 'mapped' });
    expect(cine.dice.mean).toBeCloseTo(2.5 / 3, 12);
    expect(cine.iou.mean).toBeCloseTo((2 + 1 / 3) / 3, 12);
    expect(cine.paper).toEqual({
      labels: ['CineECG Signal'],
      dice: '0.56 (0.51–0.62)',
      iou: '0.40 (0.35–0.47)',
      spearman: '0.22 (0.11–0.29)',
    });
  });

  it("Table 2: strata keep the cohort configuration and θ*; agreement = the explaining model's prediction vs the label", () => {
    const rows = table('table2').rows;
    const find = (...labels: string[]) => rows.find((r) => r.labels.join('/') === labels.join('/'))!;
    expect(find('Diagnosis', '12-Lead Signal', 'Abnormal').dice).toMatchObject({ mean: 0.875, n: 2 });
    expect(find('Diagnosis', '12-Lead Signal', 'Normal').dice).toEqual({ mean: 1, low: null, high: null, n: 1 });
    // ecg12: c1 P = 0.9 (abnormal, agrees), c2 P = 0.7 (labelled normal: disagrees).
    expect(find('Agreement', '12-Lead Signal', 'Agreement').dice).toMatchObject({ mean: 0.875, n: 2 });
    expect(find('Agreement', '12-Lead Signal', 'Disagreement').dice.mean).toBe(1);
    expect(find('Agreement', 'CineECG Signal', 'Disagreement').threshold).toBe(0.01);
  });

  it('the agreement strata read the P(abnormal) of the model the registry names for the kind, whatever its id', () => {
    // A 12-lead model under another id, predicting normal for both cases: c1 (abnormal) now disagrees, c2 agrees.
    const other = cases().map((c) => ({ ...c, pAbnormal: { ...c.pAbnormal, 'third-model': 0.1 } }));
    const r = evaluatePool(other, [a, b], {
      resamples: 500,
      seed: 3,
      modelIds: { ...MODEL_IDS, '12-lead': 'third-model' },
    });
    const rows = r.tables.find((t) => t.id === 'table2')!.rows;
    const find = (...labels: string[]) => rows.find((x) => x.labels.join('/') === labels.join('/'))!;
    expect(find('Agreement', '12-Lead Signal', 'Agreement').dice).toEqual({ mean: 1, low: null, high: null, n: 1 });
    expect(find('Agreement', '12-Lead Signal', 'Disagreement').dice).toMatchObject({ mean: 0.875, n: 2 });
  });

  it('Tables 3–5: per method, per source (IG), per source × post-processing; noise loses to IG', () => {
    expect(table('table3').rows.map((r) => [...r.labels, r.config.method])).toEqual([
      ['CineECG Signal', 'Gradient SHAP', 'gradshap'],
      ['CineECG Signal', 'Integrated Grad.', 'ig'],
      ['12-Lead Signal', 'Gradient SHAP', 'gradshap'],
      ['12-Lead Signal', 'Integrated Grad.', 'ig'],
    ]);
    const gs = table('table3').rows[2];
    expect(gs.dice.mean!).toBeLessThan(2.75 / 3);
    const t4 = table('table4').rows;
    expect(t4.map((r) => r.labels[1])).toEqual(['CineECG Attr.', '12-Lead (Mapped)', '12-Lead Attr.']);
    expect(t4.every((r) => r.config.method === 'ig')).toBe(true);
    expect(t4[1].dice.mean).toBeCloseTo(2.5 / 3, 12);
    const t5 = table('table5').rows;
    expect(t5).toHaveLength(9);
    expect(t5.map((r) => r.labels[1]).slice(0, 3)).toEqual(['Absolute', 'Positive', 'Scaled']);
    expect(t5[7]).toMatchObject({ labels: ['12-Lead (Mapped)', 'Positive'], config: { method: 'ig' } });
  });

  it('every configuration with data is listed; faithfulness pooled over cases; Markdown and CSV carry the tables', () => {
    expect(report.configs).toHaveLength(2 * 3 * 3);
    expect(report.rows).toBe(4);
    expect(report.faithfulness).toEqual([
      expect.objectContaining({
        labels: ['Integrated Grad.', '12-Lead Attr.'],
        deletionAuc: expect.objectContaining({ mean: expect.closeTo(0.25, 12), n: 2 }),
      }),
    ]);
    const md = reportToMarkdown(report);
    expect(md).toContain('**Table 1: Explanation alignment metrics');
    expect(md).toContain('| 12-Lead Signal | ig · positive · 12-lead | 0.01 | 3 | 0.92 (');
    expect(md).toContain('made up for demonstration');
    const csv = reportToCsv(report).trimEnd().split('\n');
    expect(csv[0]).toBe(
      'table,labels,method,postprocess,source,threshold,dice_mean,dice_low,dice_high,dice_n,iou_mean,iou_low,iou_high,iou_n,spearman_mean,spearman_low,spearman_high,spearman_n',
    );
    expect(csv[2]).toMatch(/^table1,12-Lead Signal,ig,positive,12-lead,0.01,0.91666/);
  });
});

describe('inter-expert agreement', () => {
  it('per case (mean over pairs) and pooled, per modality', () => {
    const [twelve, cine] = interExpertAgreement([a, b]);
    // c1: A aVL 10…49 and III 15…44 (70 samples), B aVL 20…59 (40), overlap 30 → 2·30/110;
    // c2: A V2 0…39, B nothing → 0. Pooled 2·30/(110 + 40).
    expect(twelve.cases).toEqual([
      { caseId: 'c1', experts: ['a', 'b'], dice: 60 / 110 },
      { caseId: 'c2', experts: ['a', 'b'], dice: 0 },
    ]);
    expect(twelve.meanDice).toBeCloseTo(30 / 110, 12);
    expect(twelve.pooledDice).toBeCloseTo(0.4, 12);
    // Trajectory: c1 A 5…14 inside B 0…29 → 2·10/40; c2 A 0…49, B nothing → 0. Pooled 20/90.
    expect(cine.cases.map((c) => c.dice)).toEqual([0.5, 0]);
    expect(cine.pooledDice).toBeCloseTo(20 / 90, 12);
    expect(
      interExpertToCsv({ interExpert: [twelve, cine] })
        .split('\n')
        .slice(0, 4),
    ).toEqual([
      'modality,case,experts,dice',
      `12-lead,c1,a b,${60 / 110}`,
      '12-lead,c2,a b,0',
      '12-lead,(pooled),,0.4',
    ]);
  });
});
