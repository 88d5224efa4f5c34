import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { pAbnormalOf } from '../../src/core/model/predict';
import { DEFAULT_GRADSHAP, gradientShap } from '../../src/core/xai/gradient-shap';
import { DEFAULT_IG, integratedGradients, type IgOptions } from '../../src/core/xai/integrated-gradients';
import { bipolarPhi, mappedPhi } from '../../src/core/xai/mapping';
import type { IntegrationRule } from '../../src/core/xai/quadrature';
import { loadModelFile } from '../lib/model-files';
import { readRecordFiles } from '../lib/record-files';
import { useBackend } from '../lib/tf-backend';

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
  /** Gradient SHAP draws (captum n_samples). */
  samples?: number;
}

/** The shipped reference windows beside the model (reference-normals.bin), as [T × C] arrays. */
function referenceWindows(modelPath: string, T: number, C: number): Float32Array[] {
  const file = join(dirname(modelPath), 'reference-normals.bin');
  if (!existsSync(file)) throw new Error(`Gradient SHAP needs ${file} (npm run -s reference-normals)`);
  const buf = readFileSync(file);
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  return Array.from({ length: all.length / (T * C) }, (_, k) => all.subarray(k * T * C, (k + 1) * T * C));
}

/** [T × C] time-major → nested [t][c] for JSON. */
const nested = (a: Float32Array, C: number) => Array.from({ length: a.length / C }, (_, t) => Array.from(a.subarray(t * C, (t + 1) * C)));

/**
 * `cli explain`: attributions for the record's model window. Implemented: Integrated Gradients with the noise
 * tunnel (method "ig"). Gradient SHAP, Kernel SHAP and LIME are not implemented yet and are refused by name.
 */
export async function explainRecord(a: ExplainArgs) {
  if (a.method !== 'ig' && a.method !== 'gradshap') throw new Error(`method "${a.method}" is not implemented yet (available: ig, gradshap)`);
  const backend = await useBackend(a.backend);
  const { model } = await loadModelFile(a.model);
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  const p = prepareEcg(loadRecord(readRecordFiles(a.record)));
  if (p.windowSamples !== T || C !== 12) throw new Error(`the model takes [${T} × ${C}] windows; this record gives [${p.windowSamples} × 12]`);
  const params: IgOptions = {
    ...DEFAULT_IG,
    ...(a.steps !== undefined && { steps: a.steps }),
    ...(a.rule !== undefined && { rule: a.rule as IntegrationRule }),
    ...(a.noiseSamples !== undefined && { noiseSamples: a.noiseSamples }),
    ...(a.sigma !== undefined && { sigma: a.sigma }),
    ...(a.sigmaUnit !== undefined && { sigmaUnit: a.sigmaUnit as IgOptions['sigmaUnit'] }),
    ...(a.batch !== undefined && { batchSize: a.batch }),
    ...(a.seed !== undefined && { seed: a.seed }),
  };
  if (!['gausslegendre', 'riemann_trapezoid'].includes(params.rule)) throw new Error(`--rule must be gausslegendre or riemann_trapezoid, got ${params.rule}`);
  const shapParams = { ...DEFAULT_GRADSHAP, samples: a.samples ?? DEFAULT_GRADSHAP.samples, sigma: a.sigma ?? DEFAULT_GRADSHAP.sigma, batchSize: params.batchSize, seed: params.seed };
  const t0 = performance.now();
  const r = a.method === 'ig' ? await integratedGradients(model, p.window, params) : await gradientShap(model, p.window, referenceWindows(a.model, T, C), shapParams);
  const ms = performance.now() - t0;
  const phi = bipolarPhi(r.attributions[0], r.attributions[1]);
  model.dispose();
  return {
    record: a.record,
    windowStartMs: p.windowStartMs,
    input: nested(p.window, C),
    logits: r.logits,
    pAbnormal: pAbnormalOf(r.logits),
    attributions: r.attributions.map((x) => nested(x, C)),
    delta: r.delta,
    phi: nested(phi, C),
    phiMapped: Array.from(mappedPhi(phi, C)),
    method: a.method,
    params: a.method === 'ig'
      ? { steps: params.steps, rule: params.rule, baseline: 'zeros', noiseSamples: params.noiseSamples, sigma: params.sigma, sigmaUnit: params.sigmaUnit, batchSize: params.batchSize, seed: params.seed }
      : { samples: shapParams.samples, sigma: shapParams.sigma, references: 'reference-normals.bin (150 normal training windows)', batchSize: shapParams.batchSize, seed: shapParams.seed },
    backend,
    ms: Math.round(ms),
  };
}
