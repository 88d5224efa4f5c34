import { METHOD_LABELS } from '../../core/xai/catalogue';
import { modelLabel } from '../inference/modelText';
import { selectExplanation } from '../store/explainSlice';
import { useAppStore } from '../store/useAppStore';

/** Printed only: the method and the settings the explanation on the page was made with, and how it is displayed. */
export function PrintSettings() {
  const explanation = useAppStore(selectExplanation);
  const display = useAppStore((s) => s.attributionDisplay);
  const meta = useAppStore((s) => (explanation ? (s.models[explanation.source]?.meta ?? null) : null));
  const threshold = useAppStore((s) => s.threshold);
  const mmPerS = useAppStore((s) => s.mmPerS);
  const mmPerMv = useAppStore((s) => s.mmPerMv);
  const trace = useAppStore((s) => s.trace);
  const paper = `Paper ${mmPerS} mm/s, ${mmPerMv} mm/mV, ${trace === 'filtered' ? 'band-passed 0.5–40 Hz' : 'as recorded'}.`;
  if (!explanation) return <p className="print-only print-settings">Not explained yet. {paper}</p>;
  const params = Object.entries(explanation.params)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return (
    <p className="print-only print-settings" data-testid="print-settings">
      Method: {METHOD_LABELS[explanation.method]} of the {modelLabel(meta)} ({params}) on {explanation.backend}; shown
      as {display === 'signed' ? 'signed Φ' : `${display} Φ`}, curves threshold {threshold.toFixed(2)}. {paper}
    </p>
  );
}
