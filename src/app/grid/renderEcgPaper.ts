import { type AttributionOverlay, drawAttributionOverlay } from './drawAttributionOverlay';
import { drawCalibrationPulse } from './drawCalibration';
import { drawEcgGrid } from './drawGrid';
import { drawLeadLabels, drawTimeAxis } from './drawLabels';
import { drawQrsOnsetTicks, drawWindowMarker, type WindowMarker } from './drawMarkers';
import { type TraceInput, drawEcgTraces } from './drawTraces';
import type { GridMetrics } from './layout';
import { drawTruthMask, type TruthOverlay } from '../synth/drawTruthMask';

export interface PaperContent {
  leads: readonly TraceInput[];
  overlay?: AttributionOverlay;
  window?: WindowMarker;
  qrsOnsetsMs?: readonly number[];
  /** A synthetic case's truth mask (issue 16), drawn over the traces. */
  truth?: TruthOverlay;
}

/**
 * The paper is painted in three layers, back to front: the ruled paper; the attribution shading; everything else
 * (labels, calibration, traces, truth mask, window band, onset ticks). The first and last change with the record and
 * the paper settings only, so the canvas keeps them off screen and a new attribution map (the running IG mean
 * arrives after every noisy copy) costs two image copies and the shaded cells, not the 10 s of traces again.
 * Each function expects `ctx` scaled so that one unit is one CSS px.
 */
export function drawPaperUnder(ctx: CanvasRenderingContext2D, m: GridMetrics, devicePxPerCssPx = 1): void {
  drawEcgGrid(ctx, m, devicePxPerCssPx);
}

/** The layer over the shading; drawn on a transparent canvas when layered. */
export function drawPaperOver(
  ctx: CanvasRenderingContext2D,
  m: GridMetrics,
  content: Omit<PaperContent, 'overlay'>,
  devicePxPerCssPx = 1,
): void {
  drawLeadLabels(ctx, m);
  drawTimeAxis(ctx, m);
  drawCalibrationPulse(ctx, m);
  drawEcgTraces(ctx, m, content.leads, devicePxPerCssPx);
  if (content.truth) drawTruthMask(ctx, m, content.truth);
  if (content.window) drawWindowMarker(ctx, m, content.window, devicePxPerCssPx);
  if (content.qrsOnsetsMs) drawQrsOnsetTicks(ctx, m, content.qrsOnsetsMs, devicePxPerCssPx);
}

/**
 * Composes the layers onto the visible canvas: the paper, the shading drawn directly (it changes often), then the
 * layer over it. `under` and `over` are device-pixel images of the canvas's size.
 */
export function composePaper(
  ctx: CanvasRenderingContext2D,
  m: GridMetrics,
  layers: { under: CanvasImageSource; over: CanvasImageSource },
  overlay: AttributionOverlay | undefined,
  devicePxPerCssPx = 1,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layers.under, 0, 0);
  ctx.setTransform(devicePxPerCssPx, 0, 0, devicePxPerCssPx, 0, 0);
  if (overlay) drawAttributionOverlay(ctx, m, overlay);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layers.over, 0, 0);
}
