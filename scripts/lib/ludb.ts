import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWfdbAnnotations } from '../../src/core/ecg/wfdb/annotations';
import { extractWaves, qrsOnsetsAcrossLeads, type QrsAcrossLeads } from '../../src/core/ecg/wfdb/ludb-delineation';
import { parseCsvTable } from './csv-table';

/** LUDB's annotation file extensions, in standard lead order. */
export const LUDB_LEAD_FILES = ['i', 'ii', 'iii', 'avr', 'avl', 'avf', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'];

export interface LudbRecordInfo {
  id: string;
  rhythm: string;
  conduction: string;
}

export function ludbRecords(ludbDir: string): LudbRecordInfo[] {
  const table = parseCsvTable(readFileSync(join(ludbDir, 'ludb.csv'), 'utf8'));
  return table
    .filter((r) => existsSync(join(ludbDir, 'data', `${r.ID}.hea`)))
    .map((r) => ({
      id: r.ID,
      rhythm: r.Rhythms.replace(/\s+/g, ' '),
      conduction: r['Conduction abnormalities'] ?? '',
    }));
}

/** The expert-delineated QRS complexes of one record, grouped across its 12 leads. */
export function ludbQrsComplexes(ludbDir: string, id: string): QrsAcrossLeads[] {
  const perLead = LUDB_LEAD_FILES.map((ext) => {
    const name = `${id}.${ext}`;
    return extractWaves(readWfdbAnnotations(new Uint8Array(readFileSync(join(ludbDir, 'data', name))), name));
  });
  return qrsOnsetsAcrossLeads(perLead);
}
