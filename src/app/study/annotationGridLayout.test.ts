import { describe, expect, it } from 'vitest';
import { CSS_PX_PER_MM, msToX } from '../grid/layout';
import { annotationLayout, hitTest } from './annotationGridLayout';

describe('annotation grid layout', () => {
  it('draws the 400 ms window at 250 mm/s: 100 mm of paper, one row per lead, time 0 at the window start', () => {
    const m = annotationLayout(10_000, 10_000);
    expect(m.rows.map((r) => r.lead)).toEqual([
      'I',
      'II',
      'III',
      'aVR',
      'aVL',
      'aVF',
      'V1',
      'V2',
      'V3',
      'V4',
      'V5',
      'V6',
    ]);
    expect((m.endX - m.originX) / m.pxPerMm).toBeCloseTo(100, 9);
    expect(m.offsetMs).toBe(0);
  });
  it('fits the smaller of width and height, never below 0.8 CSS millimetres', () => {
    expect(annotationLayout(10_000, 500).heightPx).toBeLessThanOrEqual(500.0001);
    expect(annotationLayout(100, 100).pxPerMm).toBeCloseTo(0.8 * CSS_PX_PER_MM, 12);
  });
  it('finds the lead and the time under the pointer', () => {
    const m = annotationLayout(800, 800);
    const v2 = m.rows[7];
    expect(hitTest(m, msToX(m, 120), v2.baselineY)).toEqual({ row: 7, ms: expect.closeTo(120, 9) });
    expect(hitTest(m, msToX(m, 500), v2.baselineY)?.ms).toBe(400);
    expect(hitTest(m, 10, m.rows[11].bottom + 1)).toBeNull();
  });
});
