/**
 * Names of the SNOMED CT codes that PhysioNet/CinC Challenge 2021 headers carry in `# Dx:` (every code found in
 * ../shared/data/cinc; names as the Challenge's dx_mapping tables give them). A code not listed is shown as
 * "SNOMED CT <code>", never dropped.
 */
export const SNOMED_NAMES: Readonly<Record<string, string>> = {
  '10370003': 'pacing rhythm',
  '39732003': 'left axis deviation',
  '47665007': 'right axis deviation',
  '55827005': 'left ventricular hypertrophy',
  '55930002': 'ST changes',
  '59118001': 'right bundle branch block',
  '59931005': 'T-wave inversion',
  '67741000119109': 'left atrial enlargement',
  '89792004': 'right ventricular hypertrophy',
  '111975006': 'prolonged QT interval',
  '164865005': 'myocardial infarction',
  '164873001': 'left ventricular hypertrophy (ECG)',
  '164884008': 'ventricular ectopics',
  '164889003': 'atrial fibrillation',
  '164890007': 'atrial flutter',
  '164909002': 'left bundle branch block',
  '164917005': 'abnormal Q wave',
  '164930006': 'ST elevation',
  '164934002': 'T-wave abnormal',
  '164951009': 'abnormal QRS',
  '253352002': 'left atrial abnormality',
  '270492004': '1st degree AV block',
  '284470004': 'premature atrial contraction',
  '365413008': 'poor R wave progression',
  '425623009': 'lateral ischaemia',
  '426177001': 'sinus bradycardia',
  '426434006': 'anterior ischaemia',
  '426783006': 'sinus rhythm',
  '427084000': 'sinus tachycardia',
  '427172004': 'premature ventricular contractions',
  '427393009': 'sinus arrhythmia',
  '428750005': 'nonspecific ST-T abnormality',
  '429622005': 'ST depression',
  '445118002': 'left anterior fascicular block',
  '698252002': 'nonspecific intraventricular conduction disorder',
  '713422000': 'atrial tachycardia',
  '713426002': 'incomplete right bundle branch block',
  '713427006': 'complete right bundle branch block',
};

export const snomedName = (code: string): string => SNOMED_NAMES[code] ?? `SNOMED CT ${code}`;

/**
 * A header comment with its Dx codes named: "Dx: 426783006,445118002" → "Dx: sinus rhythm, left anterior fascicular
 * block (SNOMED CT 426783006, 445118002)". Other comments come back unchanged.
 */
export function nameDiagnoses(comment: string): string {
  const m = /^\s*#?\s*Dx\s*:\s*(.+)$/i.exec(comment);
  if (!m) return comment;
  const codes = m[1].split(/[,;\s]+/).filter((c) => /^\d+$/.test(c));
  if (codes.length === 0) return comment;
  return `Dx: ${codes.map(snomedName).join(', ')} (SNOMED CT ${codes.join(', ')})`;
}
