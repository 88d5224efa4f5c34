/**
 * CineECG validation report:  npm run -s validate:cine [-- <data dir>]   (default $ECG_DATA_DIR or ../shared/data)
 *  1. The Kors VCG against the Frank leads vx, vy, vz recorded with the 12 leads in PTB s0010_re: per-axis Pearson r
 *     over the QRS complexes (onset − 10 ms … onset + 120 ms of every detected beat, 500 Hz, band-passed alike).
 *  2. LAFB vs NORM: the mTSI's displacement in mid and mid/late QRS (superior and leftward components, AUC).
 *  3. RBBB vs NORM: where the trajectory is at the end of the QRS region (150 ms) and its terminal displacement.
 *  4. How far trajectories leave the epicardium of the heart mesh (heart-mesh.ts, exact test), in the QRS (onset to the
 *     J point of waves.ts) and over the window; how far the QRS part reaches (extent: farthest from its start; span:
 *     the largest distance between two of its points).
 * Both walks (mtsi.ts) side by side: v1, the walk before issue 11, and v2, the default since (`-- --walk v1|v2|both`,
 * default both), with a before/after table at the end.
 * Cohorts come from the raw records (mV); the pre-z-scored PTB-XL arrays are reported apart, as an approximation:
 * z-scoring each lead by its own spread reweighs the electrodes (and breaks VR + VL + VF = 0).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CineOptions } from '../src/core/cine/cine-signal';
import type { TriangleMesh } from '../src/core/cine/heart-mesh';
import { WALKS, type Walk } from '../src/core/cine/mtsi';
import { MODEL_FS_HZ } from '../src/core/constants';
import { sortedCopy } from '../src/core/quantile';
import {
  lafbStats,
  listCohortRecords,
  loadEpicardium,
  maxOutside,
  median,
  MID_LATE_QRS_MS,
  MID_QRS_MS,
  rbbbStats,
  TERMINAL_QRS_MS,
  trajectoryFeatures,
  vcgAgainstFrank,
  type Cohort,
  type CohortRecord,
  type TrajectoryFeatures,
} from './lib/cine-cohorts';

export * from './lib/cine-cohorts';

// ---------------------------------------------------------------------------------------------------- the report
const f1 = (x: number) => x.toFixed(1),
  f2 = (x: number) => x.toFixed(2),
  f3 = (x: number) => x.toFixed(3);
const vec = (v: ArrayLike<number>) => `(${f1(v[0])}, ${f1(v[1])}, ${f1(v[2])})`;

/** One walk's figures over the cohorts: the rows of the before/after table. */
export interface WalkSummary {
  n: number;
  qrsExtentMm: [number, number, number];
  qrsSpanMm: [number, number, number];
  /** Per trajectory, the largest distance outside the epicardium (exact mesh) in the QRS and over the window. */
  outsideQrs?: { leaving: number; median: number; max: number };
  outsideWindow?: { leaving: number; median: number; p90: number; max: number };
  lafbMidAucSuperior: number;
  lafbMidLateAucSuperior: number;
  rbbbAnteriorRight: [number, number];
  rbbbAucTerminal: number;
}
// numpy 'lower' (the sorted value at ⌊q · (n − 1)⌋), as the published walk tables; type 7 would interpolate.
const p = (xs: number[], q: number) => sortedCopy(xs)[Math.floor(q * (xs.length - 1))];
const p10MedianP90 = (xs: number[]): [number, number, number] => [p(xs, 0.1), median(xs), p(xs, 0.9)];

