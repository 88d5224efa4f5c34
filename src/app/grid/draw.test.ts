import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../../core/ecg/types';
import type { AttributionView } from '../explain/attributionView';
import { recordingContext } from '../testing/recordingContext';
import { syntheticPreparedEcg } from '../testing/syntheticEcg';
import { calibrationPulseGeometry, drawCalibrationPulse } from './drawCalibration';
import { drawEcgGrid } from './drawGrid';
import { drawQrsOnsetTicks, drawWindowMarker, windowBandX } from './drawMarkers';
import { drawEcgTraces } from './drawTraces';
import { DEFAULT_GRID_SPEC, computeGridLayout, msToX, mvToY } from './layout';
import { PAPER } from './palette';
import { composePaper, drawPaperOver } from './renderEcgPaper';

const m = computeGridLayout({ ...DEFAULT_GRID_SPEC, durationMs: 10_000, leads: STANDARD_LEADS });
const mm = m.pxPerMm;

describe('drawEcgGrid', () => {
  const { ctx, of } = recordingContext();
  drawEcgGrid(ctx, m, 1);
  const moves = of('moveTo');
  const vertical = (style: string) =>
    moves.filter((c) => c.strokeStyle === style && c.args[1] === m.gridTop).map((c) => c.args[0] as number);
  const horizontal = (style: string) =>
    moves.filter((c) => c.strokeStyle === style && c.args[0] === 0).map((c) => c.args[1] as number);

  it('rules a 1 mm line across the whole 275 mm width, every fifth one major', () => {
    const minor = vertical(PAPER.minorLine);
    const major = vertical(PAPER.majorLine);
    expect(minor.length + major.length).toBe(276);
    expect(major.length).toBe(56);
  });

  it('puts a major line at t = 0 and every 200 ms (5 mm) after it, within half a pixel', () => {
    const major = vertical(PAPER.majorLine);
    for (let ms = 0; ms <= 10_000; ms += 200) {
      const x = msToX(m, ms);
      expect(Math.min(...major.map((v) => Math.abs(v - x)))).toBeLessThanOrEqual(0.5);
    }
  });

  it('puts a major horizontal line on every baseline and every 0.5 mV', () => {
    const major = horizontal(PAPER.majorLine);
    for (const row of m.rows) {
      for (const mv of [0, 0.5, -0.5]) {
        const y = mvToY(m, row, mv);
        expect(Math.min(...major.map((v) => Math.abs(v - y)))).toBeLessThanOrEqual(0.5);
      }
    }
    expect(major.length + horizontal(PAPER.minorLine).length).toBe(Math.round((m.gridBottom - m.gridTop) / mm) + 1);
  });

  it('paints the paper first', () => {
    const { ctx: c2, calls } = recordingContext();
    drawEcgGrid(c2, m);
    expect(calls[0]).toMatchObject({
      op: 'fillRect',
      args: [0, 0, m.widthPx, m.heightPx],
      fillStyle: PAPER.background,
    });
  });
});

describe('drawCalibrationPulse', () => {
  it('is 1 mV (10 mm) tall and 200 ms (5 mm) wide, before t = 0 on every row', () => {
    for (const row of m.rows) {
      const g = calibrationPulseGeometry(m, row);
      expect(g.baselineY - g.topY).toBeCloseTo(10 * mm, 9);
      expect(g.fallX - g.riseX).toBeCloseTo(5 * mm, 9);
      expect(Math.max(...g.points.map(([x]) => x))).toBeLessThanOrEqual(m.originX);
    }
    const { ctx, of } = recordingContext();
    drawCalibrationPulse(ctx, m);
    expect(of('moveTo')).toHaveLength(12);
    expect(of('stroke')).toHaveLength(1);
  });
});

describe('drawEcgTraces', () => {
  const prepared = syntheticPreparedEcg();
  const leads = prepared.filteredMv.map((samplesMv) => ({ samplesMv, fsHz: prepared.fsHz }));
  const { ctx, calls } = recordingContext();
  drawEcgTraces(ctx, m, leads, 1);

  // Split the recorded path into one polyline per lead (each starts with beginPath).
  const polylines: Array<Array<[number, number]>> = [];
  for (const c of calls) {
    if (c.op === 'beginPath') polylines.push([]);
    if (c.op === 'moveTo' || c.op === 'lineTo') polylines[polylines.length - 1].push(c.args as [number, number]);
  }
  const traces = polylines.filter((p) => p.length > 0);

  it('draws one polyline per lead, spanning the record from t = 0', () => {
    expect(traces).toHaveLength(12);
    for (const t of traces) {
      expect(t[0][0]).toBeCloseTo(m.originX, 9);
      expect(t[t.length - 1][0]).toBeGreaterThan(msToX(m, 9_990));
      expect(t[t.length - 1][0]).toBeLessThanOrEqual(m.endX);
    }
  });

  it('keeps every peak when several samples share a pixel, at 10 mm/mV on the lead’s own row', () => {
    traces.forEach((t, i) => {
      const x = prepared.filteredMv[i];
      let max = -Infinity;
      let min = Infinity;
      for (const v of x) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
      const ys = t.map(([, y]) => y);
      expect(Math.min(...ys)).toBeCloseTo(mvToY(m, m.rows[i], max), 6);
      expect(Math.max(...ys)).toBeCloseTo(mvToY(m, m.rows[i], min), 6);
    });
  });

  it('decimates to about two points per device pixel', () => {
    const columns = (m.endX - m.originX) * 1;
    for (const t of traces) expect(t.length).toBeLessThanOrEqual(2 * columns + 4);
  });

  it('breaks the line at non-finite samples instead of drawing through them', () => {
    const x = new Float32Array(100).fill(0.1);
    x[50] = Number.NaN;
    const r = recordingContext();
    drawEcgTraces(r.ctx, computeGridLayout({ ...DEFAULT_GRID_SPEC, durationMs: 200, leads: ['I'], pxPerMm: 40 }), [
      { samplesMv: x, fsHz: 500 },
    ]);
    expect(r.of('moveTo')).toHaveLength(2);
  });
});

