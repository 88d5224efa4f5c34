import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecordFiles } from '../../../scripts/lib/record-files';
import { sharedDataDir } from '../../test-support/data';
import { loadRecord } from './load';
import { prepareEcg } from './prepare';

const root = sharedDataDir('loading every record of the shared datasets');
const folders = [
  'ptbxl/records500/00000',
  'ptbxl/records100/00000',
  'ludb/data',
  'cinc/cinc2021',
  'cinc/chapman',
  'ptbdb',
];

describe.skipIf(!root)('every record in ../shared/data loads and yields a model window', () => {
  for (const folder of folders) {
    it(folder, () => {
      const headers = readdirSync(join(root!, folder)).filter((f) => f.endsWith('.hea'));
      expect(headers.length).toBeGreaterThan(0);
      for (const h of headers) {
        const r = loadRecord(readRecordFiles(join(root!, folder, h)));
        expect(r.leadsMv, h).toHaveLength(12);
        expect(r.notes, h).toEqual([]); // no checksum mismatch, nothing assumed
        expect(r.nSamples / r.fsHz, h).toBeGreaterThanOrEqual(10);
        const p = prepareEcg(r);
        expect(p.window.every(Number.isFinite), h).toBe(true);
        expect(p.qrsOnsetsMs, h).toContain(p.windowStartMs);
      }
    });
  }
});
