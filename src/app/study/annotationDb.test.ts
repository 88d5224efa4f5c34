import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore';
import { selectOpenCase } from '../store/studySlice';
import { AnnotationDb, DB_NAME, workKey } from './annotationDb';
import { connectStudyPersistence } from './persist';
import { chooseExpert, openStudy, restoreSession } from './studyController';
import { testStudy } from './testing/studyFixture';

beforeEach(() => {
  // A fresh, empty IndexedDB per test (fake-indexeddb implements the browser API in memory).
  (globalThis as { indexedDB: IDBFactory }).indexedDB = new IDBFactory();
});

/** An app session: its own store and connection, as after a page load. */
function session() {
  const store = createAppStore();
  const db = new AnnotationDb();
  const persist = connectStudyPersistence(store, db);
  return { store, db, persist };
}

describe('study work in IndexedDB', () => {
  it('writes every change at once and a new session finds the same case and every mark', async () => {
    const a = session();
    await openStudy(a.store, a.db, testStudy());
    await chooseExpert(a.store, a.db, { id: 'e1', name: 'Dr One' });
    a.store.getState().addMark({ modality: '12-lead', lead: 'V1', startMs: 10, endMs: 60 });
    a.store.getState().goToCase(1);
    a.store.getState().addMark({ modality: 'cinecg', lead: 'trajectory', startMs: 250, endMs: 250, point: true });
    a.store.getState().setCaseText('diagnosis', 'normal');
    await a.persist.idle();
    const before = a.store.getState().annotations;
    a.db.close();

    const b = session();
    expect(await restoreSession(b.store, b.db)).toBe('expert');
    expect(b.store.getState().study?.id).toBe('study-test');
    expect(b.store.getState().expert).toEqual({ id: 'e1', name: 'Dr One' });
    expect(b.store.getState().caseIndex).toBe(1);
    expect(b.store.getState().annotations).toEqual(before);
    expect(selectOpenCase(b.store.getState())?.segments[0]).toMatchObject({ startMs: 240, endMs: 260, point: true });
  });

  it('keeps two experts on one study apart', async () => {
    const a = session();
    await openStudy(a.store, a.db, testStudy());
    await chooseExpert(a.store, a.db, { id: 'e1', name: 'One' });
    a.store.getState().addMark({ modality: '12-lead', lead: 'I', startMs: 0, endMs: 100 });
    await a.persist.idle();
    await openStudy(a.store, a.db, testStudy());
    await chooseExpert(a.store, a.db, { id: 'e2', name: 'Two' });
    expect(a.store.getState().annotations).toEqual({});
    a.store.getState().addMark({ modality: '12-lead', lead: 'II', startMs: 0, endMs: 100 });
    await a.persist.idle();
    expect((await a.db.expertsOf('study-test')).map((e) => e.id).sort()).toEqual(['e1', 'e2']);
    await openStudy(a.store, a.db, testStudy());
    await chooseExpert(a.store, a.db, { id: 'e1', name: 'One' });
    expect(selectOpenCase(a.store.getState())?.segments.map((s) => s.lead)).toEqual(['I']);
  });

  it('reports stored annotations it cannot read, offers the raw data, and does not wipe them', async () => {
    const a = session();
    await openStudy(a.store, a.db, testStudy());
    await chooseExpert(a.store, a.db, { id: 'e1', name: 'One' });
    a.store.getState().addMark({ modality: '12-lead', lead: 'I', startMs: 0, endMs: 100 });
    await a.persist.idle();
    a.db.close();
    // Damage the stored record behind the app's back: a segment with an unknown lead.
    const raw = await openDB(DB_NAME);
    const rec = await raw.get('work', workKey('study-test', 'e1'));
    rec.file.cases[0].segments[0].lead = 'V9';
    await raw.put('work', rec);
    raw.close();

    const b = session();
    expect(await restoreSession(b.store, b.db)).toBe('study');
    const notice = b.store.getState().studyNotice;
    expect(notice?.message).toMatch(/^Stored annotations: cases\[0\]\.segments\[0\]\.lead: expected one of "I", "II"/);
    expect(notice?.raw).toContain('"V9"');
    expect(b.store.getState().expert).toBeNull();
    b.db.close();
    const again = await openDB(DB_NAME);
    expect((await again.get('work', workKey('study-test', 'e1'))).file.cases[0].segments[0].lead).toBe('V9');
    again.close();
  });

  it('a fresh browser has nothing to restore', async () => {
    const a = session();
    expect(await restoreSession(a.store, a.db)).toBe('none');
    expect(a.store.getState().study).toBeNull();
  });
});
