import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../../core/ecg/types';
import {
  CSS_PX_PER_MM,
  DEFAULT_GRID_SPEC,
  rowSpacingForGain,
  type GridSpec,
  computeGridLayout,
  msToX,
  mvToY,
  snapToDevicePixel,
  xToMs,
} from './layout';

const spec = (over: Partial<GridSpec> = {}): GridSpec => ({
  ...DEFAULT_GRID_SPEC,
  durationMs: 10_000,
  leads: STANDARD_LEADS,
  ...over,
});

describe('computeGridLayout — calibration', () => {
  const m = computeGridLayout(spec());
  const mm = 96 / 25.4;

  it('uses the CSS millimetre by default', () => {
    expect(CSS_PX_PER_MM).toBeCloseTo(3.779527559, 9);
    expect(m.pxPerMm).toBe(CSS_PX_PER_MM);
  });

  it('maps time at 25 mm/s: 1 s = 25 mm, 200 ms = 5 mm, 40 ms = 1 mm', () => {
    expect(m.pxPerMs).toBeCloseTo((25 * mm) / 1000, 12);
    expect(msToX(m, 1000) - msToX(m, 0)).toBeCloseTo(25 * mm, 9);
    expect(msToX(m, 200) - msToX(m, 0)).toBeCloseTo(5 * mm, 9);
    expect(msToX(m, 40) - msToX(m, 0)).toBeCloseTo(1 * mm, 9);
  });

  it('maps voltage at 10 mm/mV, up is positive', () => {
    const row = m.rows[3];
    expect(m.pxPerMv).toBeCloseTo(10 * mm, 12);
    expect(mvToY(m, row, 0)).toBe(row.baselineY);
    expect(mvToY(m, row, 1)).toBeCloseTo(row.baselineY - 10 * mm, 9);
    expect(mvToY(m, row, -0.5)).toBeCloseTo(row.baselineY + 5 * mm, 9);
  });

  it('puts t = 0 after the left margin and the whole 10 s record on 250 mm', () => {
    expect(m.originX).toBeCloseTo(20 * mm, 9);
    expect(m.endX - m.originX).toBeCloseTo(250 * mm, 9);
    expect(m.widthPx).toBeCloseTo((20 + 250 + 5) * mm, 9);
  });

  it('xToMs inverts msToX', () => {
    for (const ms of [0, 1, 399.5, 1234, 10_000]) expect(xToMs(m, msToX(m, ms))).toBeCloseTo(ms, 9);
  });

  it('scales everything with the single pxPerMm parameter', () => {
    const big = computeGridLayout(spec({ pxPerMm: 10 }));
    expect(big.pxPerMs).toBeCloseTo(0.25, 12);
    expect(big.pxPerMv).toBeCloseTo(100, 12);
    expect(big.widthPx / m.widthPx).toBeCloseTo(10 / mm, 9);
    expect(big.heightPx / m.heightPx).toBeCloseTo(10 / mm, 9);
  });
});

describe('computeGridLayout — rows', () => {
  const m = computeGridLayout(spec());
  const mm = m.pxPerMm;

  it('has one row per lead, in order, 15 mm apart', () => {
    expect(m.rows.map((r) => r.lead)).toEqual([...STANDARD_LEADS]);
    for (let i = 1; i < m.rows.length; i++) {
      expect(m.rows[i].baselineY - m.rows[i - 1].baselineY).toBeCloseTo(15 * mm, 9);
      expect(m.rows[i].top).toBeCloseTo(m.rows[i - 1].bottom, 9); // bands tile the grid
    }
  });

  it('keeps baselines on 5 mm lines counted from the top of the grid', () => {
    for (const r of m.rows) {
      const mmFromTop = (r.baselineY - m.gridTop) / mm;
      expect(mmFromTop / 5).toBeCloseTo(Math.round(mmFromTop / 5), 9);
    }
  });

  it('leaves 10 mm of paper above the first and below the last baseline, then the label strips', () => {
    expect(m.rows[0].baselineY - m.gridTop).toBeCloseTo(10 * mm, 9);
    expect(m.gridBottom - m.rows[11].baselineY).toBeCloseTo(10 * mm, 9);
    expect(m.gridTop).toBeCloseTo(10 * mm, 9);
    expect(m.heightPx - m.gridBottom).toBeCloseTo(6 * mm, 9);
    expect(m.heightPx).toBeCloseTo((10 + 10 + 11 * 15 + 10 + 6) * mm, 9);
  });
});

describe('computeGridLayout — input checks', () => {
  it('refuses non-positive scales', () => {
    expect(() => computeGridLayout(spec({ pxPerMm: 0 }))).toThrow(RangeError);
    expect(() => computeGridLayout(spec({ mmPerS: -25 }))).toThrow(RangeError);
    expect(() => computeGridLayout(spec({ durationMs: Number.NaN }))).toThrow(RangeError);
  });

  it('handles no leads', () => {
    const m = computeGridLayout(spec({ leads: [] }));
    expect(m.rows).toEqual([]);
    expect(m.gridBottom).toBeGreaterThan(m.gridTop);
  });
});

describe('snapToDevicePixel', () => {
  it('lands on device pixel centres', () => {
    expect(snapToDevicePixel(10.2, 1)).toBe(10.5);
    expect(snapToDevicePixel(10.2, 2)).toBe(10.25);
    expect(Math.abs(snapToDevicePixel(37.795, 1) - 37.795)).toBeLessThanOrEqual(0.5);
  });
});

describe('rowSpacingForGain', () => {
  it('keeps 15 mm rows up to 10 mm/mV and makes room for the 20 mm pulse at 20 mm/mV', () => {
    expect(rowSpacingForGain(5)).toEqual({ rowSpacingMm: 15, gridPadMm: 10 });
    expect(rowSpacingForGain(10)).toEqual({ rowSpacingMm: 15, gridPadMm: 10 });
    const g20 = rowSpacingForGain(20);
    expect(g20.rowSpacingMm).toBeGreaterThanOrEqual(20 + 5); // pulse + gap: the next row's pulse starts below
    expect(g20.gridPadMm).toBeGreaterThan(20); // the first pulse stays below the top strip
  });
});
