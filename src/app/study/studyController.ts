import type { Expert, Study } from '../../core/eval/study-format';
import type { AppStore } from '../store/appStore';
import { type AnnotationDb, StoredDataError } from './annotationDb';

/**
 * The steps of study mode that touch both the store and IndexedDB: open a study, choose the expert (resuming their
 * stored work), restore the last session after a reload. Stored data that does not parse is reported with its raw
 * text and left untouched.
 */
export async function openStudy(store: AppStore, db: AnnotationDb, study: Study): Promise<void> {
  store.getState().studyOpened(study);
  await db.saveStudy(study);
  await db.saveSession(study.id, null);
}

function reportStored(store: AppStore, e: unknown): void {
  if (e instanceof StoredDataError) {
    store.getState().setStudyNotice({
      kind: 'error',
      message: `${e.message}. Nothing was deleted: download the stored data below.`,
      raw: e.raw,
    });
  } else {
    store.getState().setStudyNotice({
      kind: 'error',
      message: `This browser’s storage could not be read (${e instanceof Error ? e.message : String(e)}).`,
    });
  }
}

/** Starts or resumes `expert` on the open study. False (and a notice) when their stored work could not be read. */
export async function chooseExpert(store: AppStore, db: AnnotationDb, expert: Expert): Promise<boolean> {
  const study = store.getState().study;
  if (!study) return false;
  try {
    const work = await db.loadWork(study, expert.id);
    store
      .getState()
      .expertChosen(work ? { ...work.expert, name: expert.name || work.expert.name } : expert, work ?? undefined);
    await db.saveSession(study.id, expert.id);
    return true;
  } catch (e) {
    reportStored(store, e);
    return false;
  }
}

/**
 * After a reload: the study the session names (or `wanted`, e.g. the example study just fetched) and, when the
 * session's expert worked on it, their case and marks. Returns what was restored.
 */
export async function restoreSession(
  store: AppStore,
  db: AnnotationDb,
  wanted?: Study,
): Promise<'none' | 'study' | 'expert'> {
  try {
    const session = await db.loadSession();
    let study = wanted ?? null;
    if (!study && session) study = await db.loadStudy(session.studyId);
    if (!study) return 'none';
    if (wanted) await db.saveStudy(wanted);
    store.getState().studyOpened(study);
    if (!session || session.studyId !== study.id || !session.expertId) {
      await db.saveSession(study.id, null);
      return 'study';
    }
    const work = await db.loadWork(study, session.expertId);
    if (!work) return 'study';
    store.getState().expertChosen(work.expert, work);
    return 'expert';
  } catch (e) {
    reportStored(store, e);
    return store.getState().study ? 'study' : 'none';
  }
}

/** Leaves the expert's view (their work stays stored); the study stays open for another expert. */
export async function leaveExpert(store: AppStore, db: AnnotationDb): Promise<void> {
  const study = store.getState().study;
  if (study) {
    store.getState().studyOpened(study);
    await db.saveSession(study.id, null);
  }
}
