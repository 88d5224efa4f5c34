import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRecord } from '../../src/core/ecg/load';
import { parseNpy } from '../../src/core/ecg/npy';
import { readNpyRecord } from '../../src/core/ecg/npy-record';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { parseCsvTable } from '../lib/csv-table';
import { readRecordFiles } from '../lib/record-files';
import { ludbLabel, ptbxlLabel, snomedLabel, type Label, type Labelled } from './labels';
import { ptbxlTable, type PtbxlRow } from './ptbxl-table';

export type SourceName = 'ptbxl' | 'ptbxl-zscored' | 'ptbxl-zscored-250' | 'ludb' | 'cinc';

/** One labelled record of any source, with what the split needs and a way to get its model signals. */
export interface SourceRecord {
  id: string;
  source: SourceName;
  label: Label;
  /** Patient key: records with the same key always land in the same split. */
  patient: string;
  /** PTB-XL's stratified fold (patients never span folds); undefined elsewhere. */
  stratFold?: number;
  /** The record's leads are in mV (raw files), or only pre-z-scored (ptbxl-zscored*: per-lead scale lost). */
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

function fromRaw(path: string) {
  return () => {
    const p = prepareEcg(loadRecord(readRecordFiles(path)));
    return { zscored: p.zscored, detectOn: p.filteredMv, filteredMv: p.filteredMv };
  };
}

/** ptbxl-zscored: 500 Hz float32, already band-passed and z-scored: the leads are the model representation as stored. */
function fromZscored500(npy: string) {
  return () => {
    const { shape, data } = parseNpy(new Uint8Array(readFileSync(npy)));
    const leads = Array.from({ length: shape[1] }, (_, l) =>
      Float32Array.from({ length: shape[0] }, (_, t) => data[t * shape[1] + l]),
    );
    return { zscored: leads, detectOn: leads };
  };
}

/**
 * ptbxl-zscored-250: the same preparation stored at 250 Hz as float16. Read as a z-scored .npy at 250 Hz, so
 * prepareEcg brings it to 500 Hz with the project's polyphase resampler and skips band-pass and z-score, exactly
 * what the app does with such a file.
 */
function fromZscored250(npy: string, name: string) {
  return () => {
    const p = prepareEcg(readNpyRecord(new Uint8Array(readFileSync(npy)), name, { fsHz: 250, zscored: true }));
    return { zscored: p.zscored, detectOn: p.zscored };
  };
}

/** PTB-XL records found in several folders are used once, from the first source here: mV before z-scores. */
const PTBXL_PREFERENCE = ['ptbxl', 'cinc', 'ptbxl-zscored', 'ptbxl-zscored-250'] as const;

interface PtbxlCandidate {
  id: string;
  source: SourceName;
  units: 'mV' | 'z';
  signals: SourceRecord['signals'];
}

/**
 * Every labelled record of the data folder. PTB-XL records (raw WFDB, the two z-scored array sets, the Challenge's
 * HR* files) take label, patient and fold from ptbxl_database_folds1-9.csv; one PTB-XL ecg_id met in several
 * folders is kept once (PTBXL_PREFERENCE) and the other copies are listed in `excluded` as duplicates.
 */
export function listSources(dataDir: string): SourceListing {
  const records: SourceRecord[] = [];
  const excluded: { id: string; reason: string }[] = [];
  const add = (base: Omit<SourceRecord, 'label'>, l: Labelled) => {
    if (l.label === null) excluded.push({ id: base.id, reason: l.reason });
    else records.push({ ...base, label: l.label });
  };
  const { rows: ptbxl, diagnostic } = ptbxlTable(dataDir);

  // Gather every PTB-XL copy first, then keep one per ecg_id.
  const copies = new Map<number, PtbxlCandidate[]>();
  const offer = (ecgId: number, c: PtbxlCandidate) => copies.set(ecgId, [...(copies.get(ecgId) ?? []), c]);
  for (const row of ptbxl.values()) {
    const path = join(dataDir, 'ptbxl', row.filename_hr);
    if (existsSync(`${path}.hea`))
      offer(row.ecgId, { id: `ptbxl:${row.ecgId}`, source: 'ptbxl', units: 'mV', signals: fromRaw(path) });
  }
  for (const [folder, prefix, source, reader] of [
    ['ptbxl-zscored', 'ptbxl-z', 'ptbxl-zscored', (p: string) => fromZscored500(p)],
    ['ptbxl-zscored-250', 'ptbxl-z250', 'ptbxl-zscored-250', (p: string, n: string) => fromZscored250(p, n)],
  ] as const) {
    for (const row of parseCsvTable(readFileSync(join(dataDir, folder, 'labels.csv'), 'utf8'))) {
      const ecgId = Number(row.ecg_id);
      const npy = join(dataDir, folder, 'arrays', `${ecgId}.npy`);
      offer(ecgId, { id: `${prefix}:${ecgId}`, source, units: 'z', signals: reader(npy, `${ecgId}.npy`) });
    }
  }

  // Challenge 2021 (+ the Chapman record): HR* are PTB-XL ecg_ids; the others carry SNOMED codes in the header.
  for (const folder of ['cinc/cinc2021', 'cinc/cinc2021-more', 'cinc/chapman']) {
    if (!existsSync(join(dataDir, folder))) continue;
    for (const hea of readdirSync(join(dataDir, folder))
      .filter((f) => f.endsWith('.hea'))
      .sort()) {
      const name = hea.replace(/\.hea$/, '');
      const signals = fromRaw(join(dataDir, folder, name));
      const hr = /^HR(\d+)$/.exec(name);
      if (hr) {
        offer(Number(hr[1]), { id: `cinc:${name}`, source: 'cinc', units: 'mV', signals });
        continue;
      }
      const text = readFileSync(join(dataDir, folder, hea), 'utf8');
      const codes = (/^#\s*Dx:\s*(.*)$/m.exec(text)?.[1] ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      add(
        { id: `cinc:${name}`, source: 'cinc', patient: `cinc:${name}`, units: 'mV', signals },
        snomedLabel(codes, { trustNormal: false }),
      );
    }
  }

  for (const ecgId of [...copies.keys()].sort((a, b) => a - b)) {
    const all = copies.get(ecgId)!;
    const ranked = [...all].sort(
      (a, b) => PTBXL_PREFERENCE.indexOf(a.source as never) - PTBXL_PREFERENCE.indexOf(b.source as never),
    );
    const [keep, ...dupes] = ranked;
    for (const d of dupes)
      excluded.push({
        id: d.id,
        reason: `duplicate of ${keep.id} (PTB-XL ecg_id ${ecgId}; one copy kept, mV preferred)`,
      });
    const row: PtbxlRow | undefined = ptbxl.get(ecgId);
    if (!row) {
      excluded.push({
        id: keep.id,
        reason: `PTB-XL ecg_id ${ecgId} is not in ptbxl_database_folds1-9.csv (strat_fold 10?): no label, patient or fold`,
      });
      continue;
    }
    add(
      { ...keep, patient: `ptbxl-patient:${row.patientId}`, stratFold: row.stratFold },
      ptbxlLabel(row.scpCodes, diagnostic),
    );
  }

  // LUDB: one record per patient.
  for (const row of parseCsvTable(readFileSync(join(dataDir, 'ludb/ludb.csv'), 'utf8'))) {
    const path = join(dataDir, 'ludb/data', row.ID);
    if (!existsSync(`${path}.hea`)) continue;
    add(
      { id: `ludb:${row.ID}`, source: 'ludb', patient: `ludb:${row.ID}`, units: 'mV', signals: fromRaw(path) },
      ludbLabel(row),
    );
  }
  return { records, excluded };
}
