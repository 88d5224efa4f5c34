import { mkdtempSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/test-support/data';
import { readRecordFiles } from './record-files';

describe('readRecordFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecg-'));

  it('finds the data files a header names, from .hea, .dat or the bare record path', () => {
    for (const ext of ['hea', 'dat'])
      copyFileSync(join(FIXTURES, 'ptbxl', `00285_hr.${ext}`), join(dir, `00285_hr.${ext}`));
    for (const p of ['00285_hr.hea', '00285_hr.dat', '00285_hr']) {
      expect([...readRecordFiles(join(dir, p)).keys()]).toEqual(['00285_hr.hea', '00285_hr.dat']);
    }
  });

  it('refuses a 200 MB file from its size alone, without reading it', () => {
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 2 ** 20); // sparse: instant, no memory
    expect(() => readRecordFiles(huge)).toThrow('200 MiB is more than the 64 MiB limit');
  });

  it('names a missing file', () => {
    expect(() => readRecordFiles(join(dir, 'nope.csv'))).toThrow('no such file');
  });
});
