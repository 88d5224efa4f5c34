/**
 * Colour scales for attributions, shared by the 12-lead overlay, the attribution map and the 3D trajectory.
 * Diverging: ColorBrewer RdBu (11 classes, reversed): −1 = blue (evidence for normal), 0 = near-white,
 * +1 = red (evidence for abnormal). Sequential: the red half, for post-processed values in [0, 1].
 * Interpolated linearly in sRGB between the ColorBrewer anchors (colorbrewer2.org, Cynthia Brewer, Apache-2.0).
 */
export type Rgb = readonly [number, number, number];

const RD_BU_REVERSED: Rgb[] = [
  [5, 48, 97],
  [33, 102, 172],
  [67, 147, 195],
  [146, 197, 222],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [244, 165, 130],
  [214, 96, 77],
  [178, 24, 43],
  [103, 0, 31],
];

function interpolate(anchors: Rgb[], u: number): Rgb {
  const x = Math.min(1, Math.max(0, Number.isFinite(u) ? u : 0.5)) * (anchors.length - 1);
  const i = Math.min(anchors.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [anchors[i], anchors[i + 1]];
  return [
    Math.round(a[0] + f * (b[0] - a[0])),
    Math.round(a[1] + f * (b[1] - a[1])),
    Math.round(a[2] + f * (b[2] - a[2])),
  ];
}

/** v ∈ [−1, 1] → colour; values outside are clamped, NaN shows as the neutral middle. */
export function divergingColor(v: number): Rgb {
  return interpolate(RD_BU_REVERSED, (v + 1) / 2);
}

/**
 * High contrast, for projectors (presenter mode): the same sides (blue = normal, red = abnormal) but fully saturated
 * and with a dark grey middle instead of near-white, so weak and strong evidence both stand out on a white
 * background and on a washed-out projection.
 */
const HIGH_CONTRAST: Rgb[] = [
  [0, 60, 255],
  [0, 120, 255],
  [60, 60, 60],
  [255, 40, 0],
  [255, 170, 0],
];

export function highContrastColor(v: number): Rgb {
  return interpolate(HIGH_CONTRAST, (v + 1) / 2);
}

/** v ∈ [0, 1] → white-to-dark-red, for Positive / Absolute / Scaled attributions. */
export function sequentialColor(v: number): Rgb {
  return interpolate(RD_BU_REVERSED.slice(5), v);
}

export const css = ([r, g, b]: Rgb, alpha = 1) =>
  alpha === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`;
