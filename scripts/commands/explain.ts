import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LoadOptions } from '../../src/core/ecg/load';
import { SHAP_REFERENCE_COUNT } from '../../src/core/constants';
import { CodedError } from '../../src/core/errors';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { pAbnormalOf } from '../../src/core/model/predict';
import { bipolarPhi, mappedPhi } from '../../src/core/xai/mapping';
import { EXPLAIN_METHODS, type ExplainParams, explainWindow, isExplainMethod } from '../../src/core/xai/methods';
import { checkExplainParams } from '../../src/core/xai/explain-params';
import { loadModelFile, readModelFile } from '../lib/model-files';
import { loadRecordAt } from '../lib/record-files';
import { useBackend } from '../lib/tf-backend';
import { inputForModel } from './predict';

export interface ExplainArgs {
  record: string;
  model: string;
  method: string;
  backend: string;
  steps?: number;
  rule?: string;
  noiseSamples?: number;
  sigma?: number;
  sigmaUnit?: string;
  batch?: number;
  seed?: number;
  /** Gradient SHAP draws (captum n_samples); Kernel SHAP coalition evaluations; LIME perturbed samples. */
  samples?: number;
  /** Kernel SHAP / LIME: time segment length of a feature, in ms (default 100 for Kernel SHAP, 50 for LIME). */
  segmentMs?: number;
  /** Kernel SHAP / LIME: 'lead-time' (a feature per lead per segment, default) or 'time' (segments span all leads). */
  grouping?: string;
  /** .npy: rate and whether already z-scored (--fs, --zscored). */
  load?: LoadOptions;
}

/** The shipped reference windows beside the model (reference-normals.bin), as [T × C] arrays. */
async function referenceWindows(modelPath: string, T: number, C: number): Promise<Float32Array[]> {
  const file = join(dirname(modelPath), 'reference-normals.bin');
  if (!existsSync(file)) throw new Error(`Gradient SHAP needs ${file} (npm run -s reference-normals)`);
  const buf = await readModelFile(dirname(modelPath), 'reference-normals.bin'); // checked against meta.json (issue 15)
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  return Array.from({ length: all.length / (T * C) }, (_, k) => all.subarray(k * T * C, (k + 1) * T * C));
}

/** The option each parameter comes from (`--batch` sets batchSize). */
const FLAG: Record<string, string> = {
  noiseSamples: 'noise-samples',
  sigmaUnit: 'sigma-unit',
  segmentMs: 'segment-ms',
  batchSize: 'batch',
};

/** The options as ExplainParams, checked by the one schema (limits, NaN from a non-number): "--steps must be …". */
export function cliExplainParams(a: Omit<ExplainArgs, 'record' | 'model' | 'method' | 'backend'>): ExplainParams {
  const r = checkExplainParams({
    steps: a.steps,
    rule: a.rule,
    noiseSamples: a.noiseSamples,
    sigma: a.sigma,
    sigmaUnit: a.sigmaUnit,
    samples: a.samples,
    segmentMs: a.segmentMs,
    grouping: a.grouping,
    batchSize: a.batch,
    seed: a.seed,
  });
  if (r.ok) return r.params;
  const wrong = r.problems[0];
  throw new CodedError(
    'bad-params',
    `--${FLAG[wrong.field] ?? wrong.field} must be ${wrong.expected}, got ${String(wrong.got)}`,
    { field: wrong.field },
  );
}

/** [T × C] time-major → nested [t][c] for JSON. */
const nested = (a: Float32Array, C: number) =>
  Array.from({ length: a.length / C }, (_, t) => Array.from(a.subarray(t * C, (t + 1) * C)));

/**
 * `cli explain`: attributions for the record's model window on both logits, by one of the paper's four methods
 * (3.3): "ig" Integrated Gradients with the noise tunnel; "gradshap" Gradient SHAP against the 150 shipped normal
 * reference windows; "kernelshap" Kernel SHAP (100 coalition evaluations) and "lime" LIME (500 perturbed
 * samples), both over grouped features (per lead × time segments by default, see src/core/xai/segments.ts) with
 * switched-off features at the zero (z-score mean) baseline. `params` echoes every setting used, defaults filled in.
 */
export async function explainRecord(a: ExplainArgs) {
  if (!isExplainMethod(a.method))
    throw new Error(`unknown method "${a.method}" (available: ${EXPLAIN_METHODS.join(', ')})`);
  const params = cliExplainParams(a);
  const backend = await useBackend(a.backend);
  const { model } = await loadModelFile(a.model);
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  const p = prepareEcg(loadRecordAt(a.record, a.load));
  // 12 channels: the 12-lead window; 3: the CineECG signal of the same window (src/core/model/model-input.ts).
  const x = inputForModel(model, p, a.model);
  const references = a.method === 'gradshap' ? await referenceWindows(a.model, T, C) : undefined;
  const t0 = performance.now();
  const r = await explainWindow(model, a.method, x, params, { references });
  const ms = performance.now() - t0;
  const phi = bipolarPhi(r.attributions[0], r.attributions[1]);
  model.dispose();
  return {
    record: a.record,
    windowStartMs: p.windowStartMs,
    input: nested(x, C),
    logits: r.logits,
    pAbnormal: pAbnormalOf(r.logits),
    attributions: r.attributions.map((x) => nested(x, C)),
    delta: r.delta,
    phi: nested(phi, C),
    phiMapped: Array.from(mappedPhi(phi, C)),
    method: a.method,
    params:
      a.method === 'gradshap'
        ? { ...r.params, references: `reference-normals.bin (${SHAP_REFERENCE_COUNT} normal training windows)` }
        : r.params,
    backend,
    ms: Math.round(ms),
  };
}
