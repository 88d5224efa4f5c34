import { isEcgError } from '../../src/core/errors';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { predictWindows } from '../../src/core/model/predict';
import { loadModelFile } from '../lib/model-files';
import { readRecordFiles } from '../lib/record-files';
import { useBackend } from '../lib/tf-backend';

export const DEFAULT_MODEL = 'models/ecg12/model.json';

/**
 * `cli predict [--model m.json] [--backend wasm] <record>…`: one JSON line per record,
 * { record, pAbnormal, label, windowStartMs } or { record, error } — a bad record never stops the others.
 */
export async function predictRecords(paths: string[], modelPath = DEFAULT_MODEL, backend = 'wasm', write = (line: string) => console.log(line)): Promise<number> {
  await useBackend(backend);
  const { model } = await loadModelFile(modelPath);
  let failures = 0;
  for (const record of paths) {
    try {
      const p = prepareEcg(loadRecord(readRecordFiles(record)));
      const [pred] = predictWindows(model, [p.window]);
      write(JSON.stringify({ record, pAbnormal: pred.pAbnormal, label: pred.label, windowStartMs: p.windowStartMs }));
    } catch (e) {
      failures++;
      const error = isEcgError(e) ? e.toJSON() : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
      write(JSON.stringify({ record, error }));
    }
  }
  model.dispose();
  return failures;
}
