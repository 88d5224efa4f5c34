import { useAppStore } from '../store/useAppStore';
import { type Estimate, estimateExplainMs } from './estimate';

/** The estimate for the method and parameters chosen now, on the backend the worker runs. */
export function useExplainEstimate(): Estimate | null {
  const method = useAppStore((s) => s.explainMethod);
  const params = useAppStore((s) => s.explainParams[s.explainMethod]);
  const loaded = useAppStore((s) => s.loadedModel);
  const timings = useAppStore((s) => s.explainTimings);
  if (!loaded) return null;
  return estimateExplainMs(method, params, loaded.backend, loaded.timings, timings);
}
