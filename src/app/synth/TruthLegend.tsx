import { modelLabel } from '../inference/modelText';
import { useMemo } from 'react';
import { WINDOW_SAMPLES } from '../../core/constants';
import { STANDARD_LEADS } from '../../core/ecg/types';
import type { PostProcess } from '../../core/eval/importance';
import { maskInWindow } from '../../core/synth/mask';
import { truthAgreementCase, truthScore, type TruthScore } from '../../core/synth/truthAgreement';
import { bipolarPhi } from '../../core/xai/mapping';
import { selectExplanation } from '../store/explainSlice';
import { selectSynthTruth } from '../store/synthSlice';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { TRUTH_RGB } from './drawTruthMask';
import { truthSampleCount } from './synthTruth';
import './synth.css';

const f2 = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/**
 * Under the grid's caption for a synthetic case: the truth toggle, its legend, and — once explained — the map's
 * agreement with the truth (the evaluation core's Dice at θ*, the case's own best threshold) beside it.
 */
export function TruthLegend() {
  const appStore = useAppStoreApi();
  const truth = useAppStore(selectSynthTruth);
  const show = useAppStore((s) => s.showTruth);
  const explanation = useAppStore(selectExplanation);
  const prepared = useAppStore((s) => s.prepared);
  const display = useAppStore((s) => s.attributionDisplay);
  const meta = useAppStore((s) => (explanation ? (s.models[explanation.source]?.meta ?? null) : null));
  // The paper's post-processings score maps; the signed view is scored as absolute (the benchmark's best for IG).
  const post: PostProcess = display === 'signed' ? 'absolute' : display;

  const score = useMemo((): { value: TruthScore; source: string } | null => {
    if (!truth || !prepared || !explanation || !meta || truth.twin || truthSampleCount(truth) === 0) return null;
    const start = Math.round((prepared.windowStartMs * truth.fsHz) / 1000);
    const mask = maskInWindow(truth.mask, start, WINDOW_SAMPLES);
    const C = meta.input.channels.length;
    const cine = meta.input.kind === 'cinecg';
    const phi = bipolarPhi(explanation.attributions[0], explanation.attributions[1]);
    const c = truthAgreementCase(truth.caseId, phi, C, mask, cine ? 'cine' : 'leads');
    const source = cine ? `${modelLabel(meta)}, ${meta.input.channels.join(' ')}` : `${C} leads`;
    return { value: truthScore(c, post), source };
  }, [truth, prepared, explanation, meta, post]);

  if (!truth) return null;
  const leads = STANDARD_LEADS.filter((l) => (truth.mask[l] ?? []).length > 0);
  return (
    <div className="truth-legend" data-testid="truth-legend" data-truth-samples={truthSampleCount(truth)}>
      <label className="toggle">
        <input type="checkbox" checked={show} onChange={(e) => appStore.getState().setShowTruth(e.target.checked)} />{' '}
        Truth
      </label>
      <span className="truth-swatch" style={{ borderColor: TRUTH_RGB }} aria-hidden="true" />
      {truth.twin ? (
        <span data-testid="truth-summary">
          Healthy twin: nothing injected, so no truth to draw (it differs from itself nowhere).
        </span>
      ) : leads.length === 0 ? (
        <span data-testid="truth-summary">Normal record: nothing injected, no truth to draw.</span>
      ) : (
        <span
          data-testid="truth-summary"
          title={`Hatched where the lead's |record − healthy twin| ≥ 0.02 mV: ${leads.join(', ')}`}
        >
          Truth known by construction: |record − healthy twin| ≥ 0.02 mV ({leads.length} leads)
        </span>
      )}
      {score && (
        <span
          className="truth-score"
          data-testid="truth-dice"
          title={`The evaluation core's Dice at θ* (paper 3.6) of this map (${post}) against the truth in the window; θ* chosen for this case alone, so an upper bound. IoU ${f2(score.value.iou)}, Spearman ρ ${f2(score.value.spearman)}.`}
        >
          Attribution vs truth: Dice <strong>{f2(score.value.dice)}</strong> at θ* {f2(score.value.threshold)} ({post},{' '}
          {score.source})
        </span>
      )}
    </div>
  );
}
