import type { ModelMeta } from '../../core/registry/model-meta';

/** How running text names a registered model: "12-lead model", "CineECG model" (its registry shortTitle). */
export const modelLabel = (meta: Pick<ModelMeta, 'shortTitle'> | null): string =>
  meta ? `${meta.shortTitle} model` : 'model';

/** The anatomical direction of each CineECG axis (paper 3.4: x left, y posterior, z superior). */
const CINE_AXIS: Record<string, string> = { x: 'L', y: 'P', z: 'S' };

/** The rows of an attribution map: the lead names, or the trajectory axes with their directions ("x (L)"). */
export function channelLabels(meta: Pick<ModelMeta, 'input'>): string[] {
  const { kind, channels } = meta.input;
  return kind === 'cinecg' ? channels.map((c) => (CINE_AXIS[c] ? `${c} (${CINE_AXIS[c]})` : c)) : channels;
}

/** "per lead" or "per trajectory axis": what one row of the model's attributions is. */
export const perChannel = (meta: Pick<ModelMeta, 'input'>): string =>
  meta.input.kind === '12-lead' ? 'per lead' : 'per trajectory axis';
