import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../core/constants';
import { EcgError } from '../../core/errors';
import { openCase } from './openCase';
import { type LocalFile, MAX_LOCAL_FILES, readLocalFiles } from './readLocalFiles';
import { fakeFile, fixtureFile } from './testing/localFiles';

async function rejection(p: Promise<unknown>): Promise<EcgError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof EcgError) return e;
    throw e;
  }
  throw new Error('expected an EcgError');
}

describe('readLocalFiles', () => {
  it('reads every file by name, and the core pipeline opens them like a demo case', async () => {
    const files = await readLocalFiles([fixtureFile('ptbxl/00001_lr.hea'), fixtureFile('ptbxl/00001_lr.dat')]);
    expect([...files.keys()]).toEqual(['00001_lr.hea', '00001_lr.dat']);
    expect(files.get('00001_lr.dat')?.length).toBe(24_000);
    const prepared = openCase(files);
    expect(prepared.record.fsHz).toBe(100);
    expect(prepared.record.sourceFiles).toEqual(['00001_lr.hea', '00001_lr.dat']);
    expect(prepared.fsHz).toBe(500); // resampled for the model
  });

  it('opens a Challenge .hea + .mat pair', async () => {
    const prepared = openCase(await readLocalFiles([fixtureFile('cinc/E07500.mat'), fixtureFile('cinc/E07500.hea')]));
    expect(prepared.record.format).toBe('challenge-mat');
  });

  it('refuses nothing, too many files, duplicate names and oversized files before reading any', async () => {
    expect((await rejection(readLocalFiles([]))).code).toBe('missing-file');
    const many = Array.from({ length: MAX_LOCAL_FILES + 1 }, (_, i) => fakeFile(`${i}.dat`, new Uint8Array(1)));
    expect((await rejection(readLocalFiles(many))).message).toContain('one record at a time');
    expect(many.every((f) => f.reads === 0)).toBe(true);

    const dup = await rejection(
      readLocalFiles([fakeFile('a.hea', new Uint8Array(1)), fakeFile('a.hea', new Uint8Array(2))]),
    );
    expect(dup.toJSON()).toMatchObject({ code: 'unknown-format', file: 'a.hea' });

    const small = fakeFile('a.hea', new Uint8Array(1));
    const huge = fakeFile('huge.dat', new Uint8Array(1), MAX_INPUT_BYTES + 1);
    expect((await rejection(readLocalFiles([small, huge]))).toJSON()).toMatchObject({
      code: 'file-too-large',
      file: 'huge.dat',
    });
    expect(small.reads + huge.reads).toBe(0);
  });

  it('names the file the browser could not read', async () => {
    const gone: LocalFile = {
      name: 'x.dat',
      size: 10,
      arrayBuffer: () => Promise.reject(new DOMException('file was moved', 'NotReadableError')),
    };
    const e = await rejection(readLocalFiles([fakeFile('x.hea', new Uint8Array(1)), gone]));
    expect(e.toJSON()).toMatchObject({ code: 'missing-file', file: 'x.dat' });
    expect(e.message).toContain('file was moved');
    expect(e.message).toContain('a folder cannot be opened'); // a dropped folder fails to read the same way
  });

  it('a 1 GiB file is refused from its size alone, with the limit named', async () => {
    const giant = fakeFile('giant.xml', new Uint8Array(1), 2 ** 30);
    const e = await rejection(readLocalFiles([giant]));
    expect(e.message).toBe('giant.xml: 1024 MiB is more than the 64 MiB limit for one file');
    expect(giant.reads).toBe(0);
  });
});
