import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/core/registry/integrity';
import { loadModelFile, readModelFile } from './model-files';

describe('CLI model loading checks the recorded SHA-256 (issue 15)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-integrity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the shipped model untouched, refuses it after one weight byte changed, naming the file', async () => {
    const m = join(dir, 'ecg12');
    cpSync('models/ecg12', m, { recursive: true });
    const { model } = await loadModelFile(join(m, 'model.json'));
    model.dispose();
    const w = new Uint8Array(readFileSync(join(m, 'weights.1of1.bin')));
    w[1234] ^= 0x40;
    writeFileSync(join(m, 'weights.1of1.bin'), w);
    const err = await loadModelFile(join(m, 'model.json')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toContain(`${join(m, 'weights.1of1.bin')}: SHA-256`);
  });

  it('refuses a tampered Gradient SHAP reference file', async () => {
    const m = join(dir, 'cine3');
    cpSync('models/cine3', m, { recursive: true });
    const r = new Uint8Array(readFileSync(join(m, 'reference-normals.bin')));
    r[0] ^= 1;
    writeFileSync(join(m, 'reference-normals.bin'), r);
    await expect(readModelFile(m, 'reference-normals.bin')).rejects.toThrow(
      /reference-normals\.bin: SHA-256 .* does not match/,
    );
  });
});
