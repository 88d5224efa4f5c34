import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { modelFromFiles, modelToFiles } from '../../src/core/model/io';

/** Node has no file:// handler without tfjs-node: read and write model.json + shards with fs. */
export async function saveModelDir(model: tf.LayersModel, dir: string, metadata?: Record<string, unknown>): Promise<string[]> {
  const files = await modelToFiles(model, metadata);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.json'), JSON.stringify(files.modelJson));
  for (const [name, bytes] of files.shards) writeFileSync(join(dir, name), bytes);
  return ['model.json', ...files.shards.keys()];
}

export async function loadModelFile(modelJsonPath: string): Promise<{ model: tf.LayersModel; metadata: Record<string, unknown> }> {
  const modelJson = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as Record<string, unknown>;
  const manifest = (modelJson.weightsManifest as { paths: string[] }[])[0];
  const shards = new Map(manifest.paths.map((p) => [p, new Uint8Array(readFileSync(join(dirname(modelJsonPath), p)))]));
  const model = await modelFromFiles({ modelJson, shards });
  return { model, metadata: (modelJson.userDefinedMetadata as Record<string, unknown>) ?? {} };
}
