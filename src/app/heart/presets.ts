import { lpsToThree, type Triple } from './frameToThree';

/**
 * Camera presets, stated anatomically: the direction from the heart's centre to the camera in the LPS heart
 * frame (+x left, +y posterior, +z superior). World up stays superior in every preset (OrbitControls orbits
 * about it), so the patient never turns upside down, and wherever left-right is visible the patient's left is
 * on the viewer's right (radiological convention).
 */
export type PresetName = 'anterior' | 'left-lateral' | 'lao45' | 'superior' | 'four-chamber' | 'fit';

export interface CameraPreset {
  name: PresetName;
  /** Button text. */
  label: string;
  /** Accessible name and tooltip: what the camera sees. */
  title: string;
  /** Unit vector heart centre → camera, LPS. */
  fromLps: Triple;
}

/** What the four-chamber preset needs from public/heart/heart.json's landmarks. */
export interface AxisLandmarks {
  /** Base → apex, unit, LPS. */
  longAxis: Triple;
  /** LV → RV centroid direction with its long-axis part removed, unit, LPS. */
  septumDirection: Triple;
}

const S = Math.SQRT1_2;
/**
 * Straight above is where OrbitControls' polar angle is 0 and "up" is undefined: sit ~1° anterior of the
 * vertical. Screen-up is then posterior, and the patient's left stays on the viewer's right.
 */
const SUPERIOR_TILT = 0.02;

const normalize = (v: Triple): [number, number, number] => {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
};
const cross = (a: Triple, b: Triple): Triple => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/**
 * The four-chamber plane contains the long axis and the LV→RV direction, so the camera looks along their
 * normal. septum × longAxis points left-anterior-superior for a normally placed heart: that side shows the
 * apex low, the RV on the viewer's left and the LV on the right, as cardiac MR shows a 4-chamber view.
 */
export function fourChamberDirection(l: AxisLandmarks): [number, number, number] {
  const n = cross(l.septumDirection, l.longAxis);
  if (!(Math.hypot(n[0], n[1], n[2]) > 1e-6)) return normalize([0.3, -0.73, 0.62]);
  return normalize(n);
}

/** heart.json's shipped landmarks, used until (or if) the JSON cannot be read. */
export const DEFAULT_AXES: AxisLandmarks = {
  longAxis: [0.5815, -0.3764, -0.7212],
  septumDirection: [-0.7574, -0.5742, -0.311],
};

export function cameraPresets(axes: AxisLandmarks = DEFAULT_AXES): CameraPreset[] {
  return [
    {
      name: 'anterior',
      label: 'Anterior',
      title: 'Anterior view: from the front, superior up, patient’s left on the right',
      fromLps: [0, -1, 0],
    },
    {
      name: 'left-lateral',
      label: 'Left lateral',
      title: 'Left lateral view: from the patient’s left side',
      fromLps: [1, 0, 0],
    },
    {
      name: 'lao45',
      label: 'LAO 45°',
      title: 'LAO 45° view: left anterior oblique, 45° from the front toward the left',
      fromLps: [S, -S, 0],
    },
    {
      name: 'superior',
      label: 'Superior',
      title: 'Superior view: from above, posterior up, patient’s left on the right',
      fromLps: normalize([0, -SUPERIOR_TILT, 1]),
    },
    {
      name: 'four-chamber',
      label: '4-chamber',
      title: '4-chamber-like view: perpendicular to the plane of the long axis and the septum',
      fromLps: fourChamberDirection(axes),
    },
  ];
}

/** Camera position in three.js world for a preset, `distance` mm from `target` (world). */
export function presetPosition(
  preset: CameraPreset,
  distance: number,
  target: Triple = [0, 0, 0],
): [number, number, number] {
  const d = lpsToThree(preset.fromLps);
  return [target[0] + d[0] * distance, target[1] + d[1] * distance, target[2] + d[2] * distance];
}

/** Distance at which a sphere of `radius` fills the vertical field of view `fovDeg`, with a small margin. */
export function fitDistance(radius: number, fovDeg: number, margin = 1.08): number {
  return (margin * radius) / Math.sin((fovDeg * Math.PI) / 360);
}
