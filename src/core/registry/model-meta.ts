/**
 * The model registry's data: every model folder (models/<id>/) carries meta.json, which says what the model is
 * (title, input kind, channel names, window), how it scored, and the SHA-256 of each of its files. The CLI, the
 * worker and the UI read this instead of naming particular models; models/index.json lists the models the app
 * loads, the first being the primary 12-lead model. Parsing is strict: a bad field is refused with its name.
 */
import { CodedError } from '../errors';
import type { FileDigest } from './integrity';

/** What a model reads: the prepared 12-lead window, or the CineECG trajectory of the same window (paper 3.4). */
export const MODEL_INPUT_KINDS = ['12-lead', 'cinecg'] as const;
export type ModelInputKind = (typeof MODEL_INPUT_KINDS)[number];

export interface ModelMeta {
  /** The folder name under models/, e.g. "ecg12". */
  id: string;
  /** Shown in the UI, e.g. "12-lead ResNet". */
  title: string;
  /** One short label for tight places (the prediction strip), e.g. "12-lead". */
  shortTitle: string;
  input: { kind: ModelInputKind; channels: string[]; timeSteps: number; fsHz: number };
  classNames: string[];
  /** Test-split summary copied from metrics.json when the model was registered; null when it has none. */
  metrics: { split: string; records: number; accuracy: number; macroF1: number; auroc: number } | null;
  /** Every file of the model folder that is loaded, with its size and SHA-256 (checked before use). */
  files: FileDigest[];
}

/** models/index.json: the ids of the models the app loads, primary first. */
export interface ModelIndex {
  app: string[];
}

/** A registry file (meta.json, models/index.json) that is not what the readers accept; names the file. */
export class RegistryError extends CodedError<'registry'> {
  declare readonly file: string;

  constructor(file: string, message: string) {
    super('registry', `${file}: ${message}`, { file });
    this.name = 'RegistryError';
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isPosInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Whether `x` has the shape of a model id (a folder name under models/). */
export const isModelId = (x: string): boolean => ID.test(x);
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Checks a parsed meta.json; `file` names it in messages (e.g. "models/ecg12/meta.json"). */
export function parseModelMeta(json: unknown, file = 'meta.json'): ModelMeta {
  const bad = (field: string, what: string) => new RegistryError(file, `"${field}" ${what}`);
  if (!isObj(json)) throw new RegistryError(file, 'is not a JSON object');
  const { id, title, shortTitle, input, classNames, metrics, files } = json;
  if (typeof id !== 'string' || !ID.test(id))
    throw bad('id', `must be a folder name of lower-case letters, digits and "-", got ${JSON.stringify(id)}`);
  if (typeof title !== 'string' || !title.trim()) throw bad('title', 'must be a non-empty string');
  if (typeof shortTitle !== 'string' || !shortTitle.trim()) throw bad('shortTitle', 'must be a non-empty string');
  if (!isObj(input)) throw bad('input', 'must be an object {kind, channels, timeSteps, fsHz}');
  if (!(MODEL_INPUT_KINDS as readonly unknown[]).includes(input.kind))
    throw bad('input.kind', `must be one of ${MODEL_INPUT_KINDS.join(', ')}, got ${JSON.stringify(input.kind)}`);
  if (
    !Array.isArray(input.channels) ||
    input.channels.length === 0 ||
    !input.channels.every((c) => typeof c === 'string')
  )
    throw bad('input.channels', 'must be a non-empty list of channel names');
  if (!isPosInt(input.timeSteps)) throw bad('input.timeSteps', 'must be a positive integer');
  if (!isPosInt(input.fsHz)) throw bad('input.fsHz', 'must be a positive integer');
  if (!Array.isArray(classNames) || classNames.length !== 2 || !classNames.every((c) => typeof c === 'string'))
    throw bad('classNames', 'must be two class names');
  let m: ModelMeta['metrics'] = null;
  if (metrics !== null && metrics !== undefined) {
    if (
      !isObj(metrics) ||
      typeof metrics.split !== 'string' ||
      !isPosInt(metrics.records) ||
      !['accuracy', 'macroF1', 'auroc'].every((k) => typeof metrics[k] === 'number')
    ) {
      throw bad('metrics', 'must be null or {split, records, accuracy, macroF1, auroc}');
    }
    m = {
      split: metrics.split,
      records: metrics.records,
      accuracy: metrics.accuracy as number,
      macroF1: metrics.macroF1 as number,
      auroc: metrics.auroc as number,
    };
  }
  if (!Array.isArray(files) || files.length === 0) throw bad('files', 'must list the model files with their SHA-256');
  const digests = files.map((f, k): FileDigest => {
    if (!isObj(f) || typeof f.name !== 'string' || !FILE_NAME.test(f.name))
      throw bad(`files[${k}].name`, 'must be a plain file name inside the model folder');
    if (typeof f.bytes !== 'number' || !Number.isInteger(f.bytes) || f.bytes < 0)
      throw bad(`files[${k}].bytes`, 'must be a byte count');
    if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256))
      throw bad(`files[${k}].sha256`, 'must be 64 lower-case hex digits');
    return { name: f.name, bytes: f.bytes, sha256: f.sha256 };
  });
  if (!digests.some((f) => f.name === 'model.json')) throw bad('files', 'must include model.json');
  return {
    id,
    title,
    shortTitle,
    classNames: classNames as string[],
    metrics: m,
    files: digests,
    input: {
      kind: input.kind as ModelInputKind,
      channels: input.channels as string[],
      timeSteps: input.timeSteps,
      fsHz: input.fsHz,
    },
  };
}

/** Checks a parsed models/index.json. */
export function parseModelIndex(json: unknown, file = 'models/index.json'): ModelIndex {
  if (!isObj(json) || !Array.isArray(json.app) || json.app.length === 0)
    throw new RegistryError(file, 'must be {"app": [model ids, the primary 12-lead model first]}');
  for (const id of json.app)
    if (typeof id !== 'string' || !ID.test(id))
      throw new RegistryError(file, `"app" holds ${JSON.stringify(id)}, not a model folder name`);
  if (new Set(json.app).size !== json.app.length) throw new RegistryError(file, '"app" names a model twice');
  return { app: json.app as string[] };
}

/**
 * The models the app runs, checked as a set: the first is the primary model and must read the 12-lead window;
 * the model ids must match their folders.
 */
export function checkAppModels(index: ModelIndex, metas: ModelMeta[]): { primary: ModelMeta; companions: ModelMeta[] } {
  metas.forEach((m, k) => {
    if (m.id !== index.app[k])
      throw new RegistryError(
        `models/${index.app[k]}/meta.json`,
        `says id "${m.id}"; it must match its folder "${index.app[k]}"`,
      );
  });
  const [primary, ...companions] = metas;
  if (primary.input.kind !== '12-lead')
    throw new RegistryError(
      'models/index.json',
      `the first model (${primary.id}) must read the 12-lead window, it reads ${primary.input.kind}`,
    );
  return { primary, companions };
}
