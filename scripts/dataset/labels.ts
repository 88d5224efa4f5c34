/**
 * Normal vs abnormal, the paper's sense (3.1), applied the same way to every source:
 * a record is NORMAL when its only diagnostic statement is "normal ECG"; any other diagnostic statement makes it
 * ABNORMAL. Rhythm statements (sinus tachycardia, premature beats, AF), axis and voltage descriptions are not
 * diagnostic statements in PTB-XL's scp_statements.csv, so they do not decide the label. A record with no
 * diagnostic statement at all is left out (its label would be a guess).
 */
export type Label = 'normal' | 'abnormal';
export type Labelled = { label: Label } | { label: null; reason: string };

/** PTB-XL: `diagnostic` column of scp_statements.csv decides which statements count. */
export function ptbxlLabel(scpCodes: Record<string, number>, diagnosticStatements: Set<string>): Labelled {
  const diag = Object.keys(scpCodes).filter((c) => diagnosticStatements.has(c));
  if (diag.length === 0)
    return { label: null, reason: `no diagnostic statement (${Object.keys(scpCodes).join(', ') || 'none'})` };
  return { label: diag.length === 1 && diag[0] === 'NORM' ? 'normal' : 'abnormal' };
}

/**
 * LUDB (ludb.csv): conduction abnormalities, hypertrophies/overloads, ischemia/scar, non-specific repolarization
 * abnormalities and cardiac pacing are diagnostic findings (PTB-XL has statements for each: CD, HYP, MI, STTC,
 * and pacing); rhythm, electrical axis, extrasystoles and "early repolarization" (a normal variant) are not.
 * LUDB has no explicit "normal ECG" statement, so a record with none of the diagnostic findings is normal.
 */
export const LUDB_DIAGNOSTIC_COLUMNS = [
  'Conduction abnormalities',
  'Hypertrophies',
  'Ischemia',
  'Non-specific repolarization abnormalities',
  'Cardiac pacing',
];

export function ludbLabel(row: Record<string, string>): Labelled {
  const findings = LUDB_DIAGNOSTIC_COLUMNS.flatMap((c) =>
    (row[c] ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return { label: findings.length ? 'abnormal' : 'normal' };
}

/**
 * PhysioNet/CinC Challenge 2021 SNOMED CT codes (names from the Challenge's dx mapping tables).
 * DIAGNOSTIC: findings PTB-XL files under its diagnostic classes (CD, HYP, MI, STTC) → abnormal.
 * NOT_DIAGNOSTIC: rhythm, ectopy, axis and voltage descriptions → do not decide the label.
 * A record whose codes are all NOT_DIAGNOSTIC and include sinus rhythm (or a sinus variant) is normal.
 * Any code in neither list leaves the record out, so a new code is never silently mislabelled.
 */
export const SNOMED_DIAGNOSTIC: Record<string, string> = {
  '164909002': 'left bundle branch block',
  '733534002': 'complete left bundle branch block',
  '251120003': 'incomplete left bundle branch block',
  '59118001': 'right bundle branch block',
  '713427006': 'complete right bundle branch block',
  '713426002': 'incomplete right bundle branch block',
  '445118002': 'left anterior fascicular block',
  '445211001': 'left posterior fascicular block',
  '698252002': 'nonspecific intraventricular conduction disorder',
  '6374002': 'bundle branch block',
  '270492004': '1st degree av block',
  '164947007': 'prolonged pr interval',
  '195042002': '2nd degree av block',
  '27885002': 'complete heart block',
  '74390002': 'wolff parkinson white pattern',
  '164873001': 'left ventricular hypertrophy',
  '55827005': 'left ventricular high voltage',
  '89792004': 'right ventricular hypertrophy',
  '67741000119109': 'left atrial enlargement',
  '253352002': 'left atrial abnormality',
  '446813000': 'left atrial hypertrophy',
  '446358003': 'right atrial hypertrophy',
  '370365005': 'left ventricular strain',
  '164865005': 'myocardial infarction',
  '164867002': 'old myocardial infarction',
  '57054005': 'acute myocardial infarction',
  '54329005': 'anterior myocardial infarction',
  '164861001': 'myocardial ischemia',
  '426434006': 'anterior ischemia',
  '425419005': 'inferior ischaemia',
  '425623009': 'lateral ischaemia',
  '413444003': 'acute myocardial ischemia',
  '164934002': 't wave abnormal',
  '59931005': 't wave inversion',
  '55930002': 's t changes',
  '428750005': 'nonspecific st t abnormality',
  '164930006': 'st interval abnormal',
  '429622005': 'st depression',
  '164931005': 'st elevation',
  '111975006': 'prolonged qt interval',
  '164917005': 'qwave abnormal',
  '10370003': 'pacing rhythm',
  '251266004': 'ventricular pacing pattern',
};
export const SNOMED_NOT_DIAGNOSTIC: Record<string, string> = {
  '426783006': 'sinus rhythm',
  '427084000': 'sinus tachycardia',
  '426177001': 'sinus bradycardia',
  '427393009': 'sinus arrhythmia',
  '284470004': 'premature atrial contraction',
  '427172004': 'premature ventricular contractions',
  '17338001': 'ventricular premature beats',
  '63593006': 'supraventricular premature beats',
  '251170000': 'blocked premature atrial contraction',
  '251187003': 'atrial escape beat',
  '713422000': 'atrial tachycardia',
  '164889003': 'atrial fibrillation',
  '164890007': 'atrial flutter',
  '426627000': 'bradycardia',
  '39732003': 'left axis deviation',
  '47665007': 'right axis deviation',
  '251146004': 'low qrs voltages',
  '365413008': 'poor R wave progression',
};
const SINUS = new Set(['426783006', '427084000', '426177001', '427393009']);

/**
 * `trustNormal: false` (the dataset's rule for Challenge records outside PTB-XL, per the data README): a Dx of
 * sinus rhythm only is not the PTB-XL "normal" (PTB-XL's abnormal records carry it too), so such a record is left
 * out instead of being called normal; only abnormal labels are trusted.
 */
export function snomedLabel(codes: string[], { trustNormal = true }: { trustNormal?: boolean } = {}): Labelled {
  const unknown = codes.filter((c) => !(c in SNOMED_DIAGNOSTIC) && !(c in SNOMED_NOT_DIAGNOSTIC));
  if (unknown.length) return { label: null, reason: `SNOMED code(s) not in the mapping: ${unknown.join(', ')}` };
  if (codes.some((c) => c in SNOMED_DIAGNOSTIC)) return { label: 'abnormal' };
  if (codes.some((c) => SINUS.has(c))) {
    return trustNormal
      ? { label: 'normal' }
      : {
          label: null,
          reason: `Challenge record outside PTB-XL with no diagnostic code (${codes.join(', ')}): its "normal" is not trusted`,
        };
  }
  return { label: null, reason: `no diagnostic statement and no sinus rhythm (${codes.join(', ')})` };
}
