import { modelLabel } from '../inference/modelText';
import { METHOD_LABELS } from '../../core/xai/catalogue';
import { explanationJson } from '../explain/download';
import type { AppState } from '../store/appStore';
import { selectCaseEntry } from '../store/caseSlice';
import { selectExplanation } from '../store/explainSlice';
import { attributionsCsv, exportName } from './exportData';

/** The canvases the figures are made of (all keep their pixels: the 3D canvas has preserveDrawingBuffer). */
const gridCanvas = () => document.querySelector<HTMLCanvasElement>('canvas.ecg-canvas');
const beatCanvas = () => document.querySelector<HTMLCanvasElement>('canvas.beat-canvas');
const heartCanvas = () => document.querySelector<HTMLCanvasElement>('[data-testid="heart-panel"] .heart-stage canvas');

export type ExportKind = 'grid-png' | 'heart-png' | 'figure-png' | 'json' | 'csv';

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 2000);
}

const toPng = (c: HTMLCanvasElement) =>
  new Promise<Blob>((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );

/**
 * The paper's Fig. 3 | Fig. 4 side by side: the explained 12-lead window shaded by Φ (the beat panel) and the 3D
 * CineECG trajectory coloured by Φd, at one height, with a title line naming the case, model and method.
 */
function figureCanvas(title: string, left: HTMLCanvasElement, right: HTMLCanvasElement): HTMLCanvasElement {
  const height = Math.max(600, Math.min(1400, Math.max(left.height, right.height)));
  const lw = Math.round((left.width / left.height) * height);
  const rw = Math.round((right.width / right.height) * height);
  const pad = Math.round(height / 40);
  const head = Math.round(height / 14);
  const out = document.createElement('canvas');
  out.width = lw + rw + 3 * pad;
  out.height = height + head + 2 * pad;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas for the figure');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#111827';
  ctx.font = `${Math.round(head * 0.45)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, pad, pad + head / 2);
  ctx.drawImage(left, pad, pad + head, lw, height);
  ctx.drawImage(right, 2 * pad + lw, pad + head, rw, height);
  ctx.strokeStyle = '#d1d5db';
  ctx.strokeRect(2 * pad + lw, pad + head, rw, height);
  return out;
}

/** Makes one export of the screen as it is and saves it. Throws (with what is missing) when it cannot. */
export async function exportView(kind: ExportKind, s: AppState): Promise<string> {
  const caseName = selectCaseEntry(s)?.id ?? s.prepared?.record.name ?? 'ecg';
  const e = selectExplanation(s);
  const method = e && !e.refining ? e.method : s.explainMethod;
  // The explained model's id (the JSON's "model") and how the figure's caption names it.
  const model = e?.source ?? s.appModels?.primary.id ?? '';
  const modelMeta = s.models[model]?.meta ?? null;
  let name: string;
  if (kind === 'json' || kind === 'csv') {
    if (!e || e.refining || !s.prepared)
      throw new Error('Explain the case first: there are no attributions to export yet');
    name = exportName(caseName, method, 'attributions', kind);
    const C = e.attributions[0].length / s.prepared.windowSamples;
    const text =
      kind === 'json'
        ? JSON.stringify({ case: caseName, model, ...JSON.parse(explanationJson(e, s.prepared)) })
        : attributionsCsv(e.attributions, C, s.prepared.fsHz);
    save(new Blob([text], { type: kind === 'json' ? 'application/json' : 'text/csv' }), name);
    return name;
  }
  const grid = gridCanvas();
  const heart = heartCanvas();
  const beat = beatCanvas();
  if (kind === 'grid-png') {
    if (!grid) throw new Error('The 12-lead grid is not on screen');
    name = exportName(caseName, method, 'grid', 'png');
    save(await toPng(grid), name);
  } else if (kind === 'heart-png') {
    if (!heart) throw new Error('The 3D view is not on screen yet');
    name = exportName(caseName, method, '3d', 'png');
    save(await toPng(heart), name);
  } else {
    if (!heart || !beat) throw new Error('The beat panel and the 3D view must both be on screen');
    const what = e && !e.refining ? `${METHOD_LABELS[e.method]}, ${modelLabel(modelMeta)}` : 'not explained';
    name = exportName(caseName, method, 'figure', 'png');
    save(
      await toPng(
        figureCanvas(
          `${caseName} · ${what} · left: Φ on the 12-lead window (Fig. 3) · right: Φd on the CineECG trajectory (Fig. 4)`,
          beat,
          heart,
        ),
      ),
      name,
    );
  }
  return name;
}
