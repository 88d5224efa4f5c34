import type { AppModels } from '../../core/registry/app-models';
import type { ModelInputKind, ModelMeta } from '../../core/registry/model-meta';

const LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];

/** A registry entry for tests that fake the worker (no files: nothing is fetched). */
export function testMeta(id: string, kind: ModelInputKind, shortTitle = id): ModelMeta {
  return {
    id,
    title: `${shortTitle} test model`,
    shortTitle,
    input: { kind, channels: kind === '12-lead' ? LEADS : ['x', 'y', 'z'], timeSteps: 200, fsHz: 500 },
    classNames: ['normal', 'abnormal'],
    metrics: null,
    files: [{ name: 'model.json', bytes: 0, sha256: '0'.repeat(64) }],
  };
}

/** The shipped shape: a primary 12-lead model and a CineECG companion (plus any extra companions asked for). */
export function testAppModels(...extra: ModelMeta[]): AppModels {
  const primary = testMeta('ecg12', '12-lead', '12-lead');
  const companions = [testMeta('cine3', 'cinecg', 'CineECG'), ...extra];
  return { primary, companions, all: [primary, ...companions] };
}
