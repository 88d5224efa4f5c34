import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvTable } from '../lib/csv-table';

/** What the dataset needs from one row of PTB-XL's database table. */
export interface PtbxlRow {
  ecgId: number;
  patientId: number;
  stratFold: number;
  scpCodes: Record<string, number>;
  /** records500/… path of the raw WFDB record, relative to ptbxl/. */
  filename_hr: string;
}

/** PTB-XL writes Python dict literals: {'NORM': 100.0, 'SR': 0.0}. */
export const parseScpCodes = (s: string): Record<string, number> =>
  JSON.parse(s.replace(/'/g, '"')) as Record<string, number>;

/**
 * ptbxl/ptbxl_database_folds1-9.csv (every PTB-XL record of strat_fold 1–9) keyed by ecg_id, and the diagnostic
 * statements of scp_statements.csv. This one table labels every PTB-XL copy, whichever folder it came from.
 */
export function ptbxlTable(dataDir: string): { rows: Map<number, PtbxlRow>; diagnostic: Set<string> } {
  const statements = parseCsvTable(readFileSync(join(dataDir, 'ptbxl/scp_statements.csv'), 'utf8'));
  const diagnostic = new Set(statements.filter((r) => r.diagnostic === '1.0').map((r) => r['']));
  const rows = new Map<number, PtbxlRow>();
  for (const r of parseCsvTable(readFileSync(join(dataDir, 'ptbxl/ptbxl_database_folds1-9.csv'), 'utf8'))) {
    const row: PtbxlRow = {
      ecgId: Number(r.ecg_id),
      patientId: Number(r.patient_id),
      stratFold: Number(r.strat_fold),
      scpCodes: parseScpCodes(r.scp_codes),
      filename_hr: r.filename_hr,
    };
    if (
      !Number.isInteger(row.ecgId) ||
      !Number.isFinite(row.patientId) ||
      !(row.stratFold >= 1 && row.stratFold <= 9)
    ) {
      throw new Error(
        `ptbxl_database_folds1-9.csv: row ecg_id ${r.ecg_id} has patient_id ${r.patient_id}, strat_fold ${r.strat_fold} (expected a number and a fold 1–9)`,
      );
    }
    rows.set(row.ecgId, row);
  }
  return { rows, diagnostic };
}
