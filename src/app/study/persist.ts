import type { AppStore } from '../store/appStore';
import type { AnnotationDb } from './annotationDb';

/**
 * Every change to the expert's work is written to IndexedDB at once (no debounce): a mark made a moment before the
 * tab closes is already on its way. Each write starts its own transaction at once (IndexedDB keeps them in order,
 * see AnnotationDb.saveWork); a failed write is reported (the work is still in memory and can be exported), never
 * retried silently.
 */
export function connectStudyPersistence(
  store: AppStore,
  db: AnnotationDb,
): { stop: () => void; idle: () => Promise<void> } {
  const pending = new Set<Promise<void>>();
  const stop = store.subscribe((s, prev) => {
    const { study, expert, annotations, caseIndex } = s;
    if (!study || !expert) return;
    if (
      annotations === prev.annotations &&
      caseIndex === prev.caseIndex &&
      expert === prev.expert &&
      study === prev.study
    )
      return;
    const write = db
      .saveWork(study, expert, annotations, caseIndex)
      .catch((e: unknown) => {
        const why = e instanceof Error ? e.message : String(e);
        store.getState().setStudyNotice({
          kind: 'error',
          message: `Could not save to this browser’s storage (${why}). Your marks are still here: export them now.`,
        });
      })
      .finally(() => pending.delete(write));
    pending.add(write);
  });
  return { stop, idle: async () => void (await Promise.all([...pending])) };
}
