/**
 * Fetches a registered model (model.json, its weight shards, its Gradient SHAP references) over HTTP with the one
 * fetch helper, checking every file against the SHA-256 that models/<id>/meta.json records (issue 15) before TF.js
 * sees a byte. A mismatch throws IntegrityError naming the file; nothing is built from it.
 */
import type { ModelFiles } from '../core/model/io';
import { fetchBytes, fetchJson, type Fetch } from '../core/net/fetch-file';
import { verifyFile } from '../core/registry/integrity';
import { parseModelMeta, type ModelMeta } from '../core/registry/model-meta';

/** "models/ecg12/weights.1of1.bin" for messages: the model folder and the file, as the repository names them. */
const labelOf = (url: string): string => new URL(url).pathname.split('/').filter(Boolean).slice(-3).join('/');

export interface ModelFetcher {
  /** model.json and its shards, each checked; `onFraction` reports shards done in [0, 1]. */
  fetchModel(url: string, onFraction: (fraction: number) => void): Promise<ModelFiles>;
  /** Another file of a model folder (reference-normals.bin), checked against the same meta.json. */
  fetchBinary(url: string): Promise<ArrayBuffer>;
}

export function createModelFetcher(fetchFn: Fetch = (url) => fetch(url)): ModelFetcher {
  /** meta.json per model folder URL, fetched once. */
  const metas = new Map<string, Promise<ModelMeta>>();
  const metaOf = (fileUrl: string): Promise<ModelMeta> => {
    const metaUrl = new URL('meta.json', fileUrl).href;
    if (!metas.has(metaUrl)) {
      const p = fetchJson(metaUrl, { fetchFn }).then((json) => parseModelMeta(json, labelOf(metaUrl)));
      p.catch(() => metas.delete(metaUrl)); // a failed fetch is retried on the next load
      metas.set(metaUrl, p);
    }
    return metas.get(metaUrl)!;
  };
  const checked = async (url: string): Promise<Uint8Array> => {
    const meta = await metaOf(url);
    const name = new URL(url).pathname.split('/').pop()!;
    return fetchBytes(url, {
      fetchFn,
      check: (bytes) => verifyFile(meta.files, decodeURIComponent(name), bytes, labelOf(url)),
    });
  };

  return {
    async fetchModel(url, onFraction) {
      const modelJson = JSON.parse(new TextDecoder().decode(await checked(url))) as Record<string, unknown>;
      const manifest = modelJson.weightsManifest as Array<{ paths: string[] }> | undefined;
      if (!Array.isArray(manifest) || manifest.length === 0) throw new Error('model.json has no weightsManifest');
      const paths = manifest.flatMap((g) => g.paths);
      const shards = new Map<string, Uint8Array>();
      for (const [k, p] of paths.entries()) {
        shards.set(p, await checked(new URL(p, url).href));
        onFraction((k + 1) / paths.length);
      }
      return { modelJson, shards };
    },
    async fetchBinary(url) {
      const bytes = await checked(url);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}
