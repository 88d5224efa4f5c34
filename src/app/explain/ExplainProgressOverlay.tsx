import { useEffect, useRef, useState } from 'react';
import { METHOD_LABELS } from '../../core/xai/catalogue';
import { useServices } from '../services/AppServices';
import { useAppStore } from '../store/useAppStore';
import { describeDuration } from './estimate';

/** Remaining time from the progress so far (after 5 %), else from the estimate made before the start. */
export function remainingMs(elapsedMs: number, fraction: number, estimateMs: number | null): number | null {
  if (fraction >= 0.05) return (elapsedMs * (1 - fraction)) / fraction;
  return estimateMs === null ? null : Math.max(0, estimateMs - elapsedMs);
}

/**
 * Progress where the user is looking: a card over the grid and the heart while an explanation runs, with the time
 * left and Cancel. The live region with the same facts is in the explain bar (ExplainStatus); this card is visual.
 */
export function ExplainProgressOverlay({ estimateMs }: { estimateMs: number | null }) {
  const controller = useServices().explain;
  const job = useAppStore((s) => s.explainJob);
  const progress = useAppStore((s) => s.explainProgress);
  const started = useRef<{ id: number; at: number; estimateMs: number | null } | null>(null);
  const [now, setNow] = useState(() => performance.now());
  if (job && started.current?.id !== job.id) started.current = { id: job.id, at: performance.now(), estimateMs };
  useEffect(() => {
    if (!job) return;
    const t = window.setInterval(() => setNow(performance.now()), 1000); // the time left, once a second
    return () => window.clearInterval(t);
  }, [job]);
  if (!job || !started.current) return null;
  const fraction = progress?.fraction ?? 0;
  const left = remainingMs(Math.max(0, now - started.current.at), fraction, started.current.estimateMs);
  return (
    <div className="explain-overlay" data-testid="explain-overlay">
      <p className="explain-overlay-title">
        Explaining with {METHOD_LABELS[job.method]}… <strong>{Math.round(fraction * 100)}%</strong>
      </p>
      <div className="explain-overlay-bar" aria-hidden="true">
        <span style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <p className="muted explain-overlay-eta">
        {left === null ? 'Measuring the speed of this backend…' : `${describeDuration(left)} left`}
      </p>
      <button type="button" className="button" onClick={() => controller?.cancel()}>
        Cancel
      </button>
    </div>
  );
}
