import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePool } from '../../../core/eval/evaluation';
import { poolModelIds, poolModelsOf } from '../../../core/eval/pool-models';
import { modelInputOf } from '../../../core/model/model-input';
import { mappedPhi } from '../../../core/xai/mapping';
import type { InferenceClient } from '../../../worker/client';
import { readRecordFiles } from '../../../../scripts/lib/record-files';
import { appModelsOnDisk } from '../../../../scripts/lib/registry';
import { openCase } from '../../case/openCase';
import { heartRateBpm } from '../../../core/ecg/heart-rate';
import { windowLeads } from '../caseData';
import { parseAnnotationsText, parseStudyText } from '../studyFiles';
import { computeStudyPhi } from './studyPhi';

const study = parseStudyText(readFileSync('public/studies/example/study.json', 'utf8'));
const small = { ...study, cases: study.cases.slice(0, 2) };
const prepared = small.cases.map((c) => {
  if (c.source.kind !== 'bundled') throw new Error('bundled expected');
  return openCase(readRecordFiles(`public/cases/${c.source.caseId}/${c.source.caseId.replace('ptbxl-', '')}_hr.hea`));
});

/** The shipped registry's models, as the evaluation view reads them from the page. */
const registered = async () => poolModelsOf(await appModelsOnDisk());

/** A worker stand-in whose attributions make Φ equal to the input (A⁰ = 0, A¹ = 2x), so every Φ is known. */
function fakeClient(calls: string[]): InferenceClient {
  return {
    predict: async (_x: Float32Array, _T: number, C: number, model?: string) => {
      calls.push(`predict ${model ?? 'ecg12'} C=${C}`);
      return {
        type: 'prediction',
        id: 0,
        logits: [0, 0],
        pAbnormal: C === 12 ? 0.9 : 0.2,
        label: 'abnormal',
        backend: 'cpu',
        ms: 0,
      };
    },
    explain: (method: string, x: Float32Array, _T: number, C: number, params: object, _p?: unknown, model?: string) => {
      calls.push(`explain ${method} ${model ?? 'ecg12'} C=${C} ${JSON.stringify(params)}`);
      return {
        id: 0,
        result: Promise.resolve({
          type: 'explanation',
          id: 0,
          method,
          attributions: [new Float32Array(x.length), x.map((v) => 2 * v)],
          delta: [0, 0],
          logits: [0, 0],
        }),
      };
    },
  } as unknown as InferenceClient;
}

describe('Φ of a study for the evaluation', () => {
  it('asks each model for its prediction and the budget’s methods, and keeps Φ per source (eq. 1, eq. 2)', async () => {
    const calls: string[] = [];
    const progress: number[] = [];
    const cases = await computeStudyPhi(small, 'quick', {
      client: fakeClient(calls),
      models: await registered(),
      caseData: async (i) => ({
        prepared: prepared[i],
        heartRateBpm: heartRateBpm(prepared[i].qrsOnsetsMs),
        windowLeadsMv: windowLeads(prepared[i]),
      }),
      onProgress: (p) => progress.push(p.fraction),
    });
    expect(calls.slice(0, 4)).toEqual([
      'predict ecg12 C=12',
      'predict cine3 C=3',
      'explain ig ecg12 C=12 {"steps":16,"noiseSamples":0}',
      'explain ig cine3 C=3 {"steps":16,"noiseSamples":0}',
    ]);
    expect(calls).toHaveLength(8);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
    const x12 = modelInputOf(prepared[0], 12);
    expect(cases[0]).toMatchObject({
      id: 'case-01',
      label: 'abnormal',
      diagnosis: 'LAFB',
      pAbnormal: { ecg12: 0.9, cine3: 0.2 },
    });
    expect(Array.from(cases[0].phi.ig!['12-lead']!)).toEqual(Array.from(x12));
    expect(Array.from(cases[0].phi.ig!['cinecg-model']!)).toEqual(Array.from(modelInputOf(prepared[0], 3)));
    expect(Array.from(cases[0].phi.ig!.mapped!)).toEqual(Array.from(mappedPhi(x12, 12)));
  });

  it('follows the registry: models under other ids are asked by those ids and their P(abnormal) kept under them', async () => {
    const shipped = await registered();
    const models = {
      '12-lead': { ...shipped['12-lead'], id: 'twelve' },
      cinecg: { ...shipped.cinecg, id: 'trajectory-net', shortTitle: 'Trajectory' },
    };
    const calls: string[] = [];
    const steps: string[] = [];
    const cases = await computeStudyPhi({ ...small, cases: small.cases.slice(0, 1) }, 'quick', {
      client: fakeClient(calls),
      models,
      caseData: async (i) => ({ prepared: prepared[i], heartRateBpm: null, windowLeadsMv: [] }),
      onProgress: (p) => steps.push(p.step),
    });
    // The primary model is the worker's default (no key); the CineECG model is asked for by its registry id.
    expect(calls).toEqual([
      'predict ecg12 C=12',
      'predict trajectory-net C=3',
      'explain ig ecg12 C=12 {"steps":16,"noiseSamples":0}',
      'explain ig trajectory-net C=3 {"steps":16,"noiseSamples":0}',
    ]);
    expect(cases[0].pAbnormal).toEqual({ twelve: 0.9, 'trajectory-net': 0.2 });
    expect(steps).toContain('case-01: ig on the Trajectory model');
  });

  it('feeds evaluatePool: with Φ equal to an annotator’s own 12-lead marks, that annotator’s Dice is 1', async () => {
    const a = parseAnnotationsText(readFileSync('public/studies/example/annotations-made-up-a.json', 'utf8'), study);
    const aSmall = { ...a, cases: a.cases.slice(0, 2) };
    const models = await registered();
    const cases = await computeStudyPhi(small, 'quick', {
      client: fakeClient([]),
      models,
      caseData: async (i) => ({ prepared: prepared[i], heartRateBpm: null, windowLeadsMv: [] }),
    });
    const { segmentsToMask } = await import('../../../core/eval/protocol');
    const { STANDARD_LEADS } = await import('../../../core/ecg/types');
    for (const [k, c] of cases.entries()) {
      const masks = segmentsToMask(aSmall.cases[k].segments, STANDARD_LEADS);
      const phi = new Float32Array(200 * 12);
      // Φ′ = −Φ for a normal case: store −mask there so the positive map is the mask itself.
      const sign = c.label === 'normal' ? -1 : 1;
      for (let t = 0; t < 200; t++) for (let l = 0; l < 12; l++) phi[t * 12 + l] = sign * masks[l][t];
      c.phi.ig!['12-lead'] = phi;
    }
    const report = evaluatePool(cases, [aSmall], { resamples: 200, modelIds: poolModelIds(models) });
    const t1 = report.tables.find((t) => t.id === 'table1')!;
    const row =
      t1.rows.find((r) => r.config.source === '12-lead' && r.config.postprocess === 'positive') ??
      t1.rows.find((r) => r.config.source === '12-lead')!;
    const best = report.configs.find(
      (c) => c.method === 'ig' && c.postprocess === 'positive' && c.source === '12-lead',
    )!;
    expect(best.meanDice).toBe(1);
    expect(row.dice.mean).toBe(1);
  });
});
