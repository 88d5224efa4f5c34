import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { CodedError } from '../../core/errors';
import type { AnnotationFile, Expert, Study } from '../../core/eval/study-format';
import type { CaseAnnotations } from '../store/studySlice';
import { parseAnnotations, parseStudy } from './studyFiles';

/**
 * The expert's work in IndexedDB (via `idb`), so nothing is lost on reload, a closed tab or offline.
 * Keyed by study id + expert id. Records are validated when read back; a record that does not parse is reported
 * with its raw data and left where it is (never overwritten by a read).
 */
export const DB_NAME = 'cineecg-study';
const DB_VERSION = 1;

interface WorkRecord {
  key: string;
  studyId: string;
  expertId: string;
  caseIndex: number;
  /** The annotation file as exported, so reading back is the same validation as an import. */
  file: AnnotationFile;
  savedAt: string;
}

interface StudyDb extends DBSchema {
  studies: { key: string; value: { id: string; study: Study; savedAt: string } };
  work: { key: string; value: WorkRecord; indexes: { byStudy: string } };
  session: { key: 'current'; value: { studyId: string; expertId: string | null } };
}

export const workKey = (studyId: string, expertId: string): string => JSON.stringify([studyId, expertId]);

/** What the browser stored cannot be read back; `raw` keeps it so the expert can save it before it is replaced. */
export class StoredDataError extends CodedError<'bad-stored-data'> {
  constructor(
    message: string,
    readonly raw: string,
  ) {
    super('bad-stored-data', message);
    this.name = 'StoredDataError';
  }
}

/** One connection, opened on first use (tests install fake-indexeddb as the global `indexedDB` first). */
export class AnnotationDb {
  private db: Promise<IDBPDatabase<StudyDb>> | null = null;
  /** The open connection, once there is one: writes then start synchronously, inside the event that caused them. */
  private handle: IDBPDatabase<StudyDb> | null = null;

  private open(): Promise<IDBPDatabase<StudyDb>> {
    this.db ??= openDB<StudyDb>(DB_NAME, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('studies', { keyPath: 'id' });
        db.createObjectStore('work', { keyPath: 'key' }).createIndex('byStudy', 'studyId');
        db.createObjectStore('session');
      },
    }).then(
      (db) => (this.handle = db),
      async (e: unknown) => {
        this.db = null;
        // A database from a newer app (a higher schema version) cannot be opened by this one: say so, offer all of
        // it as JSON, and change nothing (an upgrade or delete here would lose the newer app's data).
        if (e instanceof DOMException && e.name === 'VersionError') {
          throw new StoredDataError(
            `The study data in this browser has a newer format than this app reads (${e.message})`,
            await dumpDatabase(DB_NAME),
          );
        }
        throw e;
      },
    );
    return this.db;
  }

  async saveStudy(study: Study): Promise<void> {
    await (await this.open()).put('studies', { id: study.id, study, savedAt: new Date().toISOString() });
  }

  /** The stored study, or null; a stored study that no longer parses throws StoredDataError with its raw JSON. */
  async loadStudy(id: string): Promise<Study | null> {
    const rec = await (await this.open()).get('studies', id);
    if (!rec) return null;
    try {
      return parseStudy(rec.study, 'Stored study');
    } catch (e) {
      throw new StoredDataError(e instanceof Error ? e.message : String(e), JSON.stringify(rec.study, null, 2));
    }
  }

  /**
   * Writes the expert's work. Not queued behind earlier writes: IndexedDB runs read-write transactions on one store
   * in the order they were created, so each change starts its transaction at once (a tab closed right after a mark
   * has already handed it to the browser) and commits it explicitly.
   */
  saveWork(study: Study, expert: Expert, annotations: CaseAnnotations, caseIndex: number): Promise<void> {
    const file: AnnotationFile = {
      format: 'cineecg-annotations',
      version: 1,
      studyId: study.id,
      expert,
      cases: study.cases.map((c) => annotations[c.id]).filter((c) => !!c),
    };
    const rec: WorkRecord = {
      key: workKey(study.id, expert.id),
      studyId: study.id,
      expertId: expert.id,
      caseIndex,
      file,
      savedAt: new Date().toISOString(),
    };
    const write = (db: IDBPDatabase<StudyDb>): Promise<void> => {
      const tx = db.transaction('work', 'readwrite');
      void tx.store.put(rec);
      tx.commit();
      return tx.done;
    };
    return this.handle ? write(this.handle) : this.open().then(write);
  }

  /** The expert's stored work on this study, or null; unreadable data throws StoredDataError (and stays stored). */
  async loadWork(
    study: Study,
    expertId: string,
  ): Promise<{ expert: Expert; annotations: CaseAnnotations; caseIndex: number } | null> {
    const rec = await (await this.open()).get('work', workKey(study.id, expertId));
    if (!rec) return null;
    try {
      const file = parseAnnotations(rec.file, study, 'Stored annotations');
      const caseIndex = Number.isInteger(rec.caseIndex) ? rec.caseIndex : 0;
      return { expert: file.expert, annotations: Object.fromEntries(file.cases.map((c) => [c.caseId, c])), caseIndex };
    } catch (e) {
      throw new StoredDataError(e instanceof Error ? e.message : String(e), JSON.stringify(rec, null, 2));
    }
  }

  /** Experts with stored work on a study (to offer "continue as …"). */
  async expertsOf(studyId: string): Promise<Expert[]> {
    const recs = await (await this.open()).getAllFromIndex('work', 'byStudy', studyId);
    return recs.map((r) => r.file?.expert).filter((e): e is Expert => !!e && typeof e.id === 'string');
  }

  async saveSession(studyId: string, expertId: string | null): Promise<void> {
    await (await this.open()).put('session', { studyId, expertId }, 'current');
  }

  async loadSession(): Promise<{ studyId: string; expertId: string | null } | null> {
    return (await (await this.open()).get('session', 'current')) ?? null;
  }

  async clearSession(): Promise<void> {
    await (await this.open()).delete('session', 'current');
  }

  close(): void {
    void this.db?.then((d) => d.close());
    this.db = null;
    this.handle = null;
  }
}

/** Every object store of database `name` at whatever version it has, as JSON (for the "download the stored data" offer). */
export async function dumpDatabase(name: string): Promise<string> {
  const db = await openDB(name); // no version: opens as it is, never upgrades
  try {
    const out: Record<string, unknown> = { database: name, version: db.version };
    for (const store of db.objectStoreNames) {
      const tx = db.transaction(store, 'readonly');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      out[store] = keys.map((key, i) => ({ key, value: values[i] }));
    }
    return JSON.stringify(out, null, 2);
  } finally {
    db.close();
  }
}
