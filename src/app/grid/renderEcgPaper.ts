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
 * One full paint, back to front: paper, attribution overlay, labels, calibration, traces, window band, onset ticks.
 * `ctx` must already be scaled so that one unit is one CSS px.
 */
export function renderEcgPaper(
  ctx: CanvasRenderingContext2D,
  m: GridMetrics,
  content: PaperContent,
  devicePxPerCssPx = 1,
): void {
  drawEcgGrid(ctx, m, devicePxPerCssPx);
  if (content.overlay) drawAttributionOverlay(ctx, m, content.overlay);
  drawLeadLabels(ctx, m);
  drawTimeAxis(ctx, m);
  drawCalibrationPulse(ctx, m);
  drawEcgTraces(ctx, m, content.leads, devicePxPerCssPx);
  if (content.truth) drawTruthMask(ctx, m, content.truth);
  if (content.window) drawWindowMarker(ctx, m, content.window, devicePxPerCssPx);
  if (content.qrsOnsetsMs) drawQrsOnsetTicks(ctx, m, content.qrsOnsetsMs, devicePxPerCssPx);
}
