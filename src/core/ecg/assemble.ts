import { EcgError } from '../errors';
import { deriveLimbLead, normaliseLeadName } from './leads';
import {
  STANDARD_LEADS,
  type DeviceReport,
  type EcgRecord,
  type ExtraSeries,
  type ExtraChannel,
  type RecordFormat,
  type StandardLead,
} from './types';
import { millivoltsPer } from './units';
import { checkChannels, checkLength, checkSampleRate } from './limits';

/** A channel as a parser found it: physical values in the stated units. */
export interface ParsedChannel {
  name: string;
  units: string;
  values: ArrayLike<number>;
}

export interface AssembleInput {
  name: string;
  format: RecordFormat;
  fsHz: number;
  channels: ParsedChannel[];
  comments: string[];
  sourceFiles: string[];
  notes: string[];
  /** The file errors should point at. */
  mainFile: string;
  preprocessed?: EcgRecord['preprocessed'];
  device?: DeviceReport;
  extraSeries?: ExtraSeries[];
}

/** Largest |amplitude| a surface ECG lead plausibly reaches, with generous room for baseline offset. */
const MAX_PLAUSIBLE_MV = 50;

/**
 * Turn parsed channels into an EcgRecord: the 12 standard leads in standard order and in mV,
 * limb leads derived when only two of I/II/III were recorded, everything else kept as extras.
 * Every way the input can be unusable becomes an EcgError that names the lead and the problem.
 */
export function assembleRecord(input: AssembleInput): EcgRecord {
  const { fsHz, mainFile: file } = input;
  const notes = [...input.notes];
  checkSampleRate(fsHz, file);
  checkChannels(input.channels.length, file, 'channels');
  const nSamples = input.channels[0]?.values.length ?? 0;
  if (nSamples === 0) throw new EcgError('too-short', 'the record has no samples', { file });
  checkLength(nSamples, file, fsHz);

  const found = new Map<StandardLead, Float32Array>();
  const extras: ExtraChannel[] = [];
  for (const ch of input.channels) {
    if (ch.values.length !== nSamples) {
      throw new EcgError(
        'header-data-mismatch',
        `channel ${ch.name} has ${ch.values.length} samples, channel ${input.channels[0].name} has ${nSamples}`,
        { file },
      );
    }
    const lead = normaliseLeadName(ch.name);
    const factor = millivoltsPer(ch.units);
    if (lead === null) {
      extras.push({ name: ch.name, units: factor === null ? ch.units : 'mV', samples: scaled(ch.values, factor ?? 1) });
      continue;
    }
    if (factor === null) {
      throw new EcgError(
        'bad-header',
        `lead ${lead} is in "${ch.units}", which is not a voltage unit (expected mV, uV or V)`,
        { file, field: 'units' },
      );
    }
    if (found.has(lead)) {
      notes.push(`lead ${lead} appears twice; the first (${ch.name}) is used`);
      continue;
    }
    found.set(lead, scaled(ch.values, factor));
  }

  const derivedLeads = deriveMissingLimbLeads(found);
  const missing = STANDARD_LEADS.filter((l) => !found.has(l));
  if (missing.length > 0) {
    const have = [...found.keys()].join(', ') || 'none';
    throw new EcgError(
      'missing-leads',
      `missing lead${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: a 12-lead ECG needs I, II (or III), V1–V6 (found: ${have})`,
      { file, field: 'leads' },
    );
  }
  const leadsMv = STANDARD_LEADS.map((l) => found.get(l)!);
  leadsMv.forEach((x, k) => checkValues(x, STANDARD_LEADS[k], file));
  if (derivedLeads.length)
    notes.push(`leads ${derivedLeads.join(', ')} were not recorded and were computed from the limb leads`);

  return {
    name: input.name,
    format: input.format,
    fsHz,
    nSamples,
    leadsMv,
    derivedLeads,
    extras,
    comments: input.comments,
    sourceFiles: input.sourceFiles,
    notes,
    ...(input.preprocessed ? { preprocessed: input.preprocessed } : {}),
    ...(input.device ? { device: input.device } : {}),
    ...(input.extraSeries?.length ? { extraSeries: input.extraSeries } : {}),
  };
}

function scaled(values: ArrayLike<number>, factor: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let n = 0; n < values.length; n++) out[n] = values[n] * factor;
  return out;
}

/** Any two of I, II, III fix the other limb leads (Einthoven: II = I + III). */
function deriveMissingLimbLeads(found: Map<StandardLead, Float32Array>): StandardLead[] {
  const derived: StandardLead[] = [];
  const i = found.get('I');
  const ii = found.get('II');
  const iii = found.get('III');
  if (!i && ii && iii) {
    found.set(
      'I',
      ii.map((v, n) => v - iii[n]),
    );
    derived.push('I');
  } else if (i && !ii && iii) {
    found.set(
      'II',
      i.map((v, n) => v + iii[n]),
    );
    derived.push('II');
  }
  const I = found.get('I');
  const II = found.get('II');
  if (!I || !II) return derived;
  for (const lead of ['III', 'aVR', 'aVL', 'aVF'] as const) {
    if (!found.has(lead)) {
      found.set(lead, deriveLimbLead(lead, I, II));
      derived.push(lead);
    }
  }
  return derived;
}

function checkValues(x: Float32Array, lead: StandardLead, file: string): void {
  let bad = 0;
  let firstBad = -1;
  let over = 0;
  let maxAbs = 0;
  for (let n = 0; n < x.length; n++) {
    const v = x[n];
    if (!Number.isFinite(v)) {
      if (bad++ === 0) firstBad = n;
      continue;
    }
    const a = Math.abs(v);
    if (a > MAX_PLAUSIBLE_MV) over++;
    if (a > maxAbs) maxAbs = a;
  }
  if (bad > 0) {
    throw new EcgError(
      'non-finite-values',
      `lead ${lead} has ${bad} missing or non-finite samples (NaN/Inf/invalid), first at sample ${firstBad}`,
      { file, field: lead },
    );
  }
  if (over > x.length * 0.01) {
    throw new EcgError(
      'implausible-amplitude',
      `lead ${lead} reaches ${maxAbs.toPrecision(3)} mV; a surface ECG stays within a few mV. Check the gain and units`,
      { file, field: lead },
    );
  }
}
