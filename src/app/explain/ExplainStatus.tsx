import { METHOD_LABELS } from '../../core/xai/catalogue';
import { formatMs } from '../inference/describe';
import { selectExplanation } from '../store/explainSlice';
import { useAppStore } from '../store/useAppStore';

/**
 * The one live region of the explanation: progress while it runs, then "Explanation ready: …" (screen readers hear
 * it; the tests wait for it), or "Cancelled.". Kept mounted so that assistive tech announces each change.
 */
export function ExplainStatus() {
  const status = useAppStore((s) => s.explainStatus);
  const job = useAppStore((s) => s.explainJob);
  const progress = useAppStore((s) => s.explainProgress);
  const loaded = useAppStore((s) => s.loadedModel);
  const explanation = useAppStore(selectExplanation);
  const pct = Math.round((progress?.fraction ?? 0) * 100);
  let text = '';
  if (job) text = `${METHOD_LABELS[job.method]} on ${loaded?.backend ?? '…'}: ${progress?.phase ?? 'starting'} ${pct}%`;
  else if (status === 'done' && explanation)
    text = `Explanation ready: ${METHOD_LABELS[explanation.method]} on ${explanation.backend} in ${formatMs(explanation.ms)}; shown on the grid, the beat panel and the 3D trajectory.`;
  else if (status === 'cancelled') text = 'Cancelled.';
  return (
    <span className="explain-status" role="status" aria-live="polite" data-testid="explain-status">
      {job && <progress max={100} value={pct} aria-label={`${METHOD_LABELS[job.method]} progress`} />}
      {text}
    </span>
  );
}
