import { useEffect, useRef } from 'react';
import { useDevicePixelRatio } from '../grid/useDevicePixelRatio';
import type { AttributionView } from './attributionView';
import { drawAttributionMap, mapHeight } from './drawAttributionMap';

/** The attribution map canvas; a thin wrapper over drawAttributionMap. */
export function AttributionMap({ view, leadNames, fsHz, label }: { view: AttributionView; leadNames: readonly string[]; fsHz: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const dpr = useDevicePixelRatio();
  const width = 720;
  const height = mapHeight(view.C);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawAttributionMap(ctx, view, leadNames, fsHz, width);
  }, [view, leadNames, fsHz, dpr, height]);
  return <canvas ref={ref} className="attribution-map" role="img" aria-label={label} style={{ width: `${width}px`, height: `${height}px` }} data-testid="attribution-map" />;
}
