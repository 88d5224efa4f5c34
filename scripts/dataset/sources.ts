import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRecord } from '../../src/core/ecg/load';
import { parseNpy } from '../../src/core/ecg/npy';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { parseCsvTable } from '../lib/csv-table';
import { readRecordFiles } from '../lib/record-files';
import { ludbLabel, ptbxlLabel, snomedLabel, type Label, type Labelled } from './labels';

export type SourceName = 'ptbxl' | 'ptbxl-zscored' | 'ludb' | 'cinc';

/** One labelled record of any source, with what the split needs and a way to get its model signals. */
export interface SourceRecord {
  id: string;
  source: SourceName;
  label: Label;
  /** Patient key: records with the same key always land in the same split. */
  patient: string;
  /** PTB-XL's stratified fold (patients never span folds); undefined elsewhere. */
  stratFold?: number;
  /** The record's leads are in mV (raw files), or only pre-z-scored (ptbxl-zscored: per-lead scale lost). */
  units: 'mV' | 'z';
  /**
   * Z-scored 500 Hz leads (the model representation), the signal QRS detection runs on and, for records in mV,
   * the band-passed mV leads (what the CineECG trajectory is computed from).
   */
  signals(): { zscored: Float32Array[]; detectOn: Float32Array[]; filteredMv?: Float32Array[] };
}

export interface SourceListing {
  records: SourceRecord[];
  excluded: { id: string; reason: string }[];
}

const parseDict = (s: string): Record<string, number> =>
  JSON.parse(s.replace(/'/g, '"')) as Record<string, number>; // PTB-XL writes Python dict literals

function fromRaw(path: string) {
  return () => {
    const p = prepareEcg(loadRecord(readRecordFiles(path)));
    return { zscored: p.zscored, detectOn: p.filteredMv, filteredMv: p.filteredMv };
  };
}

export function listSources(dataDir: string): SourceListing {
  const records: SourceRecord[] = [];
  const excluded: { id: string; reason: string }[] = [];
  const add = (base: Omit<SourceRecord, 'label'>, l: Labelled) => {
    if (l.label === null) excluded.push({ id: base.id, reason: l.reason });
    else records.push({ ...base, label: l.label });
  };

  // PTB-XL, raw WFDB at 500 Hz (the 100 Hz copies are the same recordings: not used twice).
  const statements = parseCsvTable(readFileSync(join(dataDir, 'ptbxl/scp_statements.csv'), 'utf8'));
  const diagnostic = new Set(statements.filter((r) => r.diagnostic === '1.0').map((r) => r['']));
  const seenEcgIds = new Set<number>();
  for (const row of parseCsvTable(readFileSync(join(dataDir, 'ptbxl/ptbxl_database.csv'), 'utf8'))) {
    const ecgId = Number(row.ecg_id);
    const path = join(dataDir, 'ptbxl', row.filename_hr);
    if (!existsSync(`${path}.hea`)) continue;
    seenEcgIds.add(ecgId);
    add(
      { id: `ptbxl:${ecgId}`, source: 'ptbxl', patient: `ptbxl-patient:${Number(row.patient_id)}`, stratFold: Number(row.strat_fold), units: 'mV', signals: fromRaw(path) },
      ptbxlLabel(parseDict(row.scp_codes), diagnostic),
    );
  }

  // PTB-XL, pre-band-passed and z-scored arrays. No patient_id here: the split goes by strat_fold, which
  // keeps every patient inside one fold, so the patient key is the fold itself for these rows.
  for (const row of parseCsvTable(readFileSync(join(dataDir, 'ptbxl-zscored/labels.csv'), 'utf8'))) {
    const ecgId = Number(row.ecg_id);
    if (seenEcgIds.has(ecgId)) continue; // also in raw form: use the raw record once
    seenEcgIds.add(ecgId);
    const npy = join(dataDir, 'ptbxl-zscored/arrays', `${ecgId}.npy`);
    add(
      {
        id: `ptbxl-z:${ecgId}`, source: 'ptbxl-zscored', patient: `ptbxl-fold:${row.strat_fold}`, stratFold: Number(row.strat_fold), units: 'z',
        signals: () => {
          const { shape, data } = parseNpy(new Uint8Array(readFileSync(npy)));
          const leads = Array.from({ length: shape[1] }, (_, l) => Float32Array.from({ length: shape[0] }, (_, t) => data[t * shape[1] + l]));
          return { zscored: leads, detectOn: leads };
        },
      },
      ptbxlLabel(parseDict(row.scp_codes), diagnostic),
    );
  }

  // LUDB: one record per patient.
  for (const row of parseCsvTable(readFileSync(join(dataDir, 'ludb/ludb.csv'), 'utf8'))) {
    const path = join(dataDir, 'ludb/data', row.ID);
    if (!existsSync(`${path}.hea`)) continue;
    add({ id: `ludb:${row.ID}`, source: 'ludb', patient: `ludb:${row.ID}`, units: 'mV', signals: fromRaw(path) }, ludbLabel(row));
  }

  // Challenge 2021 (+ the Chapman record): SNOMED codes in the header; HR records are PTB-XL ecg_ids.
  for (const folder of ['cinc/cinc2021', 'cinc/chapman']) {
    for (const hea of readdirSync(join(dataDir, folder)).filter((f) => f.endsWith('.hea')).sort()) {
      const name = hea.replace(/\.hea$/, '');
      const hr = /^HR(\d+)$/.exec(name);
      if (hr && seenEcgIds.has(Number(hr[1]))) continue;
      const text = readFileSync(join(dataDir, folder, hea), 'utf8');
      const codes = (/^#\s*Dx:\s*(.*)$/m.exec(text)?.[1] ?? '').split(',').map((c) => c.trim()).filter(Boolean);
      add({ id: `cinc:${name}`, source: 'cinc', patient: `cinc:${name}`, units: 'mV', signals: fromRaw(join(dataDir, folder, name)) }, snomedLabel(codes));
    }
  }
  return { records, excluded };
}
