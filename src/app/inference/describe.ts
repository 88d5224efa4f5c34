import { type LoadProgress, progressFraction } from '../../worker/protocol';
import type { ModelMeta } from '../../core/registry/model-meta';
import type { ModelMetrics } from './modelMetrics';

/** "1D-ResNet (12-lead)" or "1D-ResNet (CineECG, 3 channels)": which registered model this is. */
export function modelName(meta: Pick<ModelMeta, 'shortTitle' | 'input'>): string {
  const { kind, channels } = meta.input;
  return kind === '12-lead'
    ? `1D-ResNet (${meta.shortTitle})`
    : `1D-ResNet (${meta.shortTitle}, ${channels.length} channels)`;
}

/** "p(abnormal) = 0.87 → abnormal": two decimals are what a reader can use; the test reads the full value. */
export function describeProbability(pAbnormal: number): string {
  return `p(abnormal) = ${pAbnormal.toFixed(2)} → ${pAbnormal >= 0.5 ? 'abnormal' : 'normal'}`;
}

/** Milliseconds for people: "312 ms", "1.4 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** What the worker is doing while the model loads, in words, with an overall percentage. */
export function describeProgress(p: LoadProgress | null): string {
  if (!p) return 'Starting the model worker…';
  const pct = `${Math.round(progressFraction(p) * 100)}%`;
  switch (p.status) {
    case 'backend':
      return `Starting the ${p.backend} backend…`;
    case 'download':
      return `Loading the model… ${pct}`;
    case 'warm-up':
      return `Preparing the model on ${p.backend}… ${pct}`;
    case 'measure':
      return `Timing ${p.backend} to pick the fastest backend… ${pct}`;
  }
}

/** "Test set (n = 154): AUROC 0.86 (95% CI 0.79–0.91)". */
export function describeMetrics(m: ModelMetrics | null): string | null {
  const a = m?.test.auroc ?? null;
  if (!m || !a) return null;
  return `Held-out test set (n = ${m.test.n}): AUROC ${a.estimate.toFixed(2)} (95% CI ${a.low.toFixed(2)}–${a.high.toFixed(2)})`;
}

/** A model's short name and its p(abnormal) for the case, for comparing two models' answers. */
export interface NamedProbability {
  name: string;
  p: number;
}

/**
 * When a companion falls on the other side of 0.5 from the primary model, say so plainly, naming every model (null
 * when all agree): their explanations then argue for different answers.
 */
export function describeDisagreement(primary: NamedProbability, ...others: NamedProbability[]): string | null {
  const all = [primary, ...others];
  if (all.every((m) => m.p >= 0.5 === primary.p >= 0.5)) return null;
  const call = (p: number) => (p >= 0.5 ? 'abnormal' : 'normal');
  const list = all.map((m) => `${m.name} ${m.p.toFixed(2)} → ${call(m.p)}`).join(', ');
  return `${all.length === 2 ? 'The two models' : 'The models'} disagree: ${list}.`;
}
