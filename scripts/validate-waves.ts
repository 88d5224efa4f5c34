/**
 * QRS offset, T onset and T offset of src/core/ecg/waves.ts against LUDB's expert delineation.
 *   npm run -s validate:waves [-- <ludb dir>]      (default: $ECG_DATA_DIR/ludb or ../shared/data/ludb)
 *
 * For every record: prepareEcg (as the app and `cli inspect` do), then the waves of the beat in the model window
 * (modelBeatWaves). The expert reference is that beat's complex in LUDB (the one whose consensus onset is within
 * ±100 ms of the window start) and, per lead, its QRS offset and the T wave that follows it (the first T peak after
 * the QRS peak and before the next complex's); the consensus is the median over the leads that mark it.
 * Errors are estimate − expert, both as absolute times in the record (so the QRS onset's own error is included:
 * that is what the 3D view shows). The wave parameters were tuned on odd-numbered records: the even-numbered rows
 * are the held-out check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadRecord } from '../src/core/ecg/load';
import { prepareEcg } from '../src/core/ecg/prepare';
import type { PreparedEcg } from '../src/core/ecg/prepare.types';
import { modelBeatWaves, WAVE_PARAMS, type WaveParams } from '../src/core/ecg/waves';
import { readWfdbAnnotations } from '../src/core/ecg/wfdb/annotations';
import { extractWaves, qrsOnsetsAcrossLeads, type Wave } from '../src/core/ecg/wfdb/ludb-delineation';
import { LUDB_LEAD_FILES, ludbRecords, type LudbRecordInfo } from './lib/ludb';
import { readRecordFiles } from './lib/record-files';
import { median, quantileRankSorted, sortedCopy } from '../src/core/quantile';

const MATCH_MS = 100;
const LUDB_FS_HZ = 500;
const ms = (sample: number) => (sample * 1000) / LUDB_FS_HZ;

/** Expert consensus for the model window's beat, ms from the record start; undefined where no lead marks it. */
export interface WaveReference {
  qrsOnsetMs?: number;
  qrsOffsetMs?: number;
  tOnsetMs?: number;
  tOffsetMs?: number;
}

export interface LudbBeat {
  info: LudbRecordInfo;
  sinus: boolean;
  prepared: PreparedEcg;
  /** Null when LUDB does not annotate the model window's beat (LUDB leaves out the first and last beats). */
  ref: WaveReference | null;
}

export const isSinus = (r: LudbRecordInfo) => /sinus/i.test(r.rhythm) && !/fibrillation|flutter/i.test(r.rhythm);

const medianOrUndefined = (xs: number[]): number | undefined => (xs.length === 0 ? undefined : median(xs));

/** The expert consensus of the complex that starts near `windowStartMs`. */
export function ludbReference(dir: string, id: string, windowStartMs: number): WaveReference | null {
  const perLead: Wave[][] = LUDB_LEAD_FILES.map((ext) => {
    const name = `${id}.${ext}`;
    return extractWaves(readWfdbAnnotations(new Uint8Array(readFileSync(join(dir, 'data', name))), name));
  });
  const complexes = qrsOnsetsAcrossLeads(perLead);
  let k = -1;
  complexes.forEach((c, i) => {
    if (c.medianOnsetSample === undefined) return;
    const d = Math.abs(ms(c.medianOnsetSample) - windowStartMs);
    if (d <= MATCH_MS && (k < 0 || d < Math.abs(ms(complexes[k].medianOnsetSample!) - windowStartMs))) k = i;
  });
  if (k < 0) return null;
  const c = complexes[k];
  const nextPeak = complexes[k + 1]?.medianPeakSample ?? Infinity;
  const qrsOffsets: number[] = [];
  const tOnsets: number[] = [];
  const tOffsets: number[] = [];
  perLead.forEach((waves, lead) => {
    const peak = c.peakByLead[lead];
    if (peak === undefined) return;
    const qrs = waves.find((w) => w.wave === 'QRS' && w.peakSample === peak);
    if (qrs?.offsetSample !== undefined) qrsOffsets.push(qrs.offsetSample);
    const t = waves.find((w) => w.wave === 'T' && w.peakSample > peak && w.peakSample < nextPeak);
    if (t?.onsetSample !== undefined) tOnsets.push(t.onsetSample);
    if (t?.offsetSample !== undefined) tOffsets.push(t.offsetSample);
  });
  const m = (xs: number[]) => {
    const v = medianOrUndefined(xs);
    return v === undefined ? undefined : ms(v);
  };
  return {
    qrsOnsetMs: ms(c.medianOnsetSample!),
    qrsOffsetMs: m(qrsOffsets),
    tOnsetMs: m(tOnsets),
    tOffsetMs: m(tOffsets),
  };
}

