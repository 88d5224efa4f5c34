import { useEffect, useRef } from 'react';
import { useDevicePixelRatio } from '../grid/useDevicePixelRatio';
import type { AttributionView } from './attributionView';
import { curvesHeight, drawAttributionCurves } from './drawAttributionCurves';
import { drawAttributionMap, mapHeight } from './drawAttributionMap';

/** The attribution map canvas; a thin wrapper over drawAttributionMap. */
export function AttributionMap({
  view,
  leadNames,
  fsHz,
  label,
  style = 'heat',
  threshold = 0.5,
  input = null,
}: {
  view: AttributionView;
  leadNames: readonly string[];
  fsHz: number;
  label: string;
  style?: 'heat' | 'curves';
  threshold?: number;
  input?: Float32Array | null;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const dpr = useDevicePixelRatio();
  const width = 720;
  const height = style === 'curves' ? curvesHeight(view.C) : mapHeight(view.C);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (style === 'curves') drawAttributionCurves(ctx, view, leadNames, input, fsHz, width, threshold);
    else drawAttributionMap(ctx, view, leadNames, fsHz, width);
  }, [view, leadNames, fsHz, dpr, height, style, threshold, input]);
  return (
    <canvas
      ref={ref}
      className="attribution-map"
      role="img"
      aria-label={label}
      style={{ width: `${width}px`, height: `${height}px` }}
      data-testid="attribution-map"
      data-style={style}
      data-threshold={threshold}
    />
  );
}
