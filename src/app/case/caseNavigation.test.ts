import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore';
import { syntheticPreparedEcg } from '../testing/syntheticEcg';
import { createCaseNavigation, urlWithCase } from './caseNavigation';
import type { Fetch } from './fetchCase';
import { fakeFile } from './testing/localFiles';

const manifestText = readFileSync(new URL('../../../public/cases/manifest.json', import.meta.url), 'utf8');
const serve: Fetch = async (url) =>
  url === 'cases/manifest.json'
    ? new Response(manifestText, { status: 200 })
    : new Response(new Uint8Array([1, 2, 3]), { status: 200 });

/** A window's location and history, reduced to what navigation uses. */
function fakeBrowser(start: string) {
  const entries = [start];
  const env = {
    location: { href: start },
    history: {
      pushState: (_data: unknown, _unused: string, url: string) => {
        entries.push(url);
        env.location.href = url;
      },
    },
    fetch: serve,
    openCase: () => syntheticPreparedEcg(),
  };
  return { env, entries };
}

describe('urlWithCase', () => {
  it('sets or removes ?case= and keeps the other parameters and the hash', () => {
    expect(urlWithCase('http://h/app/?backend=wasm#x', 'ptbxl-00262')).toBe(
      'http://h/app/?backend=wasm&case=ptbxl-00262#x',
    );
    expect(urlWithCase('http://h/app/?case=ptbxl-00285&backend=wasm', 'ptbxl-00338')).toBe(
      'http://h/app/?case=ptbxl-00338&backend=wasm',
    );
    expect(urlWithCase('http://h/app/?case=ptbxl-00285&backend=wasm', null)).toBe('http://h/app/?backend=wasm');
  });
});

describe('case navigation', () => {
  it('a demo case goes into the address as a new history entry, once', async () => {
    const store = createAppStore();
    const { env, entries } = fakeBrowser('http://h/');
    const nav = createCaseNavigation(store, env);
    await nav.openDemo('ptbxl-00195');
    await nav.openDemo('ptbxl-00195'); // same address: no duplicate entry
    expect(entries).toEqual(['http://h/', 'http://h/?case=ptbxl-00195']);
    expect(store.getState()).toMatchObject({ caseId: 'ptbxl-00195', caseStatus: 'ready', localFiles: null });
  });

  it('local files drop ?case= from the address; going back opens the case the address names', async () => {
    const store = createAppStore();
    const { env, entries } = fakeBrowser('http://h/?case=ptbxl-00290');
    const nav = createCaseNavigation(store, { ...env, openCase: () => syntheticPreparedEcg({ rrMs: 600 }) });
    await nav.openFiles([fakeFile('mine.csv', new Uint8Array([1]))]);
    expect(entries).toEqual(['http://h/?case=ptbxl-00290', 'http://h/']);
    expect(store.getState().localFiles).toEqual(['mine.csv']);

    env.location.href = 'http://h/?case=ptbxl-00290'; // the browser's Back
    await nav.followAddress();
    expect(store.getState()).toMatchObject({ caseId: 'ptbxl-00290', localFiles: null, caseStatus: 'ready' });
  });
});
