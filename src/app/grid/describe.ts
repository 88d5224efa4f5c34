/** Words for what the canvas shows: its accessible name and the window caption. Pure. */

export function formatMs(ms: number): string {
  return `${Math.round(ms)}`;
}

/** "QRS-T window: 1234–1634 ms" */
export function windowCaption(startMs: number, durationMs: number): string {
  return `QRS-T window: ${formatMs(startMs)}–${formatMs(startMs + durationMs)} ms`;
}

export interface EcgDescription {
  caseTitle: string;
  leads: readonly string[];
  durationMs: number;
  mmPerS: number;
  mmPerMv: number;
  windowStartMs: number;
  windowMs: number;
  qrsCount: number;
  trace: 'filtered' | 'recorded';
}

export function ecgAriaLabel(d: EcgDescription): string {
  const seconds = (d.durationMs / 1000).toFixed(d.durationMs % 1000 === 0 ? 0 : 1);
  const trace = d.trace === 'filtered' ? 'band-pass filtered' : 'as recorded';
  return (
    `${d.leads.length}-lead ECG, ${d.caseTitle}. Leads ${d.leads.join(', ')}. ` +
    `${seconds} s at ${d.mmPerS} mm/s and ${d.mmPerMv} mm/mV, ${trace}. ` +
    `${d.qrsCount} QRS onsets marked. ${windowCaption(d.windowStartMs, d.windowMs)}.`
  );
}
