import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../src/core/ecg/export/csv-writer';
import { safeName, toWfdb } from '../../src/core/ecg/export/wfdb-writer';
import type { LoadOptions } from '../../src/core/ecg/load';
import { loadRecordAt } from '../lib/record-files';

/**
 * `cli convert <record> --to wfdb|csv --out DIR`: any readable record as WFDB (format 16) or CSV in mV, for the
 * research tools. Prints { written: [paths], fsHz, nSamples, derivedLeads }.
 */
export function convertRecord(path: string, to: string, outDir: string, load: LoadOptions = {}) {
  if (to !== 'wfdb' && to !== 'csv') throw new Error(`--to must be wfdb or csv, got "${to}"`);
  const record = loadRecordAt(path, load);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  if (to === 'wfdb') {
    for (const [name, bytes] of toWfdb(record).files) {
      writeFileSync(join(outDir, name), bytes);
      written.push(join(outDir, name));
    }
  } else {
    const file = join(outDir, `${safeName(record.name)}.csv`);
    writeFileSync(file, toCsv(record));
    written.push(file);
  }
  return { written, fsHz: record.fsHz, nSamples: record.nSamples, derivedLeads: record.derivedLeads };
}
