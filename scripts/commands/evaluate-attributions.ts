import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { bipolarPhi } from '../../src/core/xai/mapping';
import { type ExplainMethod, type ExplainParams, explainWindow, splitWindows } from '../../src/core/xai/methods';
import { loadModelFile } from '../lib/model-files';

/** A loaded model with what Gradient SHAP needs and a fingerprint of its weights for the cache key. */
export interface LoadedModel {
  /** Its id in the registry (models/<id>/): names its cache files and its sanity rows. */
  id: string;
  model: tf.LayersModel;
  channels: number;
  references: Float32Array[];
  fingerprint: string;
}

/** The registered model `id` (models/<id>/model.json) with the normal reference windows beside it. */
export async function loadEvalModel(id: string, modelsDir = 'models'): Promise<LoadedModel> {
  const path = join(modelsDir, id, 'model.json');
  const { model } = await loadModelFile(path);
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  const refFile = join(dirname(path), 'reference-normals.bin');
  const buf = readFileSync(refFile);
  const references = splitWindows(
    new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)),
    T,
    C,
  );
  const hash = createHash('sha256');
  hash.update(readFileSync(path));
  for (const f of ['weights.1of1.bin'])
    if (existsSync(join(modelsDir, id, f))) hash.update(readFileSync(join(modelsDir, id, f)));
  return { id, model, channels: C, references, fingerprint: hash.digest('hex').slice(0, 16) };
}

export interface PhiResult {
  /** Φ of eq. 1, [T × C] time-major. */
  phi: number[];
  logits: [number, number];
}

/**
 * Φ of one method on one model window, from the cache directory when the same input, model weights, method and
 * parameters were computed before (the key hashes all four), else computed with the core's explainWindow.
 */
export async function phiOf(
  m: LoadedModel,
  method: ExplainMethod,
  x: Float32Array,
  params: ExplainParams,
  cacheDir?: string,
): Promise<PhiResult & { cached: boolean }> {
  const key = createHash('sha256')
    .update(JSON.stringify({ model: m.fingerprint, method, params }))
    .update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength))
    .digest('hex')
    .slice(0, 24);
  const file = cacheDir ? join(cacheDir, `${m.id}-${method}-${key}.json`) : undefined;
  if (file && existsSync(file)) return { ...(JSON.parse(readFileSync(file, 'utf8')) as PhiResult), cached: true };
  const r = await explainWindow(m.model, method, x, params, {
    references: method === 'gradshap' ? m.references : undefined,
  });
  const out: PhiResult = {
    phi: Array.from(bipolarPhi(r.attributions[0], r.attributions[1])),
    logits: r.logits as [number, number],
  };
  if (file) {
    mkdirSync(cacheDir!, { recursive: true });
    writeFileSync(file, JSON.stringify(out));
  }
  return { ...out, cached: false };
}