/** Every LUDB record prepared as the app prepares it, with the expert consensus of its model-window beat. */
export function loadLudbBeats(dir: string, failures: string[] = []): LudbBeat[] {
  const out: LudbBeat[] = [];
  for (const info of ludbRecords(dir)) {
    try {
      const prepared = prepareEcg(loadRecord(readRecordFiles(join(dir, 'data', `${info.id}.hea`))));
      out.push({ info, sinus: isSinus(info), prepared, ref: ludbReference(dir, info.id, prepared.windowStartMs) });
    } catch (e) {
      failures.push(`${info.id}: ${e instanceof Error ? e.message : e}`);
    }
  }
  return out;
}

export const QUANTITIES = ['qrsOnset', 'qrsOffset', 'tOnset', 'tOffset'] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** Signed errors (estimate − expert, ms) per quantity, and how often one side had no value. */
export interface Errors {
  beats: number;
  errors: Record<Quantity, number[]>;
  /** Expert marks the wave, the estimate has none. */
  missed: Record<Quantity, number>;
  /** The estimate has a value, the experts mark none. */
  unreferenced: Record<Quantity, number>;
}

export function evaluate(beats: LudbBeat[], params: WaveParams = WAVE_PARAMS): Errors {
  const per = <T>(f: () => T) => Object.fromEntries(QUANTITIES.map((q) => [q, f()])) as Record<Quantity, T>;
  const out: Errors = { beats: 0, errors: per(() => []), missed: per(() => 0), unreferenced: per(() => 0) };
  for (const { prepared, ref } of beats) {
    if (!ref) continue;
    out.beats++;
    const w = modelBeatWaves(prepared, params);
    const start = prepared.windowStartMs;
    const est: Record<Quantity, number | undefined> = {
      qrsOnset: start,
      qrsOffset: start + w.qrsOffsetMs,
      tOnset: w.tOnsetMs === null ? undefined : start + w.tOnsetMs,
      tOffset: w.tOffsetMs === null ? undefined : start + w.tOffsetMs,
    };
    for (const q of QUANTITIES) {
      const e = est[q];
      const r = ref[`${q}Ms`];
      if (e !== undefined && r !== undefined) out.errors[q].push(e - r);
      else if (r !== undefined) out.missed[q]++;
      else if (e !== undefined) out.unreferenced[q]++;
    }
  }
  return out;
}

/** |error| at quantile p (rank ⌊p · n⌋, as validate-qrs-ludb and the published tables). */
export const absQuantile = (xs: number[], p: number): number => quantileRankSorted(sortedCopy(xs.map(Math.abs)), p);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(
    process.argv[2] ?? join(process.env.ECG_DATA_DIR ?? resolve(import.meta.dirname, '../../shared/data'), 'ludb'),
  );
  if (!existsSync(join(dir, 'ludb.csv'))) {
    console.error(`LUDB not found at ${dir}: pass its folder, or set ECG_DATA_DIR`);
    process.exit(2);
  }
  const failures: string[] = [];
  const beats = loadLudbBeats(dir, failures);
  const groups: [string, LudbBeat[]][] = [
    ['sinus, held-out (even ids)', beats.filter((b) => b.sinus && Number(b.info.id) % 2 === 0)],
    ['sinus, tuning (odd ids)', beats.filter((b) => b.sinus && Number(b.info.id) % 2 === 1)],
    ['sinus, all', beats.filter((b) => b.sinus)],
    ['all rhythms', beats],
  ];
  const names: Record<Quantity, string> = {
    qrsOnset: 'QRS onset (window start)',
    qrsOffset: 'QRS offset (J)',
    tOnset: 'T onset',
    tOffset: 'T offset',
  };
  console.log(
    `LUDB wave delineation of the model window's beat (${dir}); errors in ms, estimate − expert consensus (median over leads)\n`,
  );
  console.log('| records | quantity | n (records) | missed | median abs | p90 abs | bias (mean) | median signed |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, group] of groups) {
    const r = evaluate(group);
    const unannotated = group.length - r.beats;
    for (const q of QUANTITIES) {
      const e = r.errors[q];
      const signedMedian = quantileRankSorted(sortedCopy(e), 0.5); // upper middle, as the tables always showed
      console.log(
        `| ${name} (${group.length} rec${unannotated ? `, ${unannotated} beat not annotated` : ''}) | ${names[q]} | ${e.length} | ${r.missed[q]} | ` +
          `${fmt(absQuantile(e, 0.5))} | ${fmt(absQuantile(e, 0.9))} | ${mean(e).toFixed(1)} | ${fmt(signedMedian)} |`,
      );
    }
  }
  const sinus = groups[2][1];
  const tInWindow = sinus.filter((b) => {
    const t = modelBeatWaves(b.prepared).tOnsetMs;
    return t !== null && t < b.prepared.windowSamples * (1000 / b.prepared.fsHz);
  }).length;
  console.log(
    `\nsinus records whose T onset is estimated inside the 400 ms window (the 3D view draws QRS / ST / T): ${tInWindow} of ${sinus.length}`,
  );
  console.log(`parameters: ${JSON.stringify(WAVE_PARAMS)}`);
  if (failures.length) console.log(`\nrecords that failed to prepare:\n${failures.join('\n')}`);
}
