import type { AppStore } from '../store/appStore';
import type { AnnotationDb } from './annotationDb';

/**
 * Every change to the expert's work is written to IndexedDB at once (no debounce): a mark made a moment before the
 * tab closes is already on its way. Writes are chained so they land in the order they were made; a failed write is
 * reported (the work is still in memory and can be exported), never retried silently.
 */
export function connectStudyPersistence(store: AppStore, db: AnnotationDb): { stop: () => void; idle: () => Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  const stop = store.subscribe((s, prev) => {
    const { study, expert, annotations, caseIndex } = s;
    if (!study || !expert) return;
    if (annotations === prev.annotations && caseIndex === prev.caseIndex && expert === prev.expert && study === prev.study) return;
    queue = queue
      .then(() => db.saveWork(study, expert, annotations, caseIndex))
      .catch((e: unknown) => {
        const why = e instanceof Error ? e.message : String(e);
        store.getState().setStudyNotice({ kind: 'error', message: `Could not save to this browser’s storage (${why}). Your marks are still here: export them now.` });
      });
  });
  return { stop, idle: () => queue };
}
