/**
 * The set of models the app runs, read from the registry (models/index.json and each folder's meta.json). Everything
 * outside the registry asks this for "the primary model" or "the model that reads the CineECG signal" instead of
 * naming a model: adding a third model is a folder with its meta.json and a line in models/index.json.
 */
import { checkAppModels, type ModelInputKind, type ModelMeta, parseModelIndex, parseModelMeta } from './model-meta';

export interface AppModels {
  /** The first in models/index.json: reads the 12-lead window; its prediction is the app's answer. */
  primary: ModelMeta;
  /** The others, in index order (today the CineECG twin). */
  companions: ModelMeta[];
  /** primary, then the companions. */
  all: ModelMeta[];
}

/** Where the models live, relative to the page (the app) or the repository root (the CLI). */
export const MODELS_DIR = 'models';

/** A file of a registered model, e.g. modelFilePath("ecg12") = "models/ecg12/model.json". */
export const modelFilePath = (id: string, file = 'model.json'): string => `${MODELS_DIR}/${id}/${file}`;

/**
 * Reads the registry through `readJson` (the page's fetch, the CLI's file system, a test's table), checking each
 * file as it goes; an error names the file and the field.
 */
export async function readAppModels(readJson: (path: string) => Promise<unknown>): Promise<AppModels> {
  const indexPath = `${MODELS_DIR}/index.json`;
  const index = parseModelIndex(await readJson(indexPath), indexPath);
  const metas = await Promise.all(
    index.app.map(async (id) => {
      const path = modelFilePath(id, 'meta.json');
      return parseModelMeta(await readJson(path), path);
    }),
  );
  const { primary, companions } = checkAppModels(index, metas);
  return { primary, companions, all: [primary, ...companions] };
}

/** The first registered model that reads `kind` (e.g. the CineECG model for the trajectory's own Φ), or null. */
export function modelOfKind(models: AppModels, kind: ModelInputKind): ModelMeta | null {
  return models.all.find((m) => m.input.kind === kind) ?? null;
}

/** The registered model with this id, or null (an id from a shared link that this build does not have). */
export function modelById(models: AppModels, id: string): ModelMeta | null {
  return models.all.find((m) => m.id === id) ?? null;
}
