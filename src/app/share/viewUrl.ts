import { EXPLAIN_METHODS, type ExplainMethod } from '../../core/xai/catalogue';
import type { AttributionDisplay } from '../explain/attributionView';
import type { PaperLayout } from '../grid/paperLayouts';
import type { ExplainSource } from '../store/explainSlice';
import { GAINS_MM_PER_MV, type GainMmPerMv, type TraceKind } from '../store/viewSlice';
import { isModelId } from '../../core/registry/model-meta';

/**
 * The view in the address, beside `?case=` (which case navigation owns) and `?study` / `?backend=` (left alone):
 *
 * | parameter | values | what |
 * |---|---|---|
 * | method | ig, gradshap, kernelshap, lime | explanation method |
 * | model | a registered model's id (models/index.json) | which model is explained; absent = the primary |
 * | pp | signed, positive, absolute, scaled | post-processing of Φ (paper 3.6) |
 * | map | heat, curves | attribution map style; thr = its threshold 0–1 |
 * | layout, speed, gain, trace, overlay | 12x1/3x4/6x2/window, 25/50, 2.5/5/10/20, filtered/recorded, 0 | the grid |
 * | cam | a preset name or x,y,z,tx,ty,tz | the 3D camera |
 * | t | ms after QRS onset | the shared time cursor |
 * | explained | 1 | run the chosen method on opening (the picture then matches) |
 * | tour, step, presenter | lafb/crbbb, 1-based, 1 | the teaching tour |
 *
 * Only values that differ from the defaults are written, so a plain link stays `?case=…`.
 */
export interface ViewParams {
  method?: ExplainMethod;
  model?: ExplainSource;
  pp?: AttributionDisplay;
  map?: 'heat' | 'curves';
  thr?: number;
  layout?: PaperLayout;
  speed?: 25 | 50;
  gain?: GainMmPerMv;
  trace?: TraceKind;
  overlay?: boolean;
  cam?: string;
  t?: number;
  explained?: boolean;
  tour?: string;
  /** 0-based here, 1-based in the address (what a presenter reads aloud). */
  step?: number;
  presenter?: boolean;
}

export const VIEW_KEYS = [
  'method',
  'model',
  'pp',
  'map',
  'thr',
  'layout',
  'speed',
  'gain',
  'trace',
  'overlay',
  'cam',
  't',
  'explained',
  'tour',
  'step',
  'presenter',
] as const;

const oneOf = <T extends string | number>(values: readonly T[], raw: string | null): T | undefined =>
  values.find((v) => String(v) === raw);
const num = (raw: string | null): number | undefined =>
  raw !== null && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;

/** Reads what it understands; a malformed value is dropped (and named in `ignored`), never guessed. */
export function parseViewParams(search: string): { params: ViewParams; ignored: string[] } {
  const q = new URLSearchParams(search);
  const p: ViewParams = {};
  const ignored: string[] = [];
  const take = <K extends keyof ViewParams>(key: K, value: ViewParams[K] | undefined) => {
    if (!q.has(key)) return;
    if (value === undefined) ignored.push(`${key}=${q.get(key)}`);
    else p[key] = value;
  };
  take('method', oneOf(EXPLAIN_METHODS, q.get('method')));
  // Any id-shaped value: whether this build has that model is known only once the registry is read (an unknown
  // id then explains the primary model, see selectExplainSource).
  const model = q.get('model');
  take('model', model && isModelId(model) ? model : undefined);
  take('pp', oneOf(['signed', 'positive', 'absolute', 'scaled'] as const, q.get('pp')));
  take('map', oneOf(['heat', 'curves'] as const, q.get('map')));
  const thr = num(q.get('thr'));
  take('thr', thr !== undefined && thr >= 0 && thr <= 1 ? thr : undefined);
  take('layout', oneOf(['12x1', '3x4', '6x2', 'window'] as const, q.get('layout')));
  take('speed', oneOf([25, 50] as const, q.get('speed')));
  take('gain', oneOf(GAINS_MM_PER_MV, q.get('gain')));
  take('trace', oneOf(['filtered', 'recorded'] as const, q.get('trace')));
  take('overlay', q.get('overlay') === '0' ? false : q.get('overlay') === '1' ? true : undefined);
  take('cam', q.get('cam') || undefined);
  const t = num(q.get('t'));
  take('t', t !== undefined && t >= 0 ? t : undefined);
  take('explained', q.get('explained') === '1' ? true : undefined);
  take('tour', q.get('tour') || undefined);
  const step = num(q.get('step'));
  take('step', step !== undefined && Number.isInteger(step) && step >= 1 ? step - 1 : undefined);
  take('presenter', q.get('presenter') === '1' ? true : undefined);
  return { params: p, ignored };
}

/** `href` with the view parameters replaced by `params` (absent = default = not written); every other parameter kept. */
export function urlWithView(href: string, params: ViewParams): string {
  const url = new URL(href);
  for (const k of VIEW_KEYS) url.searchParams.delete(k);
  const put = (k: string, v: string | undefined) => v !== undefined && url.searchParams.set(k, v);
  put('method', params.method);
  put('model', params.model);
  put('pp', params.pp);
  put('map', params.map);
  put('thr', params.thr === undefined ? undefined : String(params.thr));
  put('layout', params.layout);
  put('speed', params.speed === undefined ? undefined : String(params.speed));
  put('gain', params.gain === undefined ? undefined : String(params.gain));
  put('trace', params.trace);
  put('overlay', params.overlay === undefined ? undefined : params.overlay ? '1' : '0');
  put('cam', params.cam);
  put('t', params.t === undefined ? undefined : String(Math.round(params.t)));
  put('explained', params.explained ? '1' : undefined);
  put('tour', params.tour);
  put('step', params.step === undefined ? undefined : String(params.step + 1));
  put('presenter', params.presenter ? '1' : undefined);
  // URLSearchParams writes "," as %2C: keep the camera readable.
  return url.href.replace(/%2C/g, ',');
}
