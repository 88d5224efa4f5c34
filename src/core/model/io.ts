import * as tf from '@tensorflow/tfjs';
import './edge-pad'; // registers the custom layer before any model is deserialised

/** Weight shards stay ≤ 2 MiB so the PWA can precache them (workbox's default per-file limit). */
export const MAX_SHARD_BYTES = 2 * 1024 * 1024;

export interface ModelFiles {
  /** model.json: topology + weightsManifest pointing at the shard file names. */
  modelJson: Record<string, unknown>;
  /** Shard files by name, e.g. "weights.1of1.bin". */
  shards: Map<string, Uint8Array>;
}

/** Serialise a layers model to TF.js layers format (model.json + weight shards), in memory. */
export async function modelToFiles(
  model: tf.LayersModel,
  userDefinedMetadata?: Record<string, unknown>,
): Promise<ModelFiles> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = artifacts!;
  const data = new Uint8Array(concatWeightData(a.weightData!));
  const n = Math.max(1, Math.ceil(data.byteLength / MAX_SHARD_BYTES));
  const shards = new Map<string, Uint8Array>();
  const paths: string[] = [];
  for (let k = 0; k < n; k++) {
    const name = `weights.${k + 1}of${n}.bin`;
    shards.set(name, data.slice(k * MAX_SHARD_BYTES, Math.min(data.byteLength, (k + 1) * MAX_SHARD_BYTES)));
    paths.push(name);
  }
  const modelJson = {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: null,
    modelTopology: a.modelTopology,
    weightsManifest: [{ paths, weights: a.weightSpecs }],
    ...(userDefinedMetadata ? { userDefinedMetadata } : {}),
  };
  return { modelJson, shards };
}

/** Load a model from model.json + shards already in memory (Node, tests, or bytes fetched by the app). */
export async function modelFromFiles(files: ModelFiles): Promise<tf.LayersModel> {
  const manifest = (files.modelJson.weightsManifest as tf.io.WeightsManifestConfig)[0];
  const parts = manifest.paths.map((p) => {
    const s = files.shards.get(p);
    if (!s) throw new Error(`model.json names weight shard ${p}, which is missing`);
    return s;
  });
  const total = parts.reduce((a, p) => a + p.byteLength, 0);
  const weightData = new Uint8Array(total);
  let at = 0;
  for (const p of parts) (weightData.set(p, at), (at += p.byteLength));
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: files.modelJson.modelTopology as tf.io.ModelJSON['modelTopology'],
      weightSpecs: manifest.weights,
      weightData: weightData.buffer,
    }),
  );
}

function concatWeightData(w: ArrayBuffer | ArrayBuffer[]): ArrayBuffer {
  if (!Array.isArray(w)) return w;
  const total = w.reduce((a, b) => a + b.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const b of w) (out.set(new Uint8Array(b), at), (at += b.byteLength));
  return out.buffer;
}
