import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { bipolarPhi, mappedPhi } from '../../core/xai/mapping';
import type { CaseExplanation } from '../store/explainSlice';

/** The explanation as JSON in the CLI's shape (`cli explain`), so results from the browser and Node compare directly. */
export function explanationJson(e: CaseExplanation, prepared: PreparedEcg): string {
  const C = e.attributions[0].length / prepared.windowSamples;
  const nested = (a: Float32Array) =>
    Array.from({ length: a.length / C }, (_, t) => Array.from(a.subarray(t * C, (t + 1) * C)));
  const phi = bipolarPhi(e.attributions[0], e.attributions[1]);
  return JSON.stringify({
    record: prepared.record.name,
    windowStartMs: prepared.windowStartMs,
    input: nested(prepared.window),
    logits: e.logits,
    attributions: e.attributions.map(nested),
    delta: e.delta,
    phi: nested(phi),
    phiMapped: Array.from(mappedPhi(phi, C)),
    method: e.method,
    params: e.params,
    backend: e.backend,
    ms: Math.round(e.ms),
  });
}

/** Saves the JSON through a download link; nothing leaves the machine. */
export function downloadExplanation(e: CaseExplanation, prepared: PreparedEcg): void {
  const url = URL.createObjectURL(new Blob([explanationJson(e, prepared)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${prepared.record.name}-${e.method}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
