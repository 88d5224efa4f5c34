import { describe, expect, it } from 'vitest';
import { testStudy } from '../study/testing/studyFixture';
import { createAppStore } from './appStore';
import { selectAnnotationFile, selectOpenCase, selectProgress } from './studySlice';

function ready() {
  const store = createAppStore();
  store.getState().studyOpened(testStudy());
  store.getState().expertChosen({ id: 'e1', name: 'Dr One' });
  return store;
}

describe('study slice', () => {
  it('stores a mark on the open case through the protocol (a short drag in the QRS region becomes 25 ms)', () => {
    const store = ready();
    const seg = store.getState().addMark({ modality: '12-lead', lead: 'V2', startMs: 40, endMs: 50 });
    expect(seg).toMatchObject({ modality: '12-lead', lead: 'V2', startMs: 32.5, endMs: 57.5 });
    expect(selectOpenCase(store.getState())?.segments).toEqual([seg]);
    expect(store.getState().selectedMarkId).toBe(seg?.id);
  });

  it('turns a click on the trajectory into ±10 ms and keeps the point flag', () => {
    const store = ready();
    const seg = store
      .getState()
      .addMark({ modality: 'cinecg', lead: 'trajectory', startMs: 200, endMs: 200, point: true });
    expect(seg).toMatchObject({ startMs: 190, endMs: 210, point: true });
  });

  it('refuses marks until an expert is chosen', () => {
    const store = createAppStore();
    store.getState().studyOpened(testStudy());
    expect(store.getState().addMark({ modality: '12-lead', lead: 'I', startMs: 0, endMs: 100 })).toBeNull();
    expect(store.getState().annotations).toEqual({});
  });

  it('keeps marks per case and moves between cases within bounds', () => {
    const store = ready();
    store.getState().addMark({ modality: '12-lead', lead: 'I', startMs: 0, endMs: 100 });
    store.getState().goToCase(2);
    store.getState().addMark({ modality: '12-lead', lead: 'II', startMs: 200, endMs: 300 });
    store.getState().goToCase(99);
    expect(store.getState().caseIndex).toBe(2);
    expect(Object.keys(store.getState().annotations).sort()).toEqual(['case-01', 'case-03']);
    expect(selectProgress(store.getState())).toEqual({ done: 0, started: 2, total: 3 });
  });

  it('counts a case as finished when both modalities are done, with or without marks', () => {
    const store = ready();
    store.getState().addMark({ modality: '12-lead', lead: 'I', startMs: 0, endMs: 100 });
    store.getState().modalityDone('12-lead');
    expect(selectProgress(store.getState())).toEqual({ done: 0, started: 1, total: 3 });
    store.getState().modalityDone('cinecg');
    expect(selectProgress(store.getState())).toEqual({ done: 1, started: 0, total: 3 });
    store.getState().goToCase(1); // nothing salient: both modalities done without a mark
    store.getState().modalityDone('12-lead');
    store.getState().modalityDone('cinecg');
    expect(selectProgress(store.getState())).toEqual({ done: 2, started: 0, total: 3 });
  });

  it('deletes a mark, and undo/redo walk back and forth through every change', () => {
    const store = ready();
    const a = store.getState().addMark({ modality: '12-lead', lead: 'I', startMs: 0, endMs: 100 })!;
    const b = store.getState().addMark({ modality: '12-lead', lead: 'aVL', startMs: 20, endMs: 80 })!;
    store.getState().deleteMark(a.id);
    const ids = () => selectOpenCase(store.getState())!.segments.map((s) => s.id);
    expect(ids()).toEqual([b.id]);
    store.getState().undo();
    expect(ids()).toEqual([a.id, b.id]);
    store.getState().undo();
    expect(ids()).toEqual([a.id]);
    store.getState().redo();
    store.getState().redo();
    expect(ids()).toEqual([b.id]);
    store.getState().redo(); // nothing left: no change
    expect(ids()).toEqual([b.id]);
  });

  it('a new change after undo drops the redo stack', () => {
    const store = ready();
    store.getState().addMark({ modality: '12-lead', lead: 'I', startMs: 0, endMs: 100 });
    store.getState().undo();
    store.getState().addMark({ modality: '12-lead', lead: 'II', startMs: 0, endMs: 100 });
    expect(store.getState().redoStack).toEqual([]);
  });

  it('typing in one field is one undo step; another field starts a new one', () => {
    const store = ready();
    for (const t of ['L', 'LA', 'LAF', 'LAFB']) store.getState().setCaseText('diagnosis', t);
    store.getState().setCaseText('comments', 'qR in aVL');
    expect(store.getState().undoStack).toHaveLength(2);
    store.getState().undo();
    expect(selectOpenCase(store.getState())).toMatchObject({ diagnosis: 'LAFB', comments: '' });
    store.getState().undo();
    expect(selectOpenCase(store.getState())).toMatchObject({ diagnosis: '', comments: '' });
  });

  it('records the order in which the modalities were done, once each', () => {
    const store = ready();
    store.getState().modalityDone('12-lead');
    store.getState().modalityDone('cinecg');
    store.getState().modalityDone('12-lead');
    expect(selectOpenCase(store.getState())?.modalitiesDone).toEqual(['12-lead', 'cinecg']);
  });

  it('exports the work as an annotation file in study order', () => {
    const store = ready();
    store.getState().goToCase(1);
    store.getState().addMark({ modality: '12-lead', lead: 'I', startMs: 0, endMs: 100 });
    store.getState().goToCase(0);
    store.getState().setCaseText('comments', 'x');
    const file = selectAnnotationFile(store.getState())!;
    expect(file).toMatchObject({
      format: 'cineecg-annotations',
      version: 1,
      studyId: 'study-test',
      expert: { id: 'e1', name: 'Dr One' },
    });
    expect(file.cases.map((c) => c.caseId)).toEqual(['case-01', 'case-02']);
  });

  it('an import replaces the work and can be undone for the same expert', () => {
    const store = ready();
    const a = store.getState().addMark({ modality: '12-lead', lead: 'I', startMs: 0, endMs: 100 })!;
    const file = selectAnnotationFile(store.getState())!;
    store.getState().deleteMark(a.id);
    store.getState().annotationsImported(file);
    expect(selectOpenCase(store.getState())?.segments.map((s) => s.id)).toEqual([a.id]);
    store.getState().undo();
    expect(selectOpenCase(store.getState())?.segments).toEqual([]);
  });
});
