/**
 * Where things go on ECG paper, in CSS pixels. Pure: no DOM, no React.
 *
 * The paper is calibrated in millimetres (25 mm/s, 10 mm/mV) and `pxPerMm` is the one knob that maps
 * paper to screen. Every margin is a whole number of millimetres so the 1 mm / 5 mm grid lines up with
 * t = 0 and with every row's baseline.
 */

/** CSS reference millimetre: 96 CSS px per inch. True size on a real monitor depends on the display. */
export const CSS_PX_PER_MM = 96 / 25.4;
/** Standard paper speed and gain. */
export const PAPER_SPEED_MM_PER_S = 25;
export const GAIN_MM_PER_MV = 10;

export interface GridSpec {
  /** CSS px per paper millimetre. */
  pxPerMm: number;
  mmPerS: number;
  mmPerMv: number;
  /** Length of the record drawn, ms. */
  durationMs: number;
  /** Lead names, one row each, top to bottom (when `rows` is absent: one full-length cell per lead). */
  leads: readonly string[];
  /** Rows of cells: which lead shows in which stretch of time on each row (3×4, 6×2, rhythm strips). */
  rows?: readonly RowCells[];
  /** Record time at x = originX, ms: 0 for whole-record layouts, the window start for the window layout. */
  offsetMs?: number;
  /** Baseline to baseline. */
  rowSpacingMm: number;
  /** Room left of t = 0 for the lead label and the calibration pulse. */
  leftMarginMm: number;
  rightMarginMm: number;
  /** Unruled strip above the grid: window label and QRS onset ticks. */
  topStripMm: number;
  /** Ruled paper above the first baseline and below the last one. */
  gridPadMm: number;
  /** Unruled strip below the grid: time axis labels. */
  bottomStripMm: number;
}

export const DEFAULT_GRID_SPEC: Omit<GridSpec, 'durationMs' | 'leads'> = {
  pxPerMm: CSS_PX_PER_MM,
  mmPerS: PAPER_SPEED_MM_PER_S,
  mmPerMv: GAIN_MM_PER_MV,
  rowSpacingMm: 15,
  leftMarginMm: 20,
  rightMarginMm: 5,
  topStripMm: 10,
  gridPadMm: 10,
  bottomStripMm: 6,
};

/**
 * Baseline-to-baseline spacing and the ruled pad above the first row for a gain: a 1 mV calibration pulse (mmPerMv
 * tall) plus a 5 mm gap must fit between rows, and the top pulse must stay on the ruled paper. 10 mm/mV keeps the
 * classic 15 mm rows; 20 mm/mV gets 25 mm rows, so rows and pulses never collide.
 */
export function rowSpacingForGain(mmPerMv: number): { rowSpacingMm: number; gridPadMm: number } {
  return {
    rowSpacingMm: Math.max(DEFAULT_GRID_SPEC.rowSpacingMm, mmPerMv + 5),
    gridPadMm: mmPerMv > DEFAULT_GRID_SPEC.gridPadMm ? mmPerMv + 2 : DEFAULT_GRID_SPEC.gridPadMm,
  };
}

/** One stretch of one lead on a row: record time [fromMs, toMs), drawn at its own time on the shared axis. */
export interface Cell {
  /** Index of the lead in the trace inputs (standard order). */
  lead: number;
  label: string;
  fromMs: number;
  toMs: number;
}

export interface RowCells {
  cells: readonly Cell[];
}

export interface RowMetrics {
  index: number;
  /** The first cell's label (the lead of a one-cell row). */
  lead: string;
  cells: readonly Cell[];
  /** y of 0 mV. */
  baselineY: number;
  /** The row's own band: half a row spacing either side of the baseline (traces may overlap it). */
  top: number;
  bottom: number;
}

export interface GridMetrics {
  spec: GridSpec;
  widthPx: number;
  heightPx: number;
  pxPerMm: number;
  pxPerMs: number;
  pxPerMv: number;
  /** x of t = 0. */
  originX: number;
  /** x of t = durationMs. */
  endX: number;
  /** Record time at originX, ms. */
  offsetMs: number;
  /** The ruled area spans the full width between these two y values. */
  gridTop: number;
  gridBottom: number;
  rows: RowMetrics[];
}

export function computeGridLayout(spec: GridSpec): GridMetrics {
  if (!(spec.pxPerMm > 0) || !(spec.mmPerS > 0) || !(spec.mmPerMv > 0)) {
    throw new RangeError('pxPerMm, mmPerS and mmPerMv must be positive');
  }
  if (!(spec.durationMs >= 0)) throw new RangeError('durationMs must be ≥ 0');
  const mm = spec.pxPerMm;
  const pxPerMs = (spec.mmPerS * mm) / 1000;
  const pxPerMv = spec.mmPerMv * mm;
  const originX = spec.leftMarginMm * mm;
  const endX = originX + spec.durationMs * pxPerMs;
  const gridTop = spec.topStripMm * mm;
  const firstBaseline = gridTop + spec.gridPadMm * mm;
  const rowSpacing = spec.rowSpacingMm * mm;
  const offsetMs = spec.offsetMs ?? 0;
  const rowCells: readonly RowCells[] =
    spec.rows ??
    spec.leads.map((label, lead) => ({ cells: [{ lead, label, fromMs: offsetMs, toMs: offsetMs + spec.durationMs }] }));
  const rows = rowCells.map(({ cells }, index) => {
    const baselineY = firstBaseline + index * rowSpacing;
    return {
      index,
      lead: cells[0]?.label ?? '',
      cells,
      baselineY,
      top: baselineY - rowSpacing / 2,
      bottom: baselineY + rowSpacing / 2,
    };
  });
  const lastBaseline = firstBaseline + Math.max(0, rows.length - 1) * rowSpacing;
  const gridBottom = lastBaseline + spec.gridPadMm * mm;
  return {
    spec,
    widthPx: endX + spec.rightMarginMm * mm,
    heightPx: gridBottom + spec.bottomStripMm * mm,
    pxPerMm: mm,
    pxPerMs,
    pxPerMv,
    originX,
    endX,
    offsetMs,
    gridTop,
    gridBottom,
    rows,
  };
}

/** x (CSS px) of a time in ms from the record start. */
export function msToX(m: GridMetrics, ms: number): number {
  return m.originX + (ms - m.offsetMs) * m.pxPerMs;
}

export function xToMs(m: GridMetrics, x: number): number {
  return m.offsetMs + (x - m.originX) / m.pxPerMs;
}

/** y (CSS px) of a voltage in mV on a row; up is positive. */
export function mvToY(m: GridMetrics, row: RowMetrics, mv: number): number {
  return row.baselineY - mv * m.pxPerMv;
}

/** Snap a CSS coordinate to the centre of a device pixel so 1-device-px lines stay crisp. */
export function snapToDevicePixel(css: number, devicePxPerCssPx: number): number {
  return (Math.floor(css * devicePxPerCssPx) + 0.5) / devicePxPerCssPx;
}
