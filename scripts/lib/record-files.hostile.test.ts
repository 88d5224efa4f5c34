import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/constants';
import { EcgError } from '../../src/core/errors';
import { FIXTURES } from '../../src/test-support/data';
import { HANG_GUARD_MS } from '../../src/test-support/hostile';
import { inspectRecord } from '../commands/inspect';
import { loadParsers, readRecordFiles } from './record-files';

/**
 * Hostile input where the CLI meets the file system: sizes and kinds are checked with stat before anything is
 * read, and a header cannot make the CLI read files outside its folder. The command function is called directly
 * (fast); three spawned runs check the JSON error contract end to end.
 */
const dir = mkdtempSync(join(tmpdir(), 'ecg-hostile-'));
const GiB = 2 ** 30;
const outside = join(dir, '..', `outside-${process.pid}.dat`);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { force: true });
});

/** The refusal the CLI prints as {"error": …}, with how long it took and how much the heap grew. */
function refusal(run: () => unknown): { error: EcgError; ms: number; heapGrowthMiB: number } {
  const heap0 = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const t0 = performance.now();
  try {
    run();
  } catch (e) {
    const ms = performance.now() - t0;
    const heapGrowthMiB = (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heap0) / 2 ** 20;
    if (!(e instanceof EcgError)) throw new Error(`crash instead of a clear refusal: ${String(e)}`, { cause: e });
    return { error: e, ms, heapGrowthMiB };
  }
  throw new Error('accepted; expected a refusal');
}

describe('CLI file entry: hostile paths refused by stat, by name, quickly', () => {
  beforeAll(async () => {
    await loadParsers();
    for (const ext of ['hea', 'dat'])
      copyFileSync(join(FIXTURES, 'ptbxl', `00001_lr.${ext}`), join(dir, `00001_lr.${ext}`));
  });

  it('a 1 GiB sparse file, of every extension, is refused by its size without being read', () => {
    for (const name of ['huge.dat', 'huge.csv', 'huge.npy', 'huge.dcm', 'huge.xml', 'huge']) {
      const p = join(dir, name);
      writeFileSync(p, '');
      truncateSync(p, GiB); // sparse: no disk, no memory
      if (name === 'huge.dat') writeFileSync(join(dir, 'huge.hea'), 'huge 1 500\nhuge.dat 16 1000/mV 16 0 0 0 0 I\n');
      const { error, ms, heapGrowthMiB } = refusal(() => inspectRecord(p));
      expect(error.code).toBe('file-too-large');
      expect(error.message).toMatch(
        new RegExp(
          `^${(name === 'huge' ? 'huge.dat' : name).replace('.', '\\.')}: 1024 MiB is more than the ${LIMITS.maxFileBytes / 2 ** 20} MiB limit`,
        ),
      );
      expect(ms).toBeLessThan(HANG_GUARD_MS);
      expect(heapGrowthMiB).toBeLessThan(64); // nothing near the 1 GiB was allocated
    }
  });

  it('a directory given as a record', () => {
    const folder = join(dir, 'a-folder.csv');
    mkdirSync(folder);
    const { error } = refusal(() => inspectRecord(folder));
    expect(error.code).toBe('missing-file');
    expect(error.message).toBe(
      `${folder}: this is a folder, not a record file: give the record's .hea (or its .csv, .npy, .dcm, .scp, .xml)`,
    );
    const rec = join(dir, 'rec');
    mkdirSync(rec); // a folder named like a record with no .hea beside it
    expect(refusal(() => inspectRecord(rec)).error.message).toContain('this is a folder');
  });

  it('zero-length files: the header, its data, a CSV', () => {
    writeFileSync(join(dir, 'z.hea'), '');
    writeFileSync(join(dir, 'z.csv'), '');
    expect(refusal(() => inspectRecord(join(dir, 'z.hea'))).error.message).toBe('z.hea: the file is empty');
    expect(refusal(() => inspectRecord(join(dir, 'z.csv'))).error.message).toBe('z.csv: the file is empty');
    writeFileSync(join(dir, 'zd.hea'), 'zd 1 500 10\nzd.dat 16 1000/mV 16 0 0 0 0 I\n');
    writeFileSync(join(dir, 'zd.dat'), '');
    expect(refusal(() => inspectRecord(join(dir, 'zd.hea'))).error.message).toBe('zd.dat: the file is empty');
  });

  it('a header naming itself, or a file outside its folder, is refused without reading that file', () => {
    const hea = readFileSync(join(dir, '00001_lr.hea'), 'utf8');
    writeFileSync(join(dir, 'self.hea'), hea.replace('00001_lr 12', 'self 12').replaceAll('00001_lr.dat', 'self.hea'));
    expect(refusal(() => inspectRecord(join(dir, 'self.hea'))).error.message).toMatch(
      /^self\.hea: a signal's data file is "self\.hea", a header/,
    );
    writeFileSync(outside, new Uint8Array(24000)); // a valid-sized target, never to be read
    writeFileSync(
      join(dir, 'escape.hea'),
      hea.replace('00001_lr 12', 'escape 12').replaceAll('00001_lr.dat', `../outside-${process.pid}.dat`),
    );
    expect([...readRecordFiles(join(dir, 'escape.hea')).keys()]).toEqual(['escape.hea']); // never opened
    expect(refusal(() => inspectRecord(join(dir, 'escape.hea'))).error.message).toContain('is not a plain file name');
  });
});

describe('spawned CLI: hostile files end in {"error":{code,message}} and exit 1', () => {
  const cli = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

  it.each([
    ['1 GiB sparse .csv', 'sparse.csv', 'file-too-large', /sparse\.csv: 1024 MiB is more than the 64 MiB limit/],
    ['a folder', 'folder.npy', 'missing-file', /this is a folder/],
    ['10⁶ CSV columns', 'wide.csv', 'too-many-channels', /wide\.csv: the header row has 1000000 columns/],
  ])('%s', (_what, name, code, message) => {
    const p = join(dir, name);
    if (name === 'sparse.csv') (writeFileSync(p, ''), truncateSync(p, GiB));
    if (name === 'folder.npy') mkdirSync(p);
    if (name === 'wide.csv') writeFileSync(p, `${'x,'.repeat(999_999)}x\n${'0,'.repeat(999_999)}0\n`);
    const r = cli('inspect', p);
    expect(r.status, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(out.error.code).toBe(code);
    expect(out.error.message).toMatch(message);
  });
});
