import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../../core/ecg/types';
import type { AttributionView } from '../explain/attributionView';
import { recordingContext } from '../testing/recordingContext';
import { drawAttributionOverlay } from './drawAttributionOverlay';
import { DEFAULT_GRID_SPEC, computeGridLayout, msToX } from './layout';

const m = computeGridLayout({ ...DEFAULT_GRID_SPEC, durationMs: 10_000, leads: STANDARD_LEADS });

describe('drawAttributionOverlay', () => {
  it('shades only non-zero cells, in their lead row, at their time in the record; red for +, blue for −', () => {
    const T = 4;
    const C = 12;
    const cells = new Float32Array(T * C);
    cells[1 * C + 0] = 1; // lead I, sample 1: strongest evidence for abnormal
    cells[3 * C + 11] = -0.5; // V6, sample 3: evidence for normal
    const view: AttributionView = { T, C, cells, mapped: new Float32Array(T), scale: 1, display: 'signed' };
    const { ctx, of } = recordingContext();
    drawAttributionOverlay(ctx, m, { startMs: 1000, fsHz: 500, view });
    const rects = of('fillRect');
    expect(rects).toHaveLength(2);
    const [a, b] = rects;
    expect(a.args[0]).toBeCloseTo(msToX(m, 1002)); // sample 1 at 500 Hz = 2 ms after the window start
    expect(a.args[1]).toBeCloseTo(m.rows[0].top + 1);
    expect(String(a.fillStyle)).toMatch(/^rgba\(103, 0, 31, 0\.7\)$/);
    expect(b.args[0]).toBeCloseTo(msToX(m, 1006));
    expect(b.args[1]).toBeCloseTo(m.rows[11].top + 1);
    const [r, , bl] = String(b.fillStyle).match(/\d+/g)!.map(Number);
    expect(bl).toBeGreaterThan(r);
  });
});
