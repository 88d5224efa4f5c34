/** Plain data shared by every stage of the ECG pipeline. Units are in the names. */

export const STANDARD_LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
export type StandardLead = (typeof STANDARD_LEADS)[number];

export type RecordFormat = 'wfdb' | 'challenge-mat' | 'csv';

/** A channel that is not one of the standard 12 (e.g. Frank vx/vy/vz), kept as recorded. */
export interface ExtraChannel {
  name: string;
  units: string;
  samples: Float32Array;
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
}

/** Files of one record, by file name (no directories): header + data, or a single CSV. */
export type RecordFiles = Map<string, Uint8Array>;
