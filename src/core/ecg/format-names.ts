import type { RecordFormat } from './types';

/** How each record format is named to a reader. */
export const FORMAT_NAMES: Record<RecordFormat, string> = {
  wfdb: 'WFDB',
  'challenge-mat': 'PhysioNet Challenge (.mat)',
  csv: 'CSV',
  npy: 'NumPy .npy',
  dicom: 'DICOM waveform',
  'hl7-aecg': 'HL7 aECG',
  'scp-ecg': 'SCP-ECG',
  'ge-muse': 'GE MUSE XML',
  'philips-xml': 'Philips XML',
};
