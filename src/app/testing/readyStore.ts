import type { BackendName } from '../../worker/protocol';
import { createAppStore } from '../store/appStore';
import { testAppModels } from './appModels';
import { syntheticPreparedEcg } from './syntheticEcg';

/** The model info a loaded 12-lead model reports, for tests that fake the worker. */
export const READY_MODEL = {
  timeSteps: 200,
  channels: 12,
  classNames: ['normal', 'abnormal'],
  params: 1,
  tfjsVersion: '4.22.0',
};

/** A store with the test registry, a synthetic case open and the 12-lead model loaded on `backend`: ready to explain. */
export function readyStore(backend: BackendName = 'cpu') {
  const store = createAppStore();
  store.getState().registryLoaded(testAppModels());
  const request = store.getState().caseLoadStarted(null);
  store.getState().caseLoaded(request, syntheticPreparedEcg());
  store.getState().modelLoaded({
    backend,
    backendMs: 1,
    loadMs: 1,
    warmUpMs: 1,
    skipped: [],
    choice: 'requested',
    timings: [],
    model: READY_MODEL,
  });
  return store;
}
