/** The small deletion/insertion chart's box, px. */
export interface ChartBox {
  width: number;
  height: number;
  pad: number;
}

export interface CurvesLayout<K extends string> {
  /** SVG polyline points per series. */
  points: Record<K, string>;
  /** y of the zero margin (the decision boundary), in px. */
  zeroY: number;
  yMin: number;
  yMax: number;
}

/**
 * SVG polyline points for curves over fractions 0…1 (x) and the logit margin (y, up = more evidence), all series on
 * one y scale that always includes 0.
 */
export function curvesLayout<K extends string>(series: Record<K, readonly number[]>, box: ChartBox): CurvesLayout<K> {
  const all = [...Object.values<readonly number[]>(series).flat(), 0].filter(Number.isFinite);
  let yMin = Math.min(...all);
  let yMax = Math.max(...all);
  if (yMax - yMin < 1e-9) ((yMin -= 1), (yMax += 1));
  const x = (i: number, n: number) => box.pad + (n > 1 ? i / (n - 1) : 0) * (box.width - 2 * box.pad);
  const y = (v: number) => box.pad + ((yMax - v) / (yMax - yMin)) * (box.height - 2 * box.pad);
  const pointsOf = (vs: readonly number[]) =>
    vs.map((v, i) => `${x(i, vs.length).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const points = Object.fromEntries(
    Object.entries<readonly number[]>(series).map(([k, vs]) => [k, pointsOf(vs)]),
  ) as Record<K, string>;
  return { points, zeroY: y(0), yMin, yMax };
}

/** "0.42" for an area, with a sign, three significant figures. */
export const formatAuc = (v: number): string => (Number.isFinite(v) ? v.toPrecision(3) : '–');

/** ρ with two decimals, "–" when undefined (a constant map). */
export const formatRho = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(2);
