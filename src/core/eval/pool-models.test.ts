import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAppModels } from '../registry/app-models';
import { poolModelIds, poolModelsOf } from './pool-models';

const onDisk = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

/** A registry read from a table of files: the shipped metas under the ids and order given. */
function registry(ids: string[], metaOf: Record<string, string>) {
  const table: Record<string, unknown> = { 'models/index.json': { app: ids } };
  for (const id of ids) table[`models/${id}/meta.json`] = { ...(onDisk(metaOf[id]) as object), id };
  return readAppModels((p) => Promise.resolve(table[p]));
}

describe('the models an evaluation explains', () => {
  it('the shipped registry: its primary model for the 12-lead sources, its CineECG model for the trajectory', async () => {
    const models = await readAppModels((p) => Promise.resolve(onDisk(p)));
    const pool = poolModelsOf(models);
    expect(pool['12-lead']).toBe(models.primary);
    expect(pool.cinecg.input.kind).toBe('cinecg');
    expect(pool.cinecg.input.channels).toHaveLength(3);
    expect(poolModelIds(pool)).toEqual({ '12-lead': models.primary.id, cinecg: pool.cinecg.id });
  });

  it('a third model: the CineECG model is found by kind, wherever the index lists it, under whatever id', async () => {
    const models = await registry(['twelve', 'another-12', 'traj'], {
      twelve: 'models/ecg12/meta.json',
      'another-12': 'models/ecg12/meta.json',
      traj: 'models/cine3/meta.json',
    });
    expect(poolModelIds(poolModelsOf(models))).toEqual({ '12-lead': 'twelve', cinecg: 'traj' });
  });

  it('a registry without a CineECG model is refused with a message naming the registry and what it holds', async () => {
    const models = await registry(['twelve'], { twelve: 'models/ecg12/meta.json' });
    expect(() => poolModelsOf(models)).toThrow(
      'models/index.json: the evaluation needs a model that reads the CineECG signal (input.kind "cinecg" in its meta.json); the registered models are twelve (12-lead)',
    );
  });
});
