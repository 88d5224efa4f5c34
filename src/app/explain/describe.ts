import type { ModelReady } from '../../worker/protocol';
import { formatMs } from '../inference/describe';

/** "Backend wasm, fastest of: wasm 9 ms, cpu 420 ms per input gradient (webgpu: software GPU, not timed)". */
export function describeBackendChoice(m: Pick<ModelReady, 'backend' | 'choice' | 'timings'>): string {
  if (m.choice === 'requested') return `Backend ${m.backend}, as asked for (?backend=${m.backend}).`;
  const timed = m.timings
    .filter((t) => t.gradientMs !== null)
    .map((t) => `${t.backend} ${formatMs(t.gradientMs!)}${t.note.startsWith('first run') ? ' (first run)' : ''}`);
  const untimed = m.timings.filter((t) => t.gradientMs === null).map((t) => `${t.backend}: ${t.note}`);
  if (m.choice === 'only-candidate' || timed.length < 2)
    return `Backend ${m.backend}, the only one that started here${untimed.length ? ` (${untimed.join('; ')})` : ''}.`;
  return `Backend ${m.backend}, the fastest measured here: ${timed.join(', ')} per input gradient${untimed.length ? ` (${untimed.join('; ')})` : ''}.`;
}

/** Completeness in words: how far Σ attributions is from f(x) − f(x′), per class. */
export function describeDelta(delta: readonly [number, number]): string {
  const f = (v: number) => (Math.abs(v) < 1e-3 ? v.toExponential(1) : v.toFixed(3));
  return `Completeness: Σ attributions − (f(x) − f(baseline)) = ${f(delta[0])} (normal), ${f(delta[1])} (abnormal).`;
}
