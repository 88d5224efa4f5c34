import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore';
import { AnnotationDb, DB_NAME, workKey } from './annotationDb';
import { chooseExpert, openStudy, restoreSession } from './studyController';
import { testStudy } from './testing/studyFixture';

beforeEach(() => {
  (globalThis as { indexedDB: IDBFactory }).indexedDB = new IDBFactory();
});

describe('a corrupt study store is reported, offered for download, and never wiped', () => {
  it('a database of a newer schema version: reported with all of its data as JSON; version and data unchanged', async () => {
    const newer = await openDB(DB_NAME, 7, {
      upgrade(db) {
        db.createObjectStore('session').put({ studyId: 's', expertId: 'e' }, 'current');
        db.createObjectStore('marks-v7').put({ lead: 'V1', startMs: 1, endMs: 2 }, 'm1');
      },
    });
    newer.close();
    const store = createAppStore();
    const db = new AnnotationDb();
    expect(await restoreSession(store, db)).toBe('none');
    const notice = store.getState().studyNotice!;
    expect(notice.kind).toBe('error');
    expect(notice.message).toMatch(
      /^The study data in this browser has a newer format than this app reads \(.+\)\. Nothing was deleted: download the stored data below\.$/,
    );
    const raw = JSON.parse(notice.raw!);
    expect(raw).toMatchObject({
      database: DB_NAME,
      version: 7,
      'marks-v7': [{ key: 'm1', value: { lead: 'V1', startMs: 1, endMs: 2 } }],
    });
    db.close();
    const after = await openDB(DB_NAME);
    expect(after.version).toBe(7);
    expect(await after.get('marks-v7', 'm1')).toEqual({ lead: 'V1', startMs: 1, endMs: 2 });
    after.close();
  });

  it('an unparsable work record (not even an object): the expert is refused, the record stays byte for byte', async () => {
    const a = { store: createAppStore(), db: new AnnotationDb() };
    await openStudy(a.store, a.db, testStudy());
    a.db.close();
    const raw = await openDB(DB_NAME);
    const garbage = {
      key: workKey('study-test', 'e1'),
      studyId: 'study-test',
      expertId: 'e1',
      caseIndex: 'x',
      file: '{"format":"cineecg-annot',
    };
    await raw.put('work', garbage);
    await raw.put('session', { studyId: 'study-test', expertId: 'e1' }, 'current');
    raw.close();

    const b = { store: createAppStore(), db: new AnnotationDb() };
    expect(await restoreSession(b.store, b.db)).toBe('study');
    expect(b.store.getState().studyNotice?.message).toMatch(
      /^Stored annotations: .+Nothing was deleted: download the stored data below\.$/,
    );
    expect(JSON.parse(b.store.getState().studyNotice!.raw!)).toEqual(garbage);
    // Choosing the same expert again is refused too, so nothing overwrites the record.
    expect(await chooseExpert(b.store, b.db, { id: 'e1', name: 'One' })).toBe(false);
    expect(b.store.getState().expert).toBeNull();
    b.db.close();
    const again = await openDB(DB_NAME);
    expect(await again.get('work', workKey('study-test', 'e1'))).toEqual(garbage);
    again.close();
  });
});
