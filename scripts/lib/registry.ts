/**
 * The model registry on disk, for the CLI and scripts: models/index.json (the app's models, primary first) and
 * each model folder's meta.json (src/core/registry/model-meta.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { type AppModels, readAppModels } from '../../src/core/registry/app-models';
import { dirname, join, relative } from 'node:path';
import { parseModelIndex, parseModelMeta, type ModelMeta } from '../../src/core/registry/model-meta';

const MODELS_DIR = 'models';

/** model.json of the primary model (the first in models/index.json): what `cli predict` and `cli explain` use by default. */
export function primaryModelPath(modelsDir = MODELS_DIR): string {
  const file = join(modelsDir, 'index.json');
  // Run from elsewhere (no models/ here): a path that fails when used, saying why, instead of failing every command.
  if (!existsSync(file)) return join(modelsDir, '(no models/index.json here: pass --model)', 'model.json');
  const index = parseModelIndex(JSON.parse(readFileSync(file, 'utf8')), file);
  return join(modelsDir, index.app[0], 'model.json');
}

/** The registry entry beside a model.json, or null for an unregistered model. */
export function metaBeside(modelJsonPath: string): ModelMeta | null {
  const file = join(dirname(modelJsonPath), 'meta.json');
  return existsSync(file) ? parseModelMeta(JSON.parse(readFileSync(file, 'utf8')), file) : null;
}

/** The app's model set from disk (models/index.json and each meta.json), resolved against `modelsDir`. */
export function appModelsOnDisk(modelsDir = MODELS_DIR): Promise<AppModels> {
  return readAppModels((path) =>
    Promise.resolve(JSON.parse(readFileSync(join(modelsDir, relative(MODELS_DIR, path)), 'utf8')) as unknown),
  );
}
