import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { caliperReading, describeCaliper, caliperTextPlace } from './calipers';
import { DEFAULT_GRID_SPEC, computeGridLayout, msToX } from './layout';

describe('calipers', () => {
  const m = computeGridLayout({ ...DEFAULT_GRID_SPEC, durationMs: 10_000, leads: STANDARD_LEADS });
  it('read time, heart rate and voltage at the paper calibration (25 mm/s, 10 mm/mV)', () => {
    const y0 = m.rows[1].baselineY;
    // 20 mm apart = 800 ms = 75 bpm; 12 mm up = 1.2 mV
    const r = caliperReading(
      m,
      { x: msToX(m, 1000), y: y0 },
      { x: msToX(m, 1000) + 20 * m.pxPerMm, y: y0 - 12 * m.pxPerMm },
    );
    expect(r.dtMs).toBeCloseTo(800, 9);
    expect(r.bpm).toBeCloseTo(75, 9);
    expect(r.dMv).toBeCloseTo(1.2, 9);
    expect(describeCaliper(r)).toBe('Δt 800 ms (75 bpm) · ΔV +1.20 mV');
  });
  it('is symmetric in time, signed in voltage, and gives no rate for a vertical caliper', () => {
    const r = caliperReading(m, { x: 300, y: 100 }, { x: 300, y: 120 });
    expect(r.dtMs).toBe(0);
    expect(r.bpm).toBeNull();
    expect(r.dMv).toBeLessThan(0);
    expect(describeCaliper(r)).toMatch(/^Δt 0 ms · ΔV −0\.\d\d mV$/);
  });
});

describe('caliperTextPlace', () => {
  const m = { originX: 75.6, widthPx: 1040 };
  it('puts the text right of the caliper, or left of it near the right edge, never over the lead labels', () => {
    expect(caliperTextPlace(m, 300, 400)).toEqual({ x: 406, textAnchor: 'start' });
    expect(caliperTextPlace(m, 900, 1000)).toEqual({ x: 894, textAnchor: 'end' });
    expect(caliperTextPlace(m, 10, 40).x).toBeGreaterThanOrEqual(m.originX); // a caliper over the label column
  });
});
