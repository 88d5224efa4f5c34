/**
 * `cli synth --seed S --count N --out DIR [--pathology lafb|bbb|st|t-inversion|normal|mixed]`: for i = 0…N−1 writes
 * synth-S-i.hea/.dat, synth-S-i-healthy.hea/.dat and synth-S-i.truth.json (src/core/synth/files.ts) and prints
 * { out, seed, count, pathology, records: [{ name, label, pathology, maskedSamples }] }.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvalError } from '../../src/core/eval/eval-error';
import { synthFiles } from '../../src/core/synth/files';
import { synthesizeRecord, type PathologyChoice } from '../../src/core/synth/generate';
import { isPathology, PATHOLOGIES } from '../../src/core/synth/pathology';

export interface SynthArgs {
  seed?: string;
  count?: string;
  out?: string;
  pathology?: string;
}

const MAX_COUNT = 100_000;

function integerFlag(name: string, v: string | undefined, lo: number, hi: number): number {
  if (v === undefined) throw new EvalError('bad-input', `--${name} is required`, `--${name}`);
  const x = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isInteger(x) || x < lo || x > hi)
    throw new EvalError('bad-input', `--${name} must be an integer ${lo}…${hi}, got "${v}"`, `--${name}`);
  return x;
}

export function parseSynthArgs(a: SynthArgs): { seed: number; count: number; out: string; pathology: PathologyChoice } {
  const seed = integerFlag('seed', a.seed, 0, 0xffffffff);
  const count = integerFlag('count', a.count, 1, MAX_COUNT);
  if (!a.out) throw new EvalError('bad-input', '--out DIR is required', '--out');
  const pathology = a.pathology ?? 'mixed';
  if (pathology !== 'mixed' && !isPathology(pathology))
    throw new EvalError(
      'bad-input',
      `--pathology must be one of ${[...PATHOLOGIES, 'mixed'].join(', ')}, got "${pathology}"`,
      '--pathology',
    );
  return { seed, count, out: a.out, pathology: pathology as PathologyChoice };
}

export function synthCommand(a: SynthArgs) {
  const { seed, count, out, pathology } = parseSynthArgs(a);
  mkdirSync(out, { recursive: true });
  const records = [];
  for (let i = 0; i < count; i++) {
    const r = synthesizeRecord(seed, i, pathology);
    for (const [name, bytes] of synthFiles(r)) writeFileSync(join(out, name), bytes);
    const maskedSamples = Object.values(r.mask).reduce(
      (n, ranges) => n + ranges.reduce((m, [s, e]) => m + e - s, 0),
      0,
    );
    records.push({ name: r.name, label: r.label, pathology: r.injection.pathology, maskedSamples });
  }
  return { out, seed, count, pathology, records };
}