function cohortSection(
  title: string,
  records: CohortRecord[],
  options: CineOptions,
  epicardium: TriangleMesh | null,
): WalkSummary {
  const feats: Record<Cohort, TrajectoryFeatures[]> = { LAFB: [], NORM: [], RBBB: [] };
  const failed: string[] = [];
  for (const r of records) {
    try {
      const f = trajectoryFeatures(r, options);
      for (const c of r.cohorts) feats[c].push(f);
    } catch (e) {
      failed.push(`${r.id} (${e instanceof Error ? e.message : e})`);
    }
  }
  const l = lafbStats(feats.LAFB, feats.NORM),
    b = rbbbStats(feats.RBBB, feats.NORM);
  console.log(`\n### ${title}`);
  console.log(
    `records: LAFB ${l.nLafb}, RBBB ${b.nRbbb}, NORM ${l.nNorm}${failed.length ? `; ${failed.length} failed to prepare: ${failed.join('; ')}` : ''}`,
  );
  console.log(
    '\n| LAFB vs NORM, displacement (x left, y posterior, z superior; mm) | median LAFB | median NORM | AUC superior | AUC leftward | left-superior: LAFB / NORM | Kors VCG mean: AUC superior / leftward |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, s] of [
    [`mid QRS ${MID_QRS_MS.join('–')} ms`, l.mid],
    [`mid/late QRS ${MID_LATE_QRS_MS.join('–')} ms`, l.midLate],
  ] as const) {
    console.log(
      `| ${name} | ${vec(s.medianLafb)} | ${vec(s.medianNorm)} | ${f3(s.aucSuperior)} | ${f3(s.aucLeftward)} | ${f2(s.leftSuperiorLafb)} / ${f2(s.leftSuperiorNorm)} | ${f3(s.vcgAucSuperior)} / ${f3(s.vcgAucLeftward)} |`,
    );
  }
  console.log(
    `\nRBBB vs NORM: position at ${TERMINAL_QRS_MS[1]} ms, median RBBB ${vec(b.medianQrsEndRbbb)} vs NORM ${vec(b.medianQrsEndNorm)} mm; ` +
      `in the anterior-right quadrant (x < 0, y < 0): RBBB ${f2(b.qrsEndRightAnteriorRbbb)}, NORM ${f2(b.qrsEndRightAnteriorNorm)}; ` +
      `AUC of the ${TERMINAL_QRS_MS.join('–')} ms displacement toward right-anterior, RBBB vs NORM: ${f3(b.aucTerminalRightAnterior)}`,
  );
  const all = [...new Set(Object.values(feats).flat())];
  const summary: WalkSummary = {
    n: all.length,
    qrsExtentMm: p10MedianP90(all.map((f) => f.qrsExtentMm)),
    qrsSpanMm: p10MedianP90(all.map((f) => f.qrsSpanMm)),
    lafbMidAucSuperior: l.mid.aucSuperior,
    lafbMidLateAucSuperior: l.midLate.aucSuperior,
    rbbbAnteriorRight: [b.qrsEndRightAnteriorRbbb, b.qrsEndRightAnteriorNorm],
    rbbbAucTerminal: b.aucTerminalRightAnterior,
  };
  console.log(
    `QRS part (onset to the J point, median ${median(all.map((f) => f.qrsOffsetMs))} ms), n = ${all.length}: extent (farthest from its start) ` +
      `median ${f1(summary.qrsExtentMm[1])} mm (p10–p90 ${f1(summary.qrsExtentMm[0])}–${f1(summary.qrsExtentMm[2])}), span (farthest two points) median ` +
      `${f1(summary.qrsSpanMm[1])} mm (${f1(summary.qrsSpanMm[0])}–${f1(summary.qrsSpanMm[2])})`,
  );
  if (!epicardium) return summary;
  const qrs = all.map((f) => maxOutside(f.points, epicardium, Math.round((f.qrsOffsetMs * MODEL_FS_HZ) / 1000) + 1));
  const whole = all.map((f) => maxOutside(f.points, epicardium));
  summary.outsideQrs = {
    leaving: qrs.filter((d) => d > 0).length / qrs.length,
    median: median(qrs),
    max: Math.max(...qrs),
  };
  summary.outsideWindow = {
    leaving: whole.filter((d) => d > 0).length / whole.length,
    median: median(whole),
    p90: p(whole, 0.9),
    max: Math.max(...whole),
  };
  console.log(
    `Outside the epicardium (exact mesh, every 2nd sample; largest distance per trajectory): QRS median ${f1(summary.outsideQrs.median)} mm, ` +
      `max ${f1(summary.outsideQrs.max)} mm, ${f2(summary.outsideQrs.leaving)} of trajectories leave; ` +
      `whole 400 ms median ${f1(summary.outsideWindow.median)} mm, p90 ${f1(summary.outsideWindow.p90)} mm, max ${f1(summary.outsideWindow.max)} mm, ${f2(summary.outsideWindow.leaving)} leave`,
  );
  return summary;
}

