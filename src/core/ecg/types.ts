/** Plain data shared by every stage of the ECG pipeline. Units are in the names. */

export const STANDARD_LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
export type StandardLead = (typeof STANDARD_LEADS)[number];

export type RecordFormat =
  'wfdb' | 'challenge-mat' | 'csv' | 'npy' | 'dicom' | 'hl7-aecg' | 'scp-ecg' | 'ge-muse' | 'philips-xml';

/** A measurement as the recording device printed it (e.g. "QRS duration 94 ms"). */
export interface DeviceMeasurement {
  name: string;
  value: string;
  units?: string;
}

/**
 * What the recording device itself reported: kept to be shown as "the device says", never mixed with the
 * model's output. Patient identifiers are deliberately not part of it (readers never copy them here).
 */
export interface DeviceReport {
  /** Maker / model / software as the file names them. */
  device?: string;
  /** Acquisition date-time as written in the file (ISO 8601 when the format allows). */
  acquired?: string;
  /** The device's interpretive statements, in order. */
  statements: string[];
  measurements: DeviceMeasurement[];
}

/** A channel that is not one of the standard 12 (e.g. Frank vx/vy/vz), kept as recorded. */
export interface ExtraChannel {
  name: string;
  units: string;
  samples: Float32Array;
}

/** A series beside the rhythm one (a median/representative beat), at its own rate and length, mV. */
export interface ExtraSeries {
  label: string;
  fsHz: number;
  channels: ExtraChannel[];
}

/** A record as read from disk: the 12 standard leads in mV, in standard order, at the file's own rate. */
export interface EcgRecord {
  name: string;
  format: RecordFormat;
  fsHz: number;
  nSamples: number;
  /** 12 arrays in STANDARD_LEADS order, millivolts. */
  leadsMv: Float32Array[];
  /** Leads that were not in the file and were computed from I and II (Einthoven/Goldberger). */
  derivedLeads: StandardLead[];
  extras: ExtraChannel[];
  /** Header comment lines (without '#'), e.g. age, sex, Dx. */
  comments: string[];
  /** Names of the files the record was read from. */
  sourceFiles: string[];
  /** Assumptions made while reading (e.g. "units not stated; mV assumed"). */
  notes: string[];
  /**
   * 'bandpassed-zscored': the leads are already band-passed 0.5–40 Hz and z-scored per lead (a .npy opened with
   * --zscored), so `leadsMv` holds z-scores, not mV, and preparation skips those two steps as training does.
   */
  preprocessed?: 'bandpassed-zscored';
  /** The device's own report (clinical formats), when the file has one. */
  device?: DeviceReport;
  /** Other series the file holds (e.g. the device's median beat), kept but not used by the model. */
  extraSeries?: ExtraSeries[];
}

/** Files of one record, by file name (no directories): header + data, or a single CSV. */
export type RecordFiles = Map<string, Uint8Array>;
