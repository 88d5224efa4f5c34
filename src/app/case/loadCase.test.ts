import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EcgError } from '../../core/errors';
import { createAppStore } from '../store/appStore';
import { syntheticPreparedEcg } from '../testing/syntheticEcg';
import type { Fetch } from './fetchCase';
import { caseIdFromUrl, loadCase } from './loadCase';

const manifestText = readFileSync(new URL('../../../public/cases/manifest.json', import.meta.url), 'utf8');

/** Serves the manifest and tiny stand-in files; `overrides` replaces responses by URL. */
function fakeFetch(overrides: Record<string, () => Promise<Response>> = {}): { fetch: Fetch; urls: string[] } {
  const urls: string[] = [];
  const fetch: Fetch = async (url) => {
    urls.push(url);
    if (overrides[url]) return overrides[url]();
    if (url === 'cases/manifest.json') return new Response(manifestText, { status: 200 });
    if (url.startsWith('cases/ptbxl-00285/')) return new Response(new Uint8Array([1, 2, 3]), { status: 200 });
    return new Response('', { status: 404 });
  };
  return { fetch, urls };
}

describe('loadCase', () => {
  it('fetches the manifest and the case files by relative URL, then stores the prepared ECG', async () => {
    const store = createAppStore();
    const prepared = syntheticPreparedEcg();
    const { fetch, urls } = fakeFetch();
    let received: string[] = [];
    await loadCase(store, null, {
      fetch,
      openCase: (files) => {
        received = [...files.keys()];
        return prepared;
      },
    });
    expect(urls).toEqual(['cases/manifest.json', 'cases/ptbxl-00285/00285_hr.hea', 'cases/ptbxl-00285/00285_hr.dat']);
    expect(received).toEqual(['00285_hr.hea', '00285_hr.dat']);
    const s = store.getState();
    expect(s.caseStatus).toBe('ready');
    expect(s.caseId).toBe('ptbxl-00285');
    expect(s.prepared).toBe(prepared);
    expect(s.caseError).toBeNull();
  });

  it('stores the core error code and file when the record is bad', async () => {
    const store = createAppStore();
    await loadCase(store, null, {
      fetch: fakeFetch().fetch,
      openCase: () => {
        throw new EcgError('bad-header', 'header says 12 signals, found 11 lines', {
          file: '00285_hr.hea',
          field: 'signals',
        });
      },
    });
    const s = store.getState();
    expect(s.caseStatus).toBe('error');
    expect(s.caseError).toMatchObject({ code: 'bad-header', file: '00285_hr.hea', field: 'signals' });
    expect(s.caseId).toBe('ptbxl-00285'); // the case is still known, so the screen can name it
  });

  it('reports HTTP failures and thrown fetches as network errors', async () => {
    const store = createAppStore();
    const notFound = fakeFetch({ 'cases/ptbxl-00285/00285_hr.dat': async () => new Response('', { status: 404 }) });
    await loadCase(store, null, { fetch: notFound.fetch, openCase: () => syntheticPreparedEcg() });
    expect(store.getState().caseError).toMatchObject({ code: 'network', file: '00285_hr.dat' });

    const offline: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const store2 = createAppStore();
    await loadCase(store2, null, { fetch: offline, openCase: () => syntheticPreparedEcg() });
    expect(store2.getState().caseError).toMatchObject({ code: 'network', file: 'manifest.json' });
    expect(store2.getState().caseError?.message).toContain('Failed to fetch');
  });

  it('turns a non-JSON manifest into bad-manifest, and an unknown id into unknown-case', async () => {
    const store = createAppStore();
    const broken = fakeFetch({ 'cases/manifest.json': async () => new Response('<html>', { status: 200 }) });
    await loadCase(store, null, { fetch: broken.fetch, openCase: () => syntheticPreparedEcg() });
    expect(store.getState().caseError?.code).toBe('bad-manifest');

    const store2 = createAppStore();
    await loadCase(store2, 'nope', { fetch: fakeFetch().fetch, openCase: () => syntheticPreparedEcg() });
    expect(store2.getState().caseError?.code).toBe('unknown-case');
  });

  it('lets the latest request win when two loads overlap', async () => {
    const store = createAppStore();
    const slow = syntheticPreparedEcg({ rrMs: 1000 });
    const fast = syntheticPreparedEcg({ rrMs: 700 });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slowFetch: Fetch = async (url) => {
      await gate;
      return fakeFetch().fetch(url);
    };
    const first = loadCase(store, null, { fetch: slowFetch, openCase: () => slow });
    await loadCase(store, null, { fetch: fakeFetch().fetch, openCase: () => fast });
    release();
    await first;
    expect(store.getState().prepared).toBe(fast);
  });
});

describe('loadCase and the case list', () => {
  it('keeps the manifest after an unknown id, so the cases can still be listed and opened', async () => {
    const store = createAppStore();
    await loadCase(store, 'nope', { fetch: fakeFetch().fetch, openCase: () => syntheticPreparedEcg() });
    expect(store.getState().caseError?.code).toBe('unknown-case');
    expect(store.getState().manifest?.cases.length).toBeGreaterThan(1);

    const { fetch, urls } = fakeFetch();
    await loadCase(store, 'ptbxl-00285', { fetch, openCase: () => syntheticPreparedEcg() });
    expect(store.getState()).toMatchObject({ caseStatus: 'ready', caseId: 'ptbxl-00285', caseError: null });
    expect(urls).not.toContain('cases/manifest.json'); // fetched once
  });
});

describe('caseIdFromUrl', () => {
  it('reads ?case=', () => {
    expect(caseIdFromUrl('?case=ptbxl-00285')).toBe('ptbxl-00285');
    expect(caseIdFromUrl('')).toBeNull();
    expect(caseIdFromUrl('?case=%20')).toBeNull();
  });
});
