import { STANDARD_LEADS } from '../../core/ecg/types';
import type { Cell, RowCells } from './layout';

/** The printed formats a cardiologist expects: the whole record 12×1, 3×4 with a lead II rhythm strip, 6×2; and the model's window 12×1. */
export type PaperLayout = '12x1' | '3x4' | '6x2' | 'window';

export const PAPER_LAYOUTS: Array<{ value: PaperLayout; label: string }> = [
  { value: '3x4', label: '3×4 + II' },
  { value: '6x2', label: '6×2' },
  { value: '12x1', label: '12×1' },
  { value: 'window', label: 'Window 12×1' },
];

const lead = (name: string) => STANDARD_LEADS.indexOf(name as (typeof STANDARD_LEADS)[number]);

function columns(names: string[][], durationMs: number): RowCells[] {
  const cols = names[0].length;
  const colMs = durationMs / cols;
  return names.map((row) => ({
    cells: row.map((n, k): Cell => ({ lead: lead(n), label: n, fromMs: k * colMs, toMs: (k + 1) * colMs })),
  }));
}

/**
 * Rows and time span for a layout. Columns follow each other in time (as printed by electrocardiographs):
 * in 3×4 the first column is 0–2.5 s, the second 2.5–5 s…; in 6×2 limb leads 0–5 s, chest leads 5–10 s.
 */
export function paperRows(
  layout: PaperLayout,
  durationMs: number,
  window: { startMs: number; durationMs: number },
): { rows: RowCells[]; offsetMs: number; durationMs: number } {
  switch (layout) {
    case '3x4':
      return {
        rows: [
          ...columns(
            [
              ['I', 'aVR', 'V1', 'V4'],
              ['II', 'aVL', 'V2', 'V5'],
              ['III', 'aVF', 'V3', 'V6'],
            ],
            durationMs,
          ),
          { cells: [{ lead: lead('II'), label: 'II', fromMs: 0, toMs: durationMs }] },
        ],
        offsetMs: 0,
        durationMs,
      };
    case '6x2':
      return {
        rows: columns(
          [
            ['I', 'V1'],
            ['II', 'V2'],
            ['III', 'V3'],
            ['aVR', 'V4'],
            ['aVL', 'V5'],
            ['aVF', 'V6'],
          ],
          durationMs,
        ),
        offsetMs: 0,
        durationMs,
      };
    case '12x1':
      return {
        rows: STANDARD_LEADS.map((n, i) => ({ cells: [{ lead: i, label: n, fromMs: 0, toMs: durationMs }] })),
        offsetMs: 0,
        durationMs,
      };
    case 'window': {
      const { startMs, durationMs: w } = window;
      return {
        rows: STANDARD_LEADS.map((n, i) => ({ cells: [{ lead: i, label: n, fromMs: startMs, toMs: startMs + w }] })),
        offsetMs: startMs,
        durationMs: w,
      };
    }
  }
}
