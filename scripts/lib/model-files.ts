import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { modelFromFiles, modelToFiles } from '../../src/core/model/io';
import { verifyFile } from '../../src/core/registry/integrity';
import { parseModelMeta } from '../../src/core/registry/model-meta';

/** Node has no file:// handler without tfjs-node: read and write model.json + shards with fs. */
export async function saveModelDir(
  model: tf.LayersModel,
  dir: string,
  metadata?: Record<string, unknown>,
): Promise<string[]> {
  const files = await modelToFiles(model, metadata);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.json'), JSON.stringify(files.modelJson));
  for (const [name, bytes] of files.shards) writeFileSync(join(dir, name), bytes);
  return ['model.json', ...files.shards.keys()];
}

/**
 * Loads a TF.js layers model from disk. When a registry entry (meta.json) lies beside model.json, every file read
 * is checked against its recorded SHA-256 first and a mismatch throws IntegrityError naming the file (issue 15);
 * a model without meta.json (a test's linear model, `--model` of a user's own) loads unchecked.
 */
export async function loadModelFile(
  modelJsonPath: string,
): Promise<{ model: tf.LayersModel; metadata: Record<string, unknown> }> {
  const dir = dirname(modelJsonPath);
  const check = await integrityCheckerFor(dir);
  const modelJsonBytes = new Uint8Array(readFileSync(modelJsonPath));
  await check(basename(modelJsonPath), modelJsonBytes);
  const modelJson = JSON.parse(new TextDecoder().decode(modelJsonBytes)) as Record<string, unknown>;
  const manifest = (modelJson.weightsManifest as { paths: string[] }[])[0];
  const shards = new Map(manifest.paths.map((p) => [p, new Uint8Array(readFileSync(join(dir, p)))]));
  for (const [name, bytes] of shards) await check(name, bytes);
  const model = await modelFromFiles({ modelJson, shards });
  return { model, metadata: (modelJson.userDefinedMetadata as Record<string, unknown>) ?? {} };
}

/** Checks files of a model folder against its meta.json; a no-op for a folder without one. */
export async function integrityCheckerFor(dir: string): Promise<(name: string, bytes: Uint8Array) => Promise<void>> {
  const metaPath = join(dir, 'meta.json');
  if (!existsSync(metaPath)) return async () => {};
  const meta = parseModelMeta(JSON.parse(readFileSync(metaPath, 'utf8')), metaPath);
  return (name, bytes) => verifyFile(meta.files, name, bytes, join(dir, name));
}

/** Reads a file of a model folder (e.g. reference-normals.bin), checked against meta.json when there is one. */
export async function readModelFile(dir: string, name: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(readFileSync(join(dir, name)));
  await (
    await integrityCheckerFor(dir)
  )(name, bytes);
  return bytes;
}
