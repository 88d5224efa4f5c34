import type { Locator } from '@playwright/test';

/** The calibration the ECG canvas states in its data-* attributes (CSS px, ms). */
export interface CanvasData {
  leads: string[];
  windowStartMs: number;
  windowMs: number;
  qrsOnsetsMs: number[];
  pxPerMm: number;
  pxPerMs: number;
  pxPerMv: number;
  originX: number;
  durationMs: number;
  rowBaselinesY: number[];
  rowSpacingPx: number;
  gridTop: number;
  gridBottom: number;
}

export async function readCanvasData(canvas: Locator): Promise<CanvasData> {
  const d = await canvas.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const num = (k: string): number => {
    const v = Number(d[k]);
    if (d[k] === undefined || !Number.isFinite(v))
      throw new Error(`canvas data-${k} is missing or not a number: ${d[k]}`);
    return v;
  };
  const list = (k: string): number[] => (d[k] ? d[k]!.split(',').map(Number) : []);
  return {
    leads: (d.leads ?? '').split(',').filter(Boolean),
    windowStartMs: num('windowStartMs'),
    windowMs: num('windowMs'),
    qrsOnsetsMs: list('qrsOnsetsMs'),
    pxPerMm: num('pxPerMm'),
    pxPerMs: num('pxPerMs'),
    pxPerMv: num('pxPerMv'),
    originX: num('originX'),
    durationMs: num('durationMs'),
    rowBaselinesY: list('rowBaselinesY'),
    rowSpacingPx: num('rowSpacingPx'),
    gridTop: num('gridTop'),
    gridBottom: num('gridBottom'),
  };
}
