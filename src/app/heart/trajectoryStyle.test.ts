import { describe, expect, it } from 'vitest';
import { QRS_REGION_MS } from '../../core/constants';
import { divergingColor } from '../color/diverging';
import { lastSampleMs, NEUTRAL_RGB, pointAtMs, QRS_RADIUS_MM, srgbToLinear, STT_RADIUS_MM, timeLabels, trajectoryColors, trajectoryRadii } from './trajectoryStyle';

describe('trajectory style', () => {
  it('colours by Φ_d: −1 blue (normal), +1 red (abnormal), in linear RGB; grey without an explanation', () => {
    const c = trajectoryColors(3, [-1, 0, 1]);
    const lin = (rgb: readonly number[]) => rgb.map(srgbToLinear);
    expect(Array.from(c.subarray(0, 3))).toEqual(lin(divergingColor(-1)).map((v) => expect.closeTo(v, 6)));
    expect(Array.from(c.subarray(6, 9))).toEqual(lin(divergingColor(1)).map((v) => expect.closeTo(v, 6)));
    expect(c[2]).toBeGreaterThan(c[0]); // blue end
    expect(c[6]).toBeGreaterThan(c[8]); // red end
    const g = trajectoryColors(2, null);
    expect(Array.from(g.subarray(3, 6))).toEqual(lin(NEUTRAL_RGB).map((v) => expect.closeTo(v, 6)));
  });

  it('sRGB → linear matches the standard curve at its ends and middle', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(255)).toBeCloseTo(1, 9);
    expect(srgbToLinear(188)).toBeCloseTo(0.5029, 3);
  });

  it('picks the nearest Φ_d sample when the lengths differ', () => {
    const c = trajectoryColors(4, [1, -1]);
    expect(c[0]).toBeGreaterThan(c[2]); // t=0 → Φ=+1, red
    expect(c[3 * 3 + 2]).toBeGreaterThan(c[3 * 3]); // t=3 → Φ=−1, blue
  });

  it('QRS (0–150 ms) is thicker than ST-T', () => {
    const r = trajectoryRadii(200, 500);
    expect(r[0]).toBeCloseTo(QRS_RADIUS_MM, 6);
    expect(r[(QRS_REGION_MS * 500) / 1000 - 1]).toBeCloseTo(QRS_RADIUS_MM, 6);
    expect(r[(QRS_REGION_MS * 500) / 1000]).toBeCloseTo(STT_RADIUS_MM, 6);
    expect(QRS_RADIUS_MM).toBeGreaterThan(STT_RADIUS_MM);
  });

  it('labels every 50 ms inside the window, naming the segment starts', () => {
    const labels = timeLabels(200, 500);
    expect(labels.map((l) => l.ms)).toEqual([0, 50, 100, 150, 200, 250, 300, 350]);
    expect(labels.map((l) => l.sample)).toEqual([0, 25, 50, 75, 100, 125, 150, 175]);
    expect(labels.filter((l) => l.segment).map((l) => l.text)).toEqual(['QRS · 0', 'ST-T · 150']);
  });

  it('interpolates the cursor point between samples and clamps to the window', () => {
    const pts = Float32Array.from([0, 0, 0, 10, 0, 0, 10, 20, 0]); // 3 samples at 500 Hz: 0, 2, 4 ms
    expect(pointAtMs(pts, 500, 1)).toEqual([5, 0, 0]);
    expect(pointAtMs(pts, 500, 3)).toEqual([10, 10, 0]);
    expect(pointAtMs(pts, 500, -5)).toEqual([0, 0, 0]);
    expect(pointAtMs(pts, 500, 99)).toEqual([10, 20, 0]);
    expect(pointAtMs(Float32Array.from([1, 2, 3]), 500, 7)).toEqual([1, 2, 3]);
    expect(lastSampleMs({ points: pts, fsHz: 500 })).toBe(4);
  });
});
