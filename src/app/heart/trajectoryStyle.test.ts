import { describe, expect, it } from 'vitest';
import { QRS_REGION_MS } from '../../core/constants';
import { divergingColor } from '../color/diverging';
import {
  lastSampleMs,
  NEUTRAL_RGB,
  pointAtMs,
  QRS_RADIUS_MM,
  type SegmentBounds,
  segmentLegend,
  segmentOfSample,
  segmentSpans,
  srgbToLinear,
  ST_RADIUS_MM,
  STT_RADIUS_MM,
  T_RADIUS_MM,
  timeLabels,
  trajectoryColors,
  trajectoryRadii,
} from './trajectoryStyle';

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

  describe("with the beat's waves: QRS, ST, T", () => {
    const waves: SegmentBounds = { qrsEndMs: 84, tOnsetMs: 174, tEndMs: 342 };

    it('the tube is thick over the QRS, thin over ST, medium over T', () => {
      const r = trajectoryRadii(200, 500, waves);
      expect(r[0]).toBeCloseTo(QRS_RADIUS_MM, 6);
      expect(r[41]).toBeCloseTo(QRS_RADIUS_MM, 6); // 82 ms
      expect(r[42]).toBeCloseTo(ST_RADIUS_MM, 6); // 84 ms: the QRS offset
      expect(r[86]).toBeCloseTo(ST_RADIUS_MM, 6); // 172 ms
      expect(r[87]).toBeCloseTo(T_RADIUS_MM, 6); // 174 ms: the T onset
      expect(r[199]).toBeCloseTo(T_RADIUS_MM, 6);
      expect(QRS_RADIUS_MM).toBeGreaterThan(T_RADIUS_MM);
      expect(T_RADIUS_MM).toBeGreaterThan(ST_RADIUS_MM);
      expect([0, 41, 42, 86, 87, 199].map((i) => segmentOfSample(i, 500, waves))).toEqual([
        'QRS',
        'QRS',
        'ST',
        'ST',
        'T',
        'T',
      ]);
    });

    it('labels every 50 ms plus "ST · <ms>" and "T · <ms>" at the boundaries, in time order', () => {
      const labels = timeLabels(200, 500, waves);
      expect(labels.map((l) => l.ms)).toEqual([0, 50, 84, 100, 150, 174, 200, 250, 300, 350]);
      expect(labels.filter((l) => l.segment).map((l) => l.text)).toEqual(['QRS · 0', 'ST · 84', 'T · 174']);
      expect(labels.find((l) => l.text === 'T · 174')!.sample).toBe(87);
      expect(new Set(labels.map((l) => l.sample)).size).toBe(labels.length); // unique keys
    });

    it('a boundary on a 50 ms tick takes its place; boundaries snap to samples', () => {
      const labels = timeLabels(200, 500, { qrsEndMs: 100, tOnsetMs: 201, tEndMs: null });
      expect(labels.map((l) => l.text)).toEqual([
        'QRS · 0',
        '50',
        'ST · 100',
        '150',
        '200',
        'T · 202',
        '250',
        '300',
        '350',
      ]);
      expect(segmentOfSample(50, 500, { qrsEndMs: 100, tOnsetMs: 201, tEndMs: null })).toBe('ST');
    });

    it('without a T onset (or without waves) the fixed QRS / ST-T split stays', () => {
      for (const s of [null, undefined, { qrsEndMs: 84, tOnsetMs: null, tEndMs: null }]) {
        expect(timeLabels(200, 500, s)).toEqual(timeLabels(200, 500));
        expect(Array.from(trajectoryRadii(200, 500, s))).toEqual(Array.from(trajectoryRadii(200, 500)));
      }
      expect(trajectoryRadii(200, 500)[100]).toBeCloseTo(STT_RADIUS_MM, 6);
    });

    it('a T onset after the window: QRS and ST only', () => {
      const late = { qrsEndMs: 90, tOnsetMs: 420, tEndMs: 560 };
      expect(
        timeLabels(200, 500, late)
          .filter((l) => l.segment)
          .map((l) => l.text),
      ).toEqual(['QRS · 0', 'ST · 90']);
      expect(trajectoryRadii(200, 500, late)[199]).toBeCloseTo(ST_RADIUS_MM, 6);
      expect(segmentLegend(segmentSpans(200, 500, late), late)).toContain(
        'The T wave starts after the window (≈ 420 ms)',
      );
    });

    it('the legend names each thickness and its times', () => {
      expect(segmentSpans(200, 500, waves)).toEqual([
        { name: 'QRS', startMs: 0, endMs: 82 },
        { name: 'ST', startMs: 84, endMs: 172 },
        { name: 'T', startMs: 174, endMs: 398 },
      ]);
      expect(segmentLegend(segmentSpans(200, 500, waves), waves)).toBe(
        'Tube: thick (3.2 mm) = QRS, 0–84 ms; thin (1.0 mm) = ST, 84–174 ms; medium (2.0 mm) = T, from 174 ms (ends ≈ 342 ms). QRS offset and T onset of this beat, estimated from all leads.',
      );
      expect(segmentLegend(segmentSpans(200, 500))).toBe('Tube: thick (3.2 mm) = QRS, 0–150 ms; thin (1.7 mm) = ST-T.');
    });
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
