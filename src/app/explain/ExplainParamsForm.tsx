import {
  GRADSHAP_SAMPLES,
  IG_STEPS,
  KERNEL_SHAP_EVALUATIONS,
  LIME_SAMPLES,
  NOISE_SAMPLES,
  NOISE_SIGMA,
  SHAP_REFERENCE_COUNT,
} from '../../core/constants';
import type { ExplainMethod, ExplainParams } from '../../core/xai/catalogue';
import { KERNEL_SHAP_SEGMENT_MS, LIME_SEGMENT_MS } from '../../core/xai/catalogue';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';

interface Field {
  key: 'steps' | 'noiseSamples' | 'sigma' | 'samples' | 'segmentMs';
  label: string;
  defaultValue: number;
  step: number;
  min: number;
  title: string;
}

/** The parameters each method exposes; an empty field means the paper's default (shown as the placeholder). */
const FIELDS: Record<ExplainMethod, Field[]> = {
  ig: [
    {
      key: 'steps',
      label: 'Steps',
      defaultValue: IG_STEPS,
      step: 1,
      min: 1,
      title: 'Gauss–Legendre quadrature points along the path from the zero baseline',
    },
    {
      key: 'noiseSamples',
      label: 'Noisy copies',
      defaultValue: NOISE_SAMPLES,
      step: 1,
      min: 0,
      title: 'Noise tunnel (SmoothGrad): IG is averaged over this many noisy copies; 0 = plain IG',
    },
    {
      key: 'sigma',
      label: 'σ (z-score units)',
      defaultValue: NOISE_SIGMA,
      step: 0.01,
      min: 0,
      title: 'Standard deviation of the noise, in the units of the model input: z-scores (each lead is z-scored)',
    },
  ],
  gradshap: [
    {
      key: 'samples',
      label: 'Draws',
      defaultValue: GRADSHAP_SAMPLES,
      step: 1,
      min: 1,
      title: `Random (reference window, point on the path) draws against ${SHAP_REFERENCE_COUNT} normal training windows`,
    },
  ],
  kernelshap: [
    {
      key: 'samples',
      label: 'Model evaluations',
      defaultValue: KERNEL_SHAP_EVALUATIONS,
      step: 1,
      min: 2,
      title: 'Coalitions evaluated (paper 3.3: 100)',
    },
    {
      key: 'segmentMs',
      label: 'Segment (ms)',
      defaultValue: KERNEL_SHAP_SEGMENT_MS,
      step: 2,
      min: 2,
      title: 'Features are segments of this length per lead; a removed segment takes the baseline (0)',
    },
  ],
  lime: [
    {
      key: 'samples',
      label: 'Perturbed samples',
      defaultValue: LIME_SAMPLES,
      step: 1,
      min: 2,
      title: 'Perturbations the linear surrogate is fitted on (paper 3.3: 500)',
    },
    {
      key: 'segmentMs',
      label: 'Segment (ms)',
      defaultValue: LIME_SEGMENT_MS,
      step: 2,
      min: 2,
      title: 'Features are segments of this length per lead; a removed segment takes the baseline (0)',
    },
  ],
};

export function ExplainParamsForm({ method, disabled }: { method: ExplainMethod; disabled: boolean }) {
  const appStore = useAppStoreApi();
  const params = useAppStore((s) => s.explainParams[method]);
  const set = (key: Field['key'], raw: string) => {
    const v = raw.trim() === '' ? undefined : Number(raw);
    const next: ExplainParams = { ...params, [key]: v !== undefined && Number.isFinite(v) ? v : undefined };
    appStore.getState().setExplainParams(method, next);
  };
  return (
    <div className="explain-params">
      {FIELDS[method].map((f) => (
        <label key={f.key} title={f.title}>
          <span>{f.label}</span>
          <input
            type="number"
            inputMode="decimal"
            min={f.min}
            step={f.step}
            placeholder={String(f.defaultValue)}
            value={params[f.key] ?? ''}
            disabled={disabled}
            onChange={(e) => set(f.key, e.target.value)}
          />
        </label>
      ))}
    </div>
  );
}
