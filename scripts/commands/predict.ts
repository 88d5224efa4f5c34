import type * as tf from '@tensorflow/tfjs';
import { isEcgError } from '../../src/core/errors';
import type { LoadOptions } from '../../src/core/ecg/load';
import { prepareEcg, type PreparedEcg } from '../../src/core/ecg/prepare';
import { modelInputFor, modelInputOf } from '../../src/core/model/model-input';
import { predictWindows } from '../../src/core/model/predict';
import { loadModelFile } from '../lib/model-files';
import { metaBeside, primaryModelPath } from '../lib/registry';
import { loadRecordAt } from '../lib/record-files';
import { useBackend } from '../lib/tf-backend';

/** model.json of the primary model in models/index.json (the registry's first): predict's and explain's default. */
export const DEFAULT_MODEL = primaryModelPath();

/**
 * The model's input for a prepared record: by the input kind its registry entry (meta.json) names, or, for an
 * unregistered model, by its input shape (the core's modelInputOf).
 */
export function inputForModel(model: tf.LayersModel, p: PreparedEcg, modelPath?: string): Float32Array {
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  if (T !== p.windowSamples)
    throw new Error(`the model takes ${T}-sample windows; this record gives ${p.windowSamples}`);
  const meta = modelPath ? metaBeside(modelPath) : null;
  if (!meta) return modelInputOf(p, C);
  const x = modelInputFor(p, meta.input.kind);
  if (x.length !== T * C)
    throw new Error(
      `${modelPath}: meta.json says ${meta.input.kind} input (${meta.input.channels.length} channels), the model takes ${C}`,
    );
  return x;
}

/**
 * `cli predict [--model m.json] [--backend wasm] <record>…`: one JSON line per record,
 * { record, pAbnormal, label, windowStartMs } or { record, error } — a bad record never stops the others.
 */
export async function predictRecords(
  paths: string[],
  modelPath = DEFAULT_MODEL,
  backend = 'wasm',
  write = (line: string) => console.log(line),
  load: LoadOptions = {},
): Promise<number> {
  await useBackend(backend);
  const { model } = await loadModelFile(modelPath);
  let failures = 0;
  for (const record of paths) {
    try {
      const p = prepareEcg(loadRecordAt(record, load));
      const [pred] = predictWindows(model, [inputForModel(model, p, modelPath)]);
      write(JSON.stringify({ record, pAbnormal: pred.pAbnormal, label: pred.label, windowStartMs: p.windowStartMs }));
    } catch (e) {
      failures++;
      const error = isEcgError(e)
        ? e.toJSON()
        : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
      write(JSON.stringify({ record, error }));
    }
  }
  model.dispose();
  return failures;
}