describe('window and onset markers', () => {
  it('bands exactly windowStartMs .. +400 ms over the whole grid', () => {
    const { ctx, of } = recordingContext();
    drawWindowMarker(ctx, m, { startMs: 1234, durationMs: 400, label: 'QRS-T window' });
    const [x, y, w, h] = of('fillRect')[0].args as number[];
    expect(x).toBeCloseTo(msToX(m, 1234), 9);
    expect(w).toBeCloseTo(10 * mm, 9); // 400 ms at 25 mm/s
    expect([y, y + h]).toEqual([m.gridTop, m.gridBottom]);
    expect(windowBandX(m, { startMs: 1234, durationMs: 400 })).toEqual([msToX(m, 1234), msToX(m, 1634)]);
    expect(of('fillText')[0].args[0]).toBe('QRS-T window');
  });

  it('ticks every onset that falls on the record, above the grid', () => {
    const { ctx, of } = recordingContext();
    drawQrsOnsetTicks(ctx, m, [0, 812, 1620.5, -5, 20_000], 1);
    const xs = of('moveTo').map((c) => c.args[0] as number);
    expect(xs).toHaveLength(3);
    [0, 812, 1620.5].forEach((ms, i) => expect(Math.abs(xs[i] - msToX(m, ms))).toBeLessThanOrEqual(0.5));
    for (const c of of('lineTo')) expect(c.args[1] as number).toBeLessThan(m.gridTop);
  });
});

describe('paper layers', () => {
  it('draws the traces, then the window band on top, in the layer over the shading', () => {
    const p = syntheticPreparedEcg();
    const { ctx, calls } = recordingContext();
    drawPaperOver(ctx, m, {
      leads: p.filteredMv.map((samplesMv) => ({ samplesMv, fsHz: p.fsHz })),
      window: { startMs: p.windowStartMs, durationMs: 400, label: 'w' },
      qrsOnsetsMs: p.qrsOnsetsMs,
    });
    const firstTrace = calls.findIndex((c) => c.op === 'stroke' && c.strokeStyle === PAPER.trace);
    const band = calls.findIndex((c) => c.op === 'fillRect' && c.fillStyle === PAPER.windowFill);
    expect(calls.some((c) => c.op === 'fillRect' && c.fillStyle === PAPER.background)).toBe(false); // transparent
    expect(firstTrace).toBeGreaterThan(0);
    expect(band).toBeGreaterThan(firstTrace);
  });

  it('composes paper, then the shading in CSS px, then the layer over it, in device px', () => {
    const { ctx, calls } = recordingContext();
    const under = { name: 'under' } as unknown as CanvasImageSource;
    const over = { name: 'over' } as unknown as CanvasImageSource;
    const T = 200;
    const view: AttributionView = {
      C: 12,
      T,
      cells: new Float32Array(12 * T).fill(0.5),
      mapped: new Float32Array(T),
      scale: 1,
      display: 'signed',
    };
    composePaper(ctx, m, { under, over }, { startMs: 0, fsHz: 500, view }, 2);
    const ops = calls.map((c) => c.op);
    expect(calls[1]).toMatchObject({ op: 'drawImage', args: [under, 0, 0] });
    expect(calls[2]).toMatchObject({ op: 'setTransform', args: [2, 0, 0, 2, 0, 0] });
    expect(ops.filter((o) => o === 'fillRect')).toHaveLength(12 * T);
    expect(calls.at(-1)).toMatchObject({ op: 'drawImage', args: [over, 0, 0] });
    expect(calls.at(-2)).toMatchObject({ op: 'setTransform', args: [1, 0, 0, 1, 0, 0] });
  });

  it('without a map, only the two layers are copied', () => {
    const { ctx, of } = recordingContext();
    composePaper(ctx, m, { under: {} as CanvasImageSource, over: {} as CanvasImageSource }, undefined, 1);
    expect(of('drawImage')).toHaveLength(2);
    expect(of('fillRect')).toHaveLength(0);
  });
});
