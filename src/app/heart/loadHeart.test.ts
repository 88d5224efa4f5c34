import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../errors/appError';
import { clearHeartCache, type Fetch, fetchHeart, loadHeart } from './loadHeart';

const BASE = 'http://127.0.0.1:4173/sub/dir/index.html';
const files: Record<string, Uint8Array> = {
  'http://127.0.0.1:4173/sub/dir/heart/heart.json': readFileSync('public/heart/heart.json'),
  'http://127.0.0.1:4173/sub/dir/heart/heart.bin': readFileSync('public/heart/heart.bin'),
};

function fakeFetch(overrides: Record<string, Uint8Array | number> = {}) {
  const asked: string[] = [];
  const fn: Fetch = async (url) => {
    asked.push(url);
    const body = url in overrides ? overrides[url] : files[url];
    if (body === undefined || typeof body === 'number')
      return new Response('nope', { status: typeof body === 'number' ? body : 404 });
    return new Response(new Uint8Array(body)); // a copy typed over a plain ArrayBuffer, as BodyInit wants
  };
  return { fn, asked };
}

describe('loadHeart', () => {
  it('fetches heart.json and heart.bin relative to the page and decodes the three surfaces', async () => {
    const { fn, asked } = fakeFetch();
    const heart = await fetchHeart(BASE, fn);
    expect(asked.sort()).toEqual(Object.keys(files).sort());
    expect(heart.meshes.epicardium.positions.length).toBe(3 * heart.info.meshes.epicardium.vertices);
    expect(heart.meshes.lv.indices.length).toBe(3 * heart.info.meshes.lv.triangles);
    expect(heart.info.credit).toMatch(/biv-me/);
    expect(heart.info.license).toBe('Apache-2.0');
    expect(heart.licenseUrl).toBe('http://127.0.0.1:4173/sub/dir/heart/LICENSE-Apache-2.0');
  });

  it('reports HTTP errors and corrupt files as errors the UI can show', async () => {
    await expect(fetchHeart(BASE, fakeFetch({ [Object.keys(files)[1]]: 404 }).fn)).rejects.toMatchObject({
      detail: { code: 'network', file: 'heart.bin' },
    });
    const bad = fakeFetch({ [Object.keys(files)[1]]: new Uint8Array([1, 2, 3, 4]) });
    const e = await fetchHeart(BASE, bad.fn).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppFailure);
    expect((e as AppFailure).detail.message).toMatch(/not a heart asset/);
  });

  it('fetches once per page, but retries after a failure', async () => {
    clearHeartCache();
    const failing = fakeFetch({ [Object.keys(files)[0]]: 500 });
    await expect(loadHeart(BASE, failing.fn)).rejects.toBeInstanceOf(AppFailure);
    const ok = fakeFetch();
    const a = await loadHeart(BASE, ok.fn);
    const b = await loadHeart(BASE, ok.fn);
    expect(a).toBe(b);
    expect(ok.asked.length).toBe(2);
    clearHeartCache();
  });
});
