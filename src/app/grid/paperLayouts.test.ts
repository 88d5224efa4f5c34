import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { recordingContext } from '../testing/recordingContext';
import { drawEcgTraces } from './drawTraces';
import { DEFAULT_GRID_SPEC, computeGridLayout, msToX } from './layout';
import { paperRows } from './paperLayouts';

const win = { startMs: 3472, durationMs: 400 };

describe('paper layouts', () => {
  it('3×4 + II: three rows of four 2.5 s columns in time order, then a 10 s lead II rhythm strip', () => {
    const { rows, offsetMs, durationMs } = paperRows('3x4', 10_000, win);
    expect(rows.map((r) => r.cells.map((c) => c.label))).toEqual([
      ['I', 'aVR', 'V1', 'V4'],
      ['II', 'aVL', 'V2', 'V5'],
      ['III', 'aVF', 'V3', 'V6'],
      ['II'],
    ]);
    expect(rows[0].cells.map((c) => [c.fromMs, c.toMs])).toEqual([
      [0, 2500],
      [2500, 5000],
      [5000, 7500],
      [7500, 10_000],
    ]);
    expect(rows[3].cells[0]).toMatchObject({ lead: STANDARD_LEADS.indexOf('II'), fromMs: 0, toMs: 10_000 });
    expect([offsetMs, durationMs]).toEqual([0, 10_000]);
    for (const r of rows) for (const c of r.cells) expect(STANDARD_LEADS[c.lead]).toBe(c.label);
  });

  it('6×2: limb leads over the first half, chest leads over the second', () => {
    const { rows } = paperRows('6x2', 10_000, win);
    expect(rows).toHaveLength(6);
    expect(rows[3].cells.map((c) => [c.label, c.fromMs, c.toMs])).toEqual([
      ['aVR', 0, 5000],
      ['V4', 5000, 10_000],
    ]);
  });

  it('window 12×1: the 400 ms from the window start, with the time axis starting there', () => {
    const p = paperRows('window', 10_000, win);
    const m = computeGridLayout({ ...DEFAULT_GRID_SPEC, leads: STANDARD_LEADS, ...p });
    expect(m.rows).toHaveLength(12);
    expect(msToX(m, 3472)).toBeCloseTo(m.originX, 9);
    expect(msToX(m, 3872)).toBeCloseTo(m.endX, 9);
  });

  it('draws each cell only over its own stretch of time', () => {
    const m = computeGridLayout({ ...DEFAULT_GRID_SPEC, leads: STANDARD_LEADS, ...paperRows('3x4', 10_000, win) });
    const fsHz = 500;
    // Lead k's value is k + 1 mV everywhere, so a point's row and lead can be read back from its y.
    const leads = STANDARD_LEADS.map((_, k) => ({ samplesMv: new Float32Array(5000).fill(k + 1), fsHz }));
    const { ctx, of } = recordingContext();
    drawEcgTraces(ctx, m, leads);
    const xs = (lead: string, rowIndex: number) => {
      const row = m.rows[rowIndex];
      const y = row.baselineY - (STANDARD_LEADS.indexOf(lead as never) + 1) * m.pxPerMv;
      return [...of('moveTo'), ...of('lineTo')]
        .filter((c) => Math.abs((c.args[1] as number) - y) < 1e-6)
        .map((c) => c.args[0] as number);
    };
    const aVR = xs('aVR', 0);
    expect(Math.min(...aVR)).toBeCloseTo(msToX(m, 2500), 6);
    expect(Math.max(...aVR)).toBeLessThan(msToX(m, 5000));
    const rhythm = xs('II', 3);
    expect(Math.min(...rhythm)).toBeCloseTo(msToX(m, 0), 6);
    expect(Math.max(...rhythm)).toBeGreaterThan(msToX(m, 9990));
  });
});
