import { describe, expect, it } from 'vitest';
import { threeToLps, type Triple } from './frameToThree';
import { cameraPresets, DEFAULT_AXES, fitDistance, fourChamberDirection, presetPosition } from './presets';

type V = [number, number, number];
const sub = (a: Triple, b: Triple): V => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Triple, b: Triple) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Triple, b: Triple): V => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (v: Triple): V => {
  const n = Math.hypot(...v);
  return [v[0] / n, v[1] / n, v[2] / n];
};

/** What a three.js camera at `position` looking at the origin with world up +y shows, in LPS. */
function screenAxes(position: Triple) {
  const forward = unit(sub([0, 0, 0], position));
  const right = unit(cross(forward, [0, 1, 0]));
  const up = cross(right, forward);
  return { forward: threeToLps(forward), right: threeToLps(right), up: threeToLps(up) };
}

const byName = Object.fromEntries(cameraPresets().map((p) => [p.name, p]));
const axesOf = (name: string) => screenAxes(presetPosition(byName[name], 300));

describe('camera presets', () => {
  it('anterior: looks posteriorly, superior up, patient’s left on the right (radiological)', () => {
    const a = axesOf('anterior');
    expect(a.forward).toEqual([0, 1, 0].map((v) => expect.closeTo(v, 9)));
    expect(a.up[2]).toBeCloseTo(1, 9);
    expect(a.right[0]).toBeCloseTo(1, 9);
  });

  it('left lateral: from the patient’s left, superior up', () => {
    const a = axesOf('left-lateral');
    expect(a.forward[0]).toBeCloseTo(-1, 9);
    expect(a.up[2]).toBeCloseTo(1, 9);
  });

  it('LAO 45°: 45° from anterior toward the left, superior up', () => {
    const a = axesOf('lao45');
    expect(a.forward[0]).toBeCloseTo(-Math.SQRT1_2, 9);
    expect(a.forward[1]).toBeCloseTo(Math.SQRT1_2, 9);
    expect(a.up[2]).toBeCloseTo(1, 9);
  });

  it('superior: looks down, posterior up on screen, patient’s left on the right', () => {
    const a = axesOf('superior');
    expect(a.forward[2]).toBeLessThan(-0.99);
    expect(a.up[1]).toBeGreaterThan(0.99);
    expect(a.right[0]).toBeGreaterThan(0.99);
  });

  it('4-chamber-like: looks perpendicular to the long axis and the septum, apex down, RV left, LV right', () => {
    const a = axesOf('four-chamber');
    expect(Math.abs(dot(a.forward, DEFAULT_AXES.longAxis))).toBeLessThan(1e-3);
    expect(Math.abs(dot(a.forward, DEFAULT_AXES.septumDirection))).toBeLessThan(0.05); // the septum direction is only nearly ⟂ the long axis
    expect(dot(DEFAULT_AXES.longAxis, a.up)).toBeLessThan(-0.5); // base → apex points down the screen
    expect(dot(DEFAULT_AXES.septumDirection, a.right)).toBeLessThan(-0.5); // LV → RV points to the viewer's left
  });

  it('4-chamber falls back to a fixed direction when the landmarks are degenerate', () => {
    const d = fourChamberDirection({ longAxis: [0, 0, 1], septumDirection: [0, 0, 1] });
    expect(Math.hypot(...d)).toBeCloseTo(1, 9);
  });

  it('every preset has a unique name, a unit direction and the asked distance', () => {
    const presets = cameraPresets();
    expect(new Set(presets.map((p) => p.name)).size).toBe(5);
    for (const p of presets) {
      expect(Math.hypot(...p.fromLps)).toBeCloseTo(1, 9);
      expect(Math.hypot(...presetPosition(p, 250))).toBeCloseTo(250, 6);
    }
  });

  it('fits a sphere in the field of view', () => {
    expect(fitDistance(100, 60, 1)).toBeCloseTo(200, 9);
  });
});
