/**
 * Writes models/<id>/meta.json (the registry entry, src/core/registry/model-meta.ts): keeps what a person wrote
 * (title, input kind, channel names) and recomputes what the files say (window, class names, test metrics, and
 * the size + SHA-256 of every loaded file). Called at the end of training and of reference-normals, and by
 * `npm run -s model-meta` for every model folder, so a digest is never edited by hand.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sha256Hex, type FileDigest } from '../../src/core/registry/integrity';
import { parseModelMeta, type ModelInputKind, type ModelMeta } from '../../src/core/registry/model-meta';
import { MODEL_FS_HZ } from '../../src/core/constants';

/** What a person decides about a model; the rest of meta.json is derived from its files. */
export interface ModelDescription {
  title: string;
  shortTitle: string;
  kind: ModelInputKind;
  channels: string[];
}

/** Files of a model folder that the CLI or the app load (checked against meta.json before use). */
export const isLoadedModelFile = (name: string): boolean =>
  name === 'model.json' || name === 'metrics.json' || name === 'reference-normals.json' || /\.bin$/.test(name);

export async function writeModelMeta(dir: string, description?: ModelDescription): Promise<ModelMeta> {
  const id = basename(dir);
  const metaPath = join(dir, 'meta.json');
  // The described part of an existing meta.json (a new model's may hold only these four fields, written by hand).
  const old = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as Partial<ModelMeta>) : null;
  const d =
    description ??
    (old?.title && old.shortTitle && old.input
      ? { title: old.title, shortTitle: old.shortTitle, kind: old.input.kind, channels: old.input.channels }
      : null);
  if (!d)
    throw new Error(
      `${metaPath}: give the model's "title", "shortTitle" and "input": {"kind", "channels"} (the rest is computed)`,
    );
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    userDefinedMetadata?: { classNames?: string[]; input?: { timeSteps?: number; channels?: number } };
  };
  const ud = modelJson.userDefinedMetadata ?? {};
  const timeSteps = ud.input?.timeSteps ?? 200;
  if (ud.input?.channels !== undefined && ud.input.channels !== d.channels.length) {
    throw new Error(
      `${dir}/model.json takes ${ud.input.channels} channels, the description names ${d.channels.length} (${d.channels.join(', ')})`,
    );
  }
  const files: FileDigest[] = [];
  for (const name of readdirSync(dir).filter(isLoadedModelFile).sort()) {
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    files.push({ name, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) });
  }
  const metrics = testSummary(join(dir, 'metrics.json'));
  const meta: ModelMeta = {
    id,
    title: d.title,
    shortTitle: d.shortTitle,
    input: { kind: d.kind, channels: d.channels, timeSteps, fsHz: MODEL_FS_HZ },
    classNames: ud.classNames ?? ['normal', 'abnormal'],
    metrics,
    files,
  };
  parseModelMeta(meta, metaPath); // what we write must be what the readers accept
  writeFileSync(metaPath, JSON.stringify(meta, null, 1) + '\n');
  return meta;
}

function testSummary(path: string): ModelMeta['metrics'] {
  if (!existsSync(path)) return null;
  const m = JSON.parse(readFileSync(path, 'utf8')) as {
    metrics?: {
      test?: {
        n?: number;
        accuracy?: { estimate: number };
        macroF1?: { estimate: number };
        auroc?: { estimate: number };
      };
    };
  };
  const t = m.metrics?.test;
  if (!t?.accuracy || !t.macroF1 || !t.auroc || !t.n) return null;
  return {
    split: 'test',
    records: t.n,
    accuracy: t.accuracy.estimate,
    macroF1: t.macroF1.estimate,
    auroc: t.auroc.estimate,
  };
}
