import type { Locator } from '@playwright/test';

/** A canvas' backing store as RGBA bytes, plus how many device px one CSS px is. */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
  /** device px per CSS px (backing width / CSS width). */
  scale: number;
}

export type Rgb = [number, number, number];

/** Reads the canvas' pixels (same origin, so getImageData is allowed). */
export async function readCanvas(canvas: Locator): Promise<Raster> {
  const out = await canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('canvas has no 2d context');
    const bytes = new Uint8Array(ctx.getImageData(0, 0, c.width, c.height).data.buffer);
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { b64: btoa(bin), width: c.width, height: c.height, cssWidth: c.getBoundingClientRect().width };
  });
  return {
    data: new Uint8Array(Buffer.from(out.b64, 'base64')),
    width: out.width,
    height: out.height,
    scale: out.width / out.cssWidth,
  };
}

export function pixel(r: Raster, x: number, y: number): Rgb {
  const xi = Math.min(r.width - 1, Math.max(0, Math.round(x)));
  const yi = Math.min(r.height - 1, Math.max(0, Math.round(y)));
  const i = (yi * r.width + xi) * 4;
  return [r.data[i], r.data[i + 1], r.data[i + 2]];
}

/** Ink: the traces, the pulse, the onset ticks. The pink/red ruling and the blue window never qualify. */
export const isDark = ([r, g, b]: Rgb): boolean => Math.max(r, g, b) < 110;
/** The window band's edge line (opaque blue). */
export const isWindowEdge = ([r, g, b]: Rgb): boolean => b > 150 && b - r > 90 && b - g > 50;
/** Major (5 mm) ruling, classic red. */
export const isMajorLine = ([r, g, b]: Rgb): boolean =>
  r > 200 && g < 170 && b < 170 && g > 100 && Math.abs(g - b) < 15;

export function countInRect(
  r: Raster,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  pred: (p: Rgb) => boolean,
): number {
  let n = 0;
  for (let y = Math.max(0, Math.round(y0)); y <= Math.min(r.height - 1, Math.round(y1)); y++) {
    for (let x = Math.max(0, Math.round(x0)); x <= Math.min(r.width - 1, Math.round(x1)); x++) {
      if (pred(pixel(r, x, y))) n++;
    }
  }
  return n;
}

/** The column in [x0, x1] with most pixels matching `pred` between y0 and y1 (x as the pixel's centre), and that count. */
export function bestColumn(r: Raster, x0: number, x1: number, y0: number, y1: number, pred: (p: Rgb) => boolean) {
  let best = { x: -1, count: -1 };
  for (let x = Math.round(x0); x <= Math.round(x1); x++) {
    const count = countInRect(r, x, x, y0, y1, pred);
    if (count > best.count) best = { x: x + 0.5, count };
  }
  return best;
}

/** Mean colour of a horizontal run of pixels at row y. */
export function meanRgb(r: Raster, x0: number, x1: number, y: number): Rgb {
  const sum: Rgb = [0, 0, 0];
  let n = 0;
  for (let x = Math.round(x0); x <= Math.round(x1); x++) {
    const p = pixel(r, x, y);
    sum[0] += p[0];
    sum[1] += p[1];
    sum[2] += p[2];
    n++;
  }
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

/** Centres of runs of consecutive matching pixels along row y (pixel i spans [i, i + 1)). */
export function runCentres(r: Raster, x0: number, x1: number, y: number, pred: (p: Rgb) => boolean): number[] {
  const centres: number[] = [];
  let start = -1;
  for (let x = Math.round(x0); x <= Math.round(x1) + 1; x++) {
    const hit = x <= Math.round(x1) && pred(pixel(r, x, y));
    if (hit && start < 0) start = x;
    if (!hit && start >= 0) {
      centres.push((start + x) / 2);
      start = -1;
    }
  }
  return centres;
}

/** Centres of runs of consecutive matching pixels down column x (pixel i spans [i, i + 1)). */
export function runCentresVertical(r: Raster, x: number, y0: number, y1: number, pred: (p: Rgb) => boolean): number[] {
  const centres: number[] = [];
  let start = -1;
  for (let y = Math.round(y0); y <= Math.round(y1) + 1; y++) {
    const hit = y <= Math.round(y1) && pred(pixel(r, x, y));
    if (hit && start < 0) start = y;
    if (!hit && start >= 0) {
      centres.push((start + y) / 2);
      start = -1;
    }
  }
  return centres;
}
