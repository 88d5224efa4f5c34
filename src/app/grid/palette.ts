/** Colours of the ECG paper. Classic pink/red ruling, near-black ink, one calm blue accent for the window. */
export const PAPER = {
  background: '#ffffff',
  minorLine: '#f5c8c8',
  majorLine: '#e38c8c',
  trace: '#111827',
  label: '#111827',
  axisText: '#4b5563',
  qrsTick: '#334155',
  windowFill: 'rgba(29, 78, 216, 0.10)',
  windowEdge: 'rgba(29, 78, 216, 0.90)',
  windowText: '#1d4ed8',
} as const;

export const PAPER_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Line widths in CSS px, chosen to read well at 1× and 2× device pixel ratios. */
export const STROKE = {
  trace: 1.2,
  calibration: 1.2,
  windowEdge: 1,
  qrsTick: 1.5,
} as const;
