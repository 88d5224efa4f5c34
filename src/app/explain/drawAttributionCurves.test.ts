import { describe, expect, it } from 'vitest';
import { recordingContext } from '../testing/recordingContext';
import type { AttributionView } from './attributionView';
import { CURVE_ROW_HEIGHT, drawAttributionCurves, fractionAbove } from './drawAttributionCurves';

const view: AttributionView = {
  T: 4,
  C: 2,
  cells: Float32Array.from([0.2, -1, 0.9, 0, 0.1, 0.5, 0, 0.3]),
  mapped: new Float32Array(4),
  scale: 1,
  display: 'absolute',
};

describe('attribution curves (paper Fig. 3)', () => {
  it('keeps the samples above the threshold, by magnitude', () => {
    expect(fractionAbove(view, 0.4)).toBe(3 / 8); // 1, 0.9, 0.5
    expect(fractionAbove(view, 0)).toBe(6 / 8);
    expect(fractionAbove(view, 1)).toBe(0);
  });

  it('draws one bar per sample and lead, darker above the threshold, and a dotted threshold line per lead', () => {
    const { ctx, of } = recordingContext();
    drawAttributionCurves(ctx, view, ['I', 'II'], null, 500, 400, 0.4);
    const bars = of('fillRect').filter(
      (c) => (c.args[3] as number) > 0 && (c.args[1] as number) < 2 * CURVE_ROW_HEIGHT && c.args[2] !== 400,
    );
    const dark = bars.filter((c) => String(c.fillStyle).startsWith('rgba(29, 78, 216'));
    expect(dark).toHaveLength(3);
    const tallest = Math.max(...bars.map((c) => c.args[3] as number));
    expect(tallest).toBeCloseTo(CURVE_ROW_HEIGHT - 6, 6); // magnitude 1 fills the row's plot height
    expect(of('moveTo').length).toBeGreaterThanOrEqual(2);
  });
});
