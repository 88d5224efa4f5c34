import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore';
import { selectCaseEntry, selectCaseLabel } from '../store/caseSlice';
import { syntheticPreparedEcg } from '../testing/syntheticEcg';
import type { Fetch } from './fetchCase';
import { loadCase } from './loadCase';
import { openCase } from './openCase';
import { openLocalFiles } from './openLocalFiles';
import { fakeFile, fixtureFile } from './testing/localFiles';

const manifestText = readFileSync(new URL('../../../public/cases/manifest.json', import.meta.url), 'utf8');
const serve: Fetch = async (url) =>
  url === 'cases/manifest.json'
    ? new Response(manifestText, { status: 200 })
    : new Response(new Uint8Array([1, 2, 3]), { status: 200 });

describe('openLocalFiles', () => {
  it('runs the real files through the core pipeline into the store, with no manifest entry', async () => {
    const store = createAppStore();
    await openLocalFiles(store, [fixtureFile('ptbxl/00285_hr.hea'), fixtureFile('ptbxl/00285_hr.dat')], { openCase });
    const s = store.getState();
    expect(s.caseStatus).toBe('ready');
    expect(s.localFiles).toEqual(['00285_hr.hea', '00285_hr.dat']);
    expect(s.caseId).toBeNull();
    expect(selectCaseEntry(s)).toBeNull();
    expect(selectCaseLabel(s)).toBe('00285_hr.hea, 00285_hr.dat');
    expect(s.prepared?.record.nSamples).toBe(5000);
    expect(s.prepared?.window.length).toBe(200 * 12);
  });

  it('stores the core error naming the file (a .hea whose .dat is cut short); the open case stays intact', async () => {
    const store = createAppStore();
    const before = syntheticPreparedEcg({ rrMs: 800 });
    const request = store.getState().caseLoadStarted('ptbxl-00262');
    store.getState().caseLoaded(request, before);
    const dat = new Uint8Array(
      readFileSync(new URL('../../core/ecg/__fixtures__/ptbxl/00285_hr.dat', import.meta.url)),
    );
    await openLocalFiles(store, [fixtureFile('ptbxl/00285_hr.hea'), fakeFile('00285_hr.dat', dat.slice(0, 50_000))], {
      openCase,
    });
    const s = store.getState();
    expect(s.fileError?.file).toBe('00285_hr.dat');
    expect(s.fileError?.code).toBe('truncated-data');
    expect(s.openingFiles).toBeNull();
    // Deliberately changed (issue 15): a refused file no longer replaces the open case.
    expect(s.caseStatus).toBe('ready');
    expect(s.prepared).toBe(before);
    expect(s.caseRequest).toBe(request); // the prediction keyed on it stays valid
    expect(s.caseId).toBe('ptbxl-00262');
    expect(s.localFiles).toBeNull();
    expect(s.caseError).toBeNull();
  });

  it('a demo case asked for while files are being read supersedes them: they are neither opened nor reported', async () => {
    const store = createAppStore();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slowFile = {
      name: 'slow.csv',
      size: 4,
      arrayBuffer: async () => (await gate, new Uint8Array([1, 2, 3, 4]).buffer),
    };
    const local = syntheticPreparedEcg({ rrMs: 700 });
    const opening = openLocalFiles(store, [slowFile], { openCase: () => local });
    expect(store.getState().openingFiles).toEqual(['slow.csv']);
    const demo = syntheticPreparedEcg({ rrMs: 900 });
    await loadCase(store, 'ptbxl-00262', { fetch: serve, openCase: () => demo });
    release();
    await opening;
    const s = store.getState();
    expect(s.prepared).toBe(demo);
    expect(s.fileError).toBeNull();
    expect(s.openingFiles).toBeNull();
  });

  it('a demo case opened afterwards replaces the local one; a demo load started earlier does not', async () => {
    const store = createAppStore();
    const demo = syntheticPreparedEcg({ rrMs: 900 });
    const local = syntheticPreparedEcg({ rrMs: 700 });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slowFetch: Fetch = async (url) => {
      await gate;
      return serve(url);
    };
    const earlierDemo = loadCase(store, 'ptbxl-00338', { fetch: slowFetch, openCase: () => demo });
    await openLocalFiles(store, [fakeFile('mine.csv', new Uint8Array([1]))], { openCase: () => local });
    release();
    await earlierDemo;
    expect(store.getState().prepared).toBe(local);
    expect(store.getState().localFiles).toEqual(['mine.csv']);

    await loadCase(store, 'ptbxl-00262', { fetch: serve, openCase: () => demo });
    const s = store.getState();
    expect(s.prepared).toBe(demo);
    expect(s.localFiles).toBeNull();
    expect(selectCaseEntry(s)?.title).toBe('Normal ECG');
  });
});
