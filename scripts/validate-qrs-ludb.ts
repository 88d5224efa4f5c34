/**
 * QRS onsets of `cli inspect` against LUDB's expert delineation.
 *   npm run -s validate:ludb [-- <ludb dir>]      (default: $ECG_DATA_DIR/ludb or ../shared/data/ludb)
 *
 * For every record, the onsets come from the same function `cli inspect` prints (inspectRecord).
 * Expert reference per QRS complex, two conventions:
 *  - consensus: the median over the 12 leads of the per-lead onsets LUDB marks (robust to one stray mark);
 *  - earliest: the earliest per-lead onset (the classic "global onset", sensitive to a single early mark).
 * A complex counts as detected when a detected onset lies within ±100 ms of the consensus onset.
 * Detector parameters were tuned on odd-numbered records: the even-numbered rows are the held-out check.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inspectRecord } from './commands/inspect';
import { ludbQrsComplexes, ludbRecords, type LudbRecordInfo } from './lib/ludb';

const MATCH_MS = 100;
const dir = resolve(
  process.argv[2] ?? join(process.env.ECG_DATA_DIR ?? resolve(import.meta.dirname, '../../shared/data'), 'ludb'),
);
if (!existsSync(join(dir, 'ludb.csv'))) {
  console.error(`LUDB not found at ${dir}: pass its folder, or set ECG_DATA_DIR`);
  process.exit(2);
}

interface Tally {
  records: number;
  annotated: number;
  detected: number;
  extra: number;
  consensus: number[];
  earliest: number[];
}
const tally = (): Tally => ({ records: 0, annotated: 0, detected: 0, extra: 0, consensus: [], earliest: [] });
const groups: Record<string, Tally> = {
  'sinus, held-out (even ids)': tally(),
  'sinus, tuning (odd ids)': tally(),
  'sinus, all': tally(),
  'all rhythms': tally(),
};
const isSinus = (r: LudbRecordInfo) => /sinus/i.test(r.rhythm) && !/fibrillation|flutter/i.test(r.rhythm);
const failures: string[] = [];

for (const info of ludbRecords(dir)) {
  let onsetsMs: number[];
  try {
    onsetsMs = inspectRecord(join(dir, 'data', `${info.id}.hea`)).qrsOnsetsMs;
  } catch (e) {
    failures.push(`${info.id}: ${e instanceof Error ? e.message : e}`);
    onsetsMs = [];
  }
  const complexes = ludbQrsComplexes(dir, info.id).filter((c) => c.medianOnsetSample !== undefined);
  const targets = [groups['all rhythms']];
  if (isSinus(info))
    targets.push(
      groups['sinus, all'],
      groups[Number(info.id) % 2 === 0 ? 'sinus, held-out (even ids)' : 'sinus, tuning (odd ids)'],
    );
  if (complexes.length === 0) continue;
  const ms = (s: number) => s * 2; // LUDB is 500 Hz
  const first = ms(complexes[0].medianOnsetSample!) - MATCH_MS;
  const last = ms(complexes[complexes.length - 1].medianOnsetSample!) + MATCH_MS;
  const used = new Set<number>();
  const stats = tally();
  for (const c of complexes) {
    stats.annotated++;
    const ref = ms(c.medianOnsetSample!);
    let best = -1;
    onsetsMs.forEach((o, k) => {
      if (
        !used.has(k) &&
        Math.abs(o - ref) <= MATCH_MS &&
        (best < 0 || Math.abs(o - ref) < Math.abs(onsetsMs[best] - ref))
      )
        best = k;
    });
    if (best < 0) continue;
    used.add(best);
    stats.detected++;
    stats.consensus.push(onsetsMs[best] - ref);
    stats.earliest.push(onsetsMs[best] - ms(c.earliestOnsetSample!));
  }
  // Detections inside the annotated span that match no expert complex.
  stats.extra = onsetsMs.filter((o, k) => !used.has(k) && o > first && o < last).length;
  for (const t of targets) {
    t.records++;
    t.annotated += stats.annotated;
    t.detected += stats.detected;
    t.extra += stats.extra;
    t.consensus.push(...stats.consensus);
    t.earliest.push(...stats.earliest);
  }
}

const q = (xs: number[], p: number) => {
  const s = xs.map(Math.abs).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`LUDB QRS onset validation (${dir}); errors in ms, detected − expert\n`);
console.log(
  '| records | n rec | QRS annotated | detected | extra detections | consensus onset: median abs / p90 abs / mean | earliest-lead onset: median abs / p90 abs / mean |',
);
console.log('|---|---|---|---|---|---|---|');
for (const [name, t] of Object.entries(groups)) {
  const rate = ((100 * t.detected) / t.annotated).toFixed(2);
  console.log(
    `| ${name} | ${t.records} | ${t.annotated} | ${t.detected} (${rate}%) | ${t.extra} | ` +
      `${q(t.consensus, 0.5)} / ${q(t.consensus, 0.9)} / ${mean(t.consensus).toFixed(1)} | ${q(t.earliest, 0.5)} / ${q(t.earliest, 0.9)} / ${mean(t.earliest).toFixed(1)} |`,
  );
}
if (failures.length) console.log(`\nrecords that failed to inspect:\n${failures.join('\n')}`);
