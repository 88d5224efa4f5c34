import type { ExplainController } from '../explain/connectExplain';
import type { AppStore } from '../store/appStore';
import { selectExplainSource, selectExplanation } from '../store/explainSlice';

/**
 * Runs the chosen method once the case and the model are ready, unless the open case already has (or is computing)
 * that explanation. Used by the tour's explanation steps and by links that say `explained=1`. Returns a cancel.
 */
export function explainWhenReady(store: AppStore, controller: () => ExplainController | null): () => void {
  let done = false;
  const tryRun = () => {
    if (done) return;
    const s = store.getState();
    if (selectExplanation(s) || s.explainJob) return void (done = true);
    if (s.caseStatus !== 'ready' || s.inferenceStatus !== 'ready' || !s.prepared) return;
    // A link may ask for a companion model, which loads after the primary one.
    if (s.models[selectExplainSource(s) ?? '']?.status !== 'ready') return;
    const c = controller();
    if (!c) return;
    done = true;
    c.run();
  };
  const unsub = store.subscribe(tryRun);
  tryRun();
  return () => {
    done = true;
    unsub();
  };
}
