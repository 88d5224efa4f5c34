import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FetchFailure, fetchOk, type Fetch } from '../core/net/fetch-file';
import { IntegrityError } from '../core/registry/integrity';
import { createModelFetcher } from './model-fetch';

const BASE = 'http://app.test/models/';

/** Serves models/** from the repository, with optional byte changes per path (what a tampered server would send). */
function serve(tamper: Record<string, (b: Uint8Array) => void> = {}): { fetchFn: Fetch; asked: string[] } {
  const asked: string[] = [];
  const fetchFn: Fetch = async (url) => {
    const path = new URL(url).pathname.replace(/^\//, '');
    asked.push(path);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path)) as Uint8Array<ArrayBuffer>;
    } catch {
      return new Response('', { status: 404 });
    }
    tamper[path]?.(bytes);
    return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200 });
  };
  return { fetchFn, asked };
}

describe('fetchOk (the one fetch helper)', () => {
  it('names the file and the status on HTTP errors, and the cause on network failures', async () => {
    const notFound: Fetch = async () => new Response('', { status: 404 });
    await expect(fetchOk('http://x/models/a/model.json', { fetchFn: notFound })).rejects.toMatchObject({
      name: 'FetchFailure',
      file: 'model.json',
      status: 404,
      message: 'fetching http://x/models/a/model.json gave HTTP 404',
    });
    const offline: Fetch = async () => Promise.reject(new TypeError('Failed to fetch'));
    const e = await fetchOk('http://x/heart/heart.bin', { fetchFn: offline }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FetchFailure);
    expect((e as Error).message).toBe('could not fetch http://x/heart/heart.bin: Failed to fetch');
  });
});

describe('the worker fetches registered models checked against meta.json', () => {
  it('fetches the shipped model and its references when every digest matches', async () => {
    const { fetchFn, asked } = serve();
    const f = createModelFetcher(fetchFn);
    const files = await f.fetchModel(`${BASE}ecg12/model.json`, () => {});
    expect([...files.shards.keys()]).toEqual(['weights.1of1.bin']);
    expect((await f.fetchBinary(`${BASE}ecg12/reference-normals.bin`)).byteLength).toBe(
      readFileSync('models/ecg12/reference-normals.bin').byteLength,
    );
    expect(asked.filter((p) => p.endsWith('meta.json'))).toEqual(['models/ecg12/meta.json']); // once per model folder
  });

  it('refuses a weights file with one changed byte, naming it; nothing is returned to build a model from', async () => {
    const { fetchFn } = serve({ 'models/ecg12/weights.1of1.bin': (b) => void (b[100] ^= 0x01) });
    const e = await createModelFetcher(fetchFn)
      .fetchModel(`${BASE}ecg12/model.json`, () => {})
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IntegrityError);
    expect((e as IntegrityError).file).toBe('models/ecg12/weights.1of1.bin');
    expect((e as Error).message).toMatch(/does not match the recorded/);
  });

  it('refuses a tampered model.json and tampered reference windows', async () => {
    const { fetchFn } = serve({
      'models/cine3/model.json': (b) => void (b[10] ^= 0x20),
      'models/ecg12/reference-normals.bin': (b) => void (b[0] ^= 0x01),
    });
    const f = createModelFetcher(fetchFn);
    await expect(f.fetchModel(`${BASE}cine3/model.json`, () => {})).rejects.toThrow(
      /^models\/cine3\/model\.json: SHA-256/,
    );
    await expect(f.fetchBinary(`${BASE}ecg12/reference-normals.bin`)).rejects.toThrow(
      /^models\/ecg12\/reference-normals\.bin: SHA-256/,
    );
  });

  it('a model folder without meta.json is not loaded (the app runs registered models only)', async () => {
    const { fetchFn } = serve();
    await expect(createModelFetcher(fetchFn).fetchModel(`${BASE}nowhere/model.json`, () => {})).rejects.toThrow(
      /fetching http:\/\/app\.test\/models\/nowhere\/meta\.json gave HTTP 404/,
    );
  });
});