/** The before/after table: one column per walk. */
export function printWalkTable(s: Partial<Record<Walk, WalkSummary>>) {
  const walks = WALKS.filter((w) => s[w]);
  const range = (v: [number, number, number]) => `${f1(v[1])} (${f1(v[0])}–${f1(v[2])})`;
  const rows: [string, (w: WalkSummary) => string][] = [
    ['trajectories (LAFB ∪ RBBB ∪ NORM, raw mV)', (w) => String(w.n)],
    ['QRS extent from its start, mm: median (p10–p90)', (w) => range(w.qrsExtentMm)],
    ['QRS span (farthest two points), mm: median (p10–p90)', (w) => range(w.qrsSpanMm)],
    [
      'QRS outside the epicardium: share leaving, max mm',
      (w) => (w.outsideQrs ? `${f2(w.outsideQrs.leaving)}, ${f1(w.outsideQrs.max)}` : 'not measured'),
    ],
    [
      '400 ms outside: share leaving, median / p90 / max mm',
      (w) =>
        w.outsideWindow
          ? `${f2(w.outsideWindow.leaving)}, ${f1(w.outsideWindow.median)} / ${f1(w.outsideWindow.p90)} / ${f1(w.outsideWindow.max)}`
          : 'not measured',
    ],
    [
      `LAFB vs NORM superior, AUC: mid ${MID_QRS_MS.join('–')} ms / mid-late ${MID_LATE_QRS_MS.join('–')} ms`,
      (w) => `${f3(w.lafbMidAucSuperior)} / ${f3(w.lafbMidLateAucSuperior)}`,
    ],
    [
      `at ${TERMINAL_QRS_MS[1]} ms anterior-right: RBBB / NORM`,
      (w) => `${f2(w.rbbbAnteriorRight[0])} / ${f2(w.rbbbAnteriorRight[1])}`,
    ],
    [`RBBB vs NORM ${TERMINAL_QRS_MS.join('–')} ms toward right-anterior, AUC`, (w) => f3(w.rbbbAucTerminal)],
  ];
  console.log(
    `\n## Before / after: walk ${walks.join(' vs ')}\n\n| figure | ${walks.map((w) => `walk ${w}${w === 'v1' ? ' (before)' : ' (after, default)'}`).join(' | ')} |\n|---|${walks.map(() => '---|').join('')}`,
  );
  for (const [name, cell] of rows) console.log(`| ${name} | ${walks.map((w) => cell(s[w]!)).join(' | ')} |`);
}

export function printReport(dataDir: string, walks: readonly Walk[] = WALKS) {
  console.log(`# CineECG validation (${dataDir})\n\n## 1. Kors VCG vs recorded Frank leads (PTB s0010_re)`);
  console.log('PTB vx, vy, vz = Frank X (left), Y (feet), Z (back), as the matrices output; LPS = (vx, vz, −vy).\n');
  console.log('| record | beats | samples | Kors r X / Y / Z | inverse Dower r X / Y / Z |\n|---|---|---|---|---|');
  for (const path of [
    join(dataDir, 'ptbdb/s0010_re.hea'),
    resolve(import.meta.dirname, '../src/core/ecg/__fixtures__/ptbdb/s0010_re.hea'),
  ]) {
    if (!existsSync(path)) continue;
    const v = vcgAgainstFrank(path);
    console.log(
      `| ${path.includes('__fixtures__') ? 'fixture excerpt (2 s)' : 'full record (38.4 s)'} | ${v.beats} | ${v.samples} | ${v.r.kors.map(f3).join(' / ')} | ${v.r['inverse-dower'].map(f3).join(' / ')} |`,
    );
  }
  const epicardium = loadEpicardium(dataDir);
  console.log('\n## 2–4. mTSI cohorts (window from QRS onset, as `cli predict`/`inspect`)');
  if (!epicardium) console.log('TODO: no heart mesh in <data>/heart: distances outside the epicardium not measured');
  const raw = listCohortRecords(dataDir);
  const summaries: Partial<Record<Walk, WalkSummary>> = {};
  for (const walk of walks) {
    summaries[walk] = cohortSection(
      `raw records (mV), walk ${walk}${walk === 'v1' ? ' (before issue 11: fixed 1 mm steps, 5 % guard, unconfined)' : ' (default)'}`,
      raw,
      { walk },
      epicardium,
    );
  }
  cohortSection(
    `ptbxl-zscored arrays (approximate: per-lead z-scores, not mV), walk ${walks[walks.length - 1]}`,
    listCohortRecords(dataDir, { zscored: true }),
    { walk: walks[walks.length - 1] },
    null,
  );
  printWalkTable(summaries);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { walk: { type: 'string', default: 'both' } },
  });
  const walks = values.walk === 'both' ? WALKS : WALKS.filter((w) => w === values.walk);
  if (!walks.length || positionals.length > 1) {
    console.error(
      `usage: npm run -s validate:cine [-- [<data dir>] [--walk v1|v2|both]] (got ${process.argv.slice(2).join(' ')})`,
    );
    process.exit(2);
  }
  const dataDir = resolve(
    positionals[0] ?? process.env.ECG_DATA_DIR ?? resolve(import.meta.dirname, '../../shared/data'),
  );
  if (!existsSync(dataDir)) {
    console.error(`the dataset folder ${dataDir} is absent: pass its path, or set ECG_DATA_DIR`);
    process.exit(2);
  }
  printReport(dataDir, walks);
}
