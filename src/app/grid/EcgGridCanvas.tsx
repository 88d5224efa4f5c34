import { useEffect, useMemo, useRef } from 'react';
import { WINDOW_MS } from '../../core/constants';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { STANDARD_LEADS } from '../../core/ecg/types';
import type { AttributionView } from '../explain/attributionView';
import type { TraceKind } from '../store/viewSlice';
import type { CaliperReading } from './calipers';
import { ecgAriaLabel } from './describe';
import { GridOverlay } from './GridOverlay';
import {
  DEFAULT_GRID_SPEC,
  GAIN_MM_PER_MV,
  PAPER_SPEED_MM_PER_S,
  computeGridLayout,
  rowSpacingForGain,
} from './layout';
import { type PaperLayout, paperRows } from './paperLayouts';
import { composePaper, drawPaperOver, drawPaperUnder } from './renderEcgPaper';
import { StickyLeadLabels } from './StickyLeadLabels';
import { useDevicePixelRatio } from './useDevicePixelRatio';
import type { TruthOverlay } from '../synth/drawTruthMask';
import { TourGridHighlight } from '../tour/TourHighlights';

export interface EcgGridCanvasProps {
  prepared: PreparedEcg;
  caseTitle: string;
  trace: TraceKind;
  pxPerMm: number;
  layout?: PaperLayout;
  mmPerS?: number;
  mmPerMv?: number;
  /** Calipers on (dragging measures) or off (hovering moves the time cursor), and where readings go. */
  calipers?: boolean;
  onCaliper?: (r: CaliperReading | null) => void;
  /** The attribution overlay in the window, when an explanation is shown. */
  overlayView?: AttributionView | null;
  /** A synthetic case's truth mask, when shown. */
  truth?: TruthOverlay | null;
}

/**
 * Thin wrapper: computes the layout, sizes the canvas for the device pixel ratio and calls the pure
 * render helpers. The data-* attributes state the calibration so tests can find things on the canvas.
 */
export function EcgGridCanvas({
  prepared,
  caseTitle,
  trace,
  pxPerMm,
  overlayView,
  layout = '12x1',
  mmPerS = PAPER_SPEED_MM_PER_S,
  mmPerMv = GAIN_MM_PER_MV,
  calipers = false,
  onCaliper = noop,
  truth = null,
}: EcgGridCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const dpr = useDevicePixelRatio();
  const leads = STANDARD_LEADS;
  const durationMs = (prepared.nSamples / prepared.fsHz) * 1000;
  const windowMs = (prepared.windowSamples / prepared.fsHz) * 1000 || WINDOW_MS;

  const metrics = useMemo(() => {
    const paper = paperRows(layout, durationMs, { startMs: prepared.windowStartMs, durationMs: windowMs });
    return computeGridLayout({
      ...DEFAULT_GRID_SPEC,
      ...rowSpacingForGain(mmPerMv),
      pxPerMm,
      mmPerS,
      mmPerMv,
      leads,
      ...paper,
    });
  }, [pxPerMm, durationMs, leads, layout, mmPerS, mmPerMv, prepared.windowStartMs, windowMs]);
  // Whole device pixels for the backing store, and a CSS box of exactly that many device pixels, so one
  // CSS px is exactly `dpr` device px and hairlines snap cleanly. Only the blank right/bottom edge
  // (< 1 device px) is affected; the mm calibration is untouched.
  const backingWidth = Math.floor(metrics.widthPx * dpr);
  const backingHeight = Math.floor(metrics.heightPx * dpr);

  // The paper and everything over the shading, painted off screen when the record or the paper settings change
  // (renderEcgPaper.ts says why): a new attribution map only re-composes them.
  const layers = useMemo(() => {
    const signals = trace === 'filtered' ? prepared.filteredMv : prepared.leadsMv;
    const under = layerCanvas(backingWidth, backingHeight, dpr);
    const over = layerCanvas(backingWidth, backingHeight, dpr);
    if (!under || !over) return null;
    drawPaperUnder(under.ctx, metrics, dpr);
    drawPaperOver(
      over.ctx,
      metrics,
      {
        leads: signals.map((samplesMv) => ({ samplesMv, fsHz: prepared.fsHz })),
        window: { startMs: prepared.windowStartMs, durationMs: windowMs, label: `QRS-T window · ${windowMs} ms` },
        qrsOnsetsMs: prepared.qrsOnsetsMs,
        ...(truth && { truth }),
      },
      dpr,
    );
    return { under: under.canvas, over: over.canvas };
  }, [prepared, trace, metrics, dpr, backingWidth, backingHeight, windowMs, truth]);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !layers) return;
    const overlay = overlayView
      ? { startMs: prepared.windowStartMs, fsHz: prepared.fsHz, view: overlayView }
      : undefined;
    composePaper(ctx, metrics, layers, overlay, dpr);
  }, [layers, overlayView, metrics, dpr, prepared]);

  const label = ecgAriaLabel({
    caseTitle,
    leads,
    durationMs,
    mmPerS: metrics.spec.mmPerS,
    mmPerMv: metrics.spec.mmPerMv,
    windowStartMs: prepared.windowStartMs,
    windowMs,
    qrsCount: prepared.qrsOnsetsMs.length,
    trace,
  });

  return (
    <div className="grid-stack" style={{ width: `${backingWidth / dpr}px`, height: `${backingHeight / dpr}px` }}>
      <StickyLeadLabels metrics={metrics} />
      <canvas
        ref={ref}
        className="ecg-canvas"
        role="img"
        aria-label={label}
        width={backingWidth}
        height={backingHeight}
        style={{ width: `${backingWidth / dpr}px`, height: `${backingHeight / dpr}px` }}
        data-leads={leads.join(',')}
        data-trace={trace}
        data-layout={layout}
        data-mm-per-s={mmPerS}
        data-mm-per-mv={mmPerMv}
        data-offset-ms={metrics.offsetMs}
        data-overlay={overlayView ? overlayView.display : 'none'}
        data-truth-ranges={truth ? truth.rangesByLead.reduce((n, r) => n + r.length, 0) : undefined}
        data-duration-ms={durationMs}
        data-window-start-ms={prepared.windowStartMs}
        data-window-ms={windowMs}
        data-qrs-onsets-ms={prepared.qrsOnsetsMs.join(',')}
        data-px-per-mm={metrics.pxPerMm}
        data-px-per-ms={metrics.pxPerMs}
        data-px-per-mv={metrics.pxPerMv}
        data-origin-x={metrics.originX}
        data-row-baselines-y={metrics.rows.map((r) => r.baselineY.toFixed(3)).join(',')}
        data-row-spacing-px={metrics.spec.rowSpacingMm * metrics.pxPerMm}
        data-grid-top={metrics.gridTop}
        data-grid-bottom={metrics.gridBottom}
      />
      <TourGridHighlight metrics={metrics} windowStartMs={prepared.windowStartMs} />
      <GridOverlay
        metrics={metrics}
        windowStartMs={prepared.windowStartMs}
        windowMs={windowMs}
        calipers={calipers}
        onReading={onCaliper}
      />
    </div>
  );
}

function noop(): void {}

/** An off-screen canvas of the visible one's device-pixel size, scaled so that one unit is one CSS px. */
function layerCanvas(width: number, height: number, dpr: number) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { canvas, ctx };
}
