import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelById, modelFilePath, modelOfKind, readAppModels } from './app-models';
import { checkAppModels, parseModelIndex, parseModelMeta } from './model-meta';

const shipped = (id: string) =>
  parseModelMeta(JSON.parse(readFileSync(`models/${id}/meta.json`, 'utf8')), `models/${id}/meta.json`);

describe('model registry metadata', () => {
  it('the shipped models are described by data: kind, channels, window, digests of every loaded file', () => {
    const index = parseModelIndex(JSON.parse(readFileSync('models/index.json', 'utf8')));
    const { primary, companions } = checkAppModels(index, index.app.map(shipped));
    expect(primary.input).toMatchObject({
      kind: '12-lead',
      channels: ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'],
      timeSteps: 200,
      fsHz: 500,
    });
    expect(companions.map((m) => m.input.kind)).toEqual(['cinecg']);
    for (const m of [primary, ...companions]) {
      expect(m.files.map((f) => f.name)).toEqual(
        expect.arrayContaining(['model.json', 'weights.1of1.bin', 'reference-normals.bin']),
      );
    }
  });

  it('refuses bad entries with the field named', () => {
    const good = JSON.parse(readFileSync('models/ecg12/meta.json', 'utf8'));
    expect(() => parseModelMeta({ ...good, input: { ...good.input, kind: 'vcg' } }, 'm.json')).toThrow(
      /m\.json: "input\.kind" must be one of 12-lead, cinecg, got "vcg"/,
    );
    expect(() => parseModelMeta({ ...good, files: [{ name: '../x.bin', bytes: 1, sha256: 'a'.repeat(64) }] })).toThrow(
      /"files\[0\]\.name" must be a plain file name/,
    );
    expect(() => parseModelMeta({ ...good, files: [{ ...good.files[0], sha256: 'XYZ' }] })).toThrow(
      /"files\[0\]\.sha256" must be 64 lower-case hex digits/,
    );
    expect(() => parseModelMeta({ ...good, id: 'Ecg 12' })).toThrow(/"id" must be a folder name/);
    expect(() => parseModelIndex({ app: ['ecg12', 'ecg12'] })).toThrow(/names a model twice/);
    expect(() => checkAppModels({ app: ['cine3'] }, [shipped('cine3')])).toThrow(
      /first model \(cine3\) must read the 12-lead window/,
    );
    expect(() => checkAppModels({ app: ['ecg12'] }, [shipped('cine3')])).toThrow(
      /says id "cine3"; it must match its folder "ecg12"/,
    );
  });
});

describe('the app model set', () => {
  const fromDisk = (path: string) => Promise.resolve(JSON.parse(readFileSync(path, 'utf8')) as unknown);

  it('reads the shipped registry: the primary 12-lead model first, the companions by index order', async () => {
    const models = await readAppModels(fromDisk);
    const index = parseModelIndex(JSON.parse(readFileSync('models/index.json', 'utf8')));
    expect(models.all.map((m) => m.id)).toEqual(index.app);
    expect(models.primary.input.kind).toBe('12-lead');
    expect(modelOfKind(models, 'cinecg')?.input.channels).toHaveLength(3);
    expect(modelById(models, models.primary.id)).toBe(models.primary);
    expect(modelById(models, 'no-such-model')).toBeNull();
    expect(modelFilePath('x', 'meta.json')).toBe('models/x/meta.json');
  });

  it('a third model needs only its folder and a line in models/index.json', async () => {
    const extra = { ...JSON.parse(readFileSync('models/synth/meta.json', 'utf8')), id: 'third' };
    const table: Record<string, unknown> = {
      'models/index.json': { app: ['ecg12', 'third'] },
      'models/ecg12/meta.json': JSON.parse(readFileSync('models/ecg12/meta.json', 'utf8')),
      'models/third/meta.json': extra,
    };
    const models = await readAppModels((p) => Promise.resolve(table[p]));
    expect(models.companions.map((m) => m.id)).toEqual(['third']);
    expect(modelOfKind(models, 'cinecg')).toBeNull();
  });

  it('names the file when the registry is broken', async () => {
    await expect(readAppModels(() => Promise.resolve({ app: [] }))).rejects.toThrow(/models\/index\.json: must be/);
  });
});
