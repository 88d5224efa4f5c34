import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { modelInputOf } from '../../src/core/model/model-input';
import { predictWindows } from '../../src/core/model/predict';
import { FIXTURES } from '../../src/test-support/data';
import { loadModelFile } from '../lib/model-files';
import { readRecordFiles } from '../lib/record-files';
import { evaluateCommand, evaluateMarkdown } from './evaluate';

const EVAL_FIXTURES = 'src/core/eval/__fixtures__';
const A = join(EVAL_FIXTURES, 'tiny-annotations-a.json');
const B = join(EVAL_FIXTURES, 'tiny-annotations-b.json');
/** IG only, at a budget a test can afford (2 Gauss–Legendre steps, no noise tunnel). */
const cheap = { methods: 'ig', steps: 2, noiseSamples: 0, faithfulnessSteps: 4, resamples: 200 };

describe('cli evaluate', () => {
  it('the tiny study: both cases, both models, Tables 1–5; a rerun reads every Φ from the cache and prints the same tables', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'eval-cache-'));
    const out = await evaluateCommand({
      study: join(EVAL_FIXTURES, 'tiny-study.json'),
      annotations: [A, B],
      cache,
      ...cheap,
    });
    expect(out.study).toEqual({ id: 'tiny', title: 'Two bundled cases (test fixture)', example: true });
    expect(out.rows).toBe(4);
    expect(out.attributions).toEqual({ computed: 4, cached: 0 });
    expect(out.tables.map((t) => t.id)).toEqual(['table1', 'table2', 'table3', 'table4', 'table5']);
    expect(out.configs.map((c) => c.source)).toEqual([
      '12-lead',
      'cinecg-model',
      'mapped',
      '12-lead',
      'cinecg-model',
      'mapped',
      '12-lead',
      'cinecg-model',
      'mapped',
    ]);
    // pAbnormal comes from the explained logits: it equals a plain prediction of the same window.
    const { model } = await loadModelFile('models/ecg12/model.json');
    const x = modelInputOf(prepareEcg(loadRecord(readRecordFiles('public/cases/ptbxl-00285/00285_hr.hea'))), 12);
    expect(out.cases[0].pAbnormal.ecg12).toBeCloseTo(predictWindows(model, [x])[0].pAbnormal, 5);
    model.dispose();
    const f = out.cases[0].faithfulness.ig!['12-lead']!;
    expect(f.deletion).toHaveLength(5);
    expect(f.deletion[0]).toBeCloseTo(f.insertion[4], 5); // nothing removed = everything revealed
    expect(out.faithfulness.map((r) => r.source)).toEqual(['12-lead', 'cinecg-model', 'mapped']);
    const again = await evaluateCommand({
      study: join(EVAL_FIXTURES, 'tiny-study.json'),
      annotations: [A, B],
      cache,
      ...cheap,
    });
    expect(again.attributions).toEqual({ computed: 0, cached: 4 });
    expect(again.tables).toEqual(out.tables);
    expect(evaluateMarkdown(out)).toContain('| 12-Lead Signal | ig · ');
  }, 180_000);

  it('an embedded case (the same record as base64 in the study file) gives the same prediction as the bundled one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-embedded-'));
    const study = JSON.parse(readFileSync(join(EVAL_FIXTURES, 'tiny-study.json'), 'utf8'));
    study.cases[0].source = {
      kind: 'embedded',
      files: ['00285_hr.hea', '00285_hr.dat'].map((name) => ({
        name,
        base64: readFileSync(join(FIXTURES, 'ptbxl', name)).toString('base64'),
      })),
    };
    study.cases = study.cases.slice(0, 1);
    const ann = JSON.parse(readFileSync(A, 'utf8'));
    ann.cases = ann.cases.slice(0, 1);
    writeFileSync(join(dir, 'study.json'), JSON.stringify(study));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(ann));
    const out = await evaluateCommand({
      study: join(dir, 'study.json'),
      annotations: [join(dir, 'a.json')],
      ...cheap,
      faithfulnessSteps: 0,
    });
    const { model } = await loadModelFile('models/ecg12/model.json');
    const x = modelInputOf(prepareEcg(loadRecord(readRecordFiles(join(FIXTURES, 'ptbxl/00285_hr.hea')))), 12);
    expect(out.cases[0].pAbnormal.ecg12).toBeCloseTo(predictWindows(model, [x])[0].pAbnormal, 5);
    model.dispose();
    expect(out.faithfulness).toEqual([]);
  }, 120_000);

  it("--randomisation: a seeded re-initialised model per source model; its IG map is not the trained one's", async () => {
    const out = await evaluateCommand({
      study: join(EVAL_FIXTURES, 'tiny-study.json'),
      annotations: [A],
      ...cheap,
      faithfulnessSteps: 0,
      randomisation: true,
    });
    expect(out.sanity.map((s) => [s.caseId, s.method, s.model])).toEqual([
      ['c1', 'ig', 'ecg12'],
      ['c1', 'ig', 'cine3'],
      ['c2', 'ig', 'ecg12'],
      ['c2', 'ig', 'cine3'],
    ]);
    for (const s of out.sanity) expect(Math.abs(s.spearman!)).toBeLessThan(0.9);
    expect(out.attributions.computed).toBe(8); // 2 cases × 2 models × (trained + randomised)
    const again = await evaluateCommand({
      study: join(EVAL_FIXTURES, 'tiny-study.json'),
      annotations: [A],
      ...cheap,
      faithfulnessSteps: 0,
      randomisation: true,
    });
    expect(again.sanity).toEqual(out.sanity); // seeded
    expect(evaluateMarkdown(out)).toContain('**Model-randomisation check');
  }, 120_000);

  it('bad input names the problem before any model work', async () => {
    const study = join(EVAL_FIXTURES, 'tiny-study.json');
    await expect(evaluateCommand({ study, annotations: [A], methods: 'ig,shapley' })).rejects.toThrow(
      'unknown method "shapley"',
    );
    await expect(evaluateCommand({ study: 'nope.json', annotations: [A] })).rejects.toThrow(
      'cannot read the study nope.json',
    );
    await expect(evaluateCommand({ study, annotations: [] })).rejects.toThrow('at least one --annotations');
    await expect(evaluateCommand({ study, annotations: [A], steps: Number('x') })).rejects.toThrow(
      '--steps must be a number ≥ 1, got NaN',
    );
    const dir = mkdtempSync(join(tmpdir(), 'eval-bad-'));
    const other = JSON.parse(readFileSync(A, 'utf8'));
    other.cases[0].caseId = 'c7';
    writeFileSync(join(dir, 'a.json'), JSON.stringify(other));
    await expect(evaluateCommand({ study, annotations: [join(dir, 'a.json')] })).rejects.toThrow(
      `${join(dir, 'a.json')}: cases[0].caseId: case "c7" is not in study "tiny"`,
    );
    // A registry without a model that reads the CineECG signal: refused by name, before any model is loaded.
    const models = mkdtempSync(join(tmpdir(), 'eval-registry-'));
    mkdirSync(join(models, 'ecg12'));
    writeFileSync(join(models, 'index.json'), JSON.stringify({ app: ['ecg12'] }));
    copyFileSync('models/ecg12/meta.json', join(models, 'ecg12', 'meta.json'));
    await expect(evaluateCommand({ study, annotations: [A], modelsDir: models })).rejects.toThrow(
      'models/index.json: the evaluation needs a model that reads the CineECG signal (input.kind "cinecg" in its meta.json); the registered models are ecg12 (12-lead)',
    );
    // Through the CLI once: {"error"} on stdout, exit 1.
    const r = spawnSync(
      'npx',
      ['tsx', 'scripts/cli.ts', 'evaluate', '--study', study, '--annotations', join(dir, 'a.json')],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'unknown-case', field: 'cases[0].caseId' } });
  }, 60_000);
});
