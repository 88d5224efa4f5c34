/**
 * The cohorts and measurements behind scripts/validate-cine.ts (its doc says what is measured and why): the LAFB,
 * RBBB and NORM records of the shared data, each trajectory's features, the cohort statistics, and the exact
 * outside-the-epicardium test.
 */ import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cineWindow, type CineInput, type CineOptions } from '../../src/core/cine/cine-signal';
import { norm, pointAt, sub, type Vec3 } from '../../src/core/cine/frame';
import { distanceOutsideEpicardium, toHeartFrame, type TriangleMesh } from '../../src/core/cine/heart-mesh';
import { parseObj } from '../../src/core/cine/obj';
import { median } from '../../src/core/quantile';
import { frankFromLeads, type VcgMethod } from '../../src/core/cine/vcg';
import { MODEL_FS_HZ, QRS_REGION_MS, WINDOW_SAMPLES } from '../../src/core/constants';
import { bandpassForModel } from '../../src/core/ecg/dsp/bandpass';
import { resampleTo } from '../../src/core/ecg/dsp/resample';
import { loadRecord } from '../../src/core/ecg/load';
import { parseNpy } from '../../src/core/ecg/npy';
import { modelWindow, prepareEcg } from '../../src/core/ecg/prepare';
import { auroc } from '../../src/core/eval/classification';
import { ludbLabel, ptbxlLabel, snomedLabel } from '../dataset/labels';
import { parseCsvTable } from './csv-table';
import { readRecordFiles } from './record-files';

export type Cohort = 'LAFB' | 'NORM' | 'RBBB';
export interface CohortRecord {
  id: string;
  source: 'ptbxl' | 'ptbxl-zscored' | 'ludb' | 'cinc';
  cohorts: Cohort[];
  input(): CineInput;
}

/**
 * The LAFB, RBBB and NORM records of the shared data. NORM is the paper's "normal" (labels.ts); LAFB: PTB-XL `LAFB`,
 * LUDB "Left anterior hemiblock", SNOMED 445118002; RBBB: PTB-XL `CRBBB` (complete only), LUDB "Complete right bundle
 * branch block", SNOMED 59118001 / 713427006. A bifascicular block is in both LAFB and RBBB.
 */
export function listCohortRecords(dataDir: string, { zscored = false } = {}): CohortRecord[] {
  const out: CohortRecord[] = [];
  const add = (id: string, source: CohortRecord['source'], cohorts: (Cohort | false)[], input: () => CineInput) => {
    const c = cohorts.filter((x): x is Cohort => x !== false);
    if (c.length) out.push({ id, source, cohorts: c, input });
  };
  const fromRaw = (path: string) => () => prepareEcg(loadRecord(readRecordFiles(path)));
  const csv = (p: string) => parseCsvTable(readFileSync(join(dataDir, p), 'utf8'));
  const dict = (s: string) => JSON.parse(s.replace(/'/g, '"')) as Record<string, number>;
  const diagnostic = new Set(
    csv('ptbxl/scp_statements.csv')
      .filter((r) => r.diagnostic === '1.0')
      .map((r) => r['']),
  );
  const ptbxlCohorts = (codes: Record<string, number>) =>
    [
      'LAFB' in codes && 'LAFB',
      'CRBBB' in codes && 'RBBB',
      ptbxlLabel(codes, diagnostic).label === 'normal' && 'NORM',
    ] as (Cohort | false)[];

  const rawIds = new Set<string>();
  for (const row of csv('ptbxl/ptbxl_database.csv')) {
    const path = join(dataDir, 'ptbxl', row.filename_hr);
    if (!existsSync(`${path}.hea`)) continue;
    rawIds.add(String(Number(row.ecg_id)));
    if (!zscored) add(`ptbxl:${Number(row.ecg_id)}`, 'ptbxl', ptbxlCohorts(dict(row.scp_codes)), fromRaw(path));
  }
  if (zscored) {
    for (const row of csv('ptbxl-zscored/labels.csv')) {
      const id = String(Number(row.ecg_id));
      if (rawIds.has(id)) continue; // the raw record is the better copy
      add(`ptbxl-z:${id}`, 'ptbxl-zscored', ptbxlCohorts(dict(row.scp_codes)), () => {
        const { shape, data } = parseNpy(
          new Uint8Array(readFileSync(join(dataDir, 'ptbxl-zscored/arrays', `${id}.npy`))),
        );
        const leads = Array.from({ length: shape[1] }, (_, l) =>
          Float32Array.from({ length: shape[0] }, (_, t) => data[t * shape[1] + l]),
        );
        const { start } = modelWindow(leads, leads, `${id}.npy`);
        return {
          fsHz: MODEL_FS_HZ,
          filteredMv: leads,
          windowStartMs: (start * 1000) / MODEL_FS_HZ,
          windowSamples: WINDOW_SAMPLES,
        };
      });
    }
    return out;
  }
  for (const row of csv('ludb/ludb.csv')) {
    const path = join(dataDir, 'ludb/data', row.ID);
    const conduction = row['Conduction abnormalities'] ?? '';
    if (existsSync(`${path}.hea`)) {
      add(
        `ludb:${row.ID}`,
        'ludb',
        [
          /left anterior hemiblock/i.test(conduction) && 'LAFB',
          /^\s*complete right bundle/im.test(conduction) && 'RBBB',
          ludbLabel(row).label === 'normal' && 'NORM',
        ],
        fromRaw(path),
      );
    }
  }
  for (const folder of ['cinc/cinc2021', 'cinc/chapman']) {
    for (const hea of readdirSync(join(dataDir, folder))
      .filter((f) => f.endsWith('.hea'))
      .sort()) {
      const codes = (/^#\s*Dx:\s*(.*)$/m.exec(readFileSync(join(dataDir, folder, hea), 'utf8'))?.[1] ?? '')
        .split(',')
        .map((c) => c.trim());
      const hr = /^HR(\d+)\.hea$/.exec(hea);
      if (hr && rawIds.has(String(Number(hr[1])))) continue; // the same PTB-XL recording, already listed
      add(
        `cinc:${hea.replace(/\.hea$/, '')}`,
        'cinc',
        [
          codes.includes('445118002') && 'LAFB',
          (codes.includes('59118001') || codes.includes('713427006')) && 'RBBB',
          snomedLabel(codes).label === 'normal' && 'NORM',
        ],
        fromRaw(join(dataDir, folder, hea)),
      );
    }
  }
  return out;
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>, at: number[]): number {
  let ma = 0,
    mb = 0;
  for (const i of at) ((ma += a[i]), (mb += b[i]));
  ((ma /= at.length), (mb /= at.length));
  let ab = 0,
    aa = 0,
    bb = 0;
  for (const i of at) ((ab += (a[i] - ma) * (b[i] - mb)), (aa += (a[i] - ma) ** 2), (bb += (b[i] - mb) ** 2));
  return ab / Math.sqrt(aa * bb);
}

/**
 * Frank X/Y/Z reconstructed from the 12 leads vs the recorded vx/vy/vz. PTB's vx, vy, vz follow Frank's axes (x left,
 * y feet, z back), as the Kors/Dower outputs do — all three r come out positive, so no sign is flipped; in the heart
 * frame (LPS) they read (vx, vz, −vy).
 */
export function vcgAgainstFrank(headerPath: string, methods: VcgMethod[] = ['kors', 'inverse-dower']) {
  const record = loadRecord(readRecordFiles(headerPath));
  const p = prepareEcg(record);
  const frank = ['vx', 'vy', 'vz'].map((name) => {
    const ch = record.extras.find((e) => e.name.toLowerCase() === name);
    if (!ch)
      throw new Error(
        `${headerPath} has no ${name} channel (extras: ${record.extras.map((e) => e.name).join(', ') || 'none'})`,
      );
    return bandpassForModel(resampleTo(ch.samples, record.fsHz, p.fsHz), p.fsHz);
  });
  const at: number[] = [];
  for (const onsetMs of p.qrsOnsetsMs) {
    const s = Math.round((onsetMs * p.fsHz) / 1000);
    for (let t = s - (10 * p.fsHz) / 1000; t < s + (120 * p.fsHz) / 1000; t++) if (t >= 0 && t < p.nSamples) at.push(t);
  }
  const r = {} as Record<VcgMethod, [number, number, number]>;
  for (const m of methods) {
    const f = frankFromLeads(p.filteredMv, m);
    r[m] = [pearson(f.x, frank[0], at), pearson(f.y, frank[1], at), pearson(f.z, frank[2], at)];
  }
  return { beats: p.qrsOnsetsMs.length, samples: at.length, r };
}

/** Intervals of the cohort statistics, ms after QRS onset (= the window start). */
export const MID_QRS_MS: [number, number] = [20, 60];
export const MID_LATE_QRS_MS: [number, number] = [30, 100];
export const TERMINAL_QRS_MS: [number, number] = [70, QRS_REGION_MS];

export interface TrajectoryFeatures {
  id: string;
  /** Displacements over MID_QRS_MS, MID_LATE_QRS_MS, TERMINAL_QRS_MS, mm. */
  mid: Vec3;
  midLate: Vec3;
  terminal: Vec3;
  /** Position at the end of the QRS region (QRS_REGION_MS) relative to the start, the ventricles' centre. */
  qrsEnd: Vec3;
  /** The window beat's QRS end (waves.ts), ms after the window start, and the QRS part's extent and span, mm. */
  qrsOffsetMs: number;
  qrsExtentMm: number;
  qrsSpanMm: number;
  /** Mean Kors VCG (LPS, mV) over MID_QRS_MS and MID_LATE_QRS_MS: the same question asked without the mTSI. */
  vcgMid: Vec3;
  vcgMidLate: Vec3;
  points: Float64Array;
}

export function trajectoryFeatures(record: CohortRecord, options: CineOptions = {}): TrajectoryFeatures {
  const input = record.input();
  const { trajectory, vcg, qrsOffsetMs } = cineWindow(input, options);
  const { points } = trajectory;
  const sample = (ms: number) => Math.round((ms * input.fsHz) / 1000);
  const reach = qrsReach(points, sample(qrsOffsetMs));
  const at = (ms: number) => pointAt(points, sample(ms));
  const disp = ([a, b]: [number, number]) => sub(at(b), at(a));
  const meanVcg = ([a, b]: [number, number]): Vec3 => {
    const m = [0, 0, 0];
    for (let t = sample(a); t < sample(b); t++)
      for (let k = 0; k < 3; k++) m[k] += vcg[3 * t + k] / (sample(b) - sample(a));
    return m as unknown as Vec3;
  };
  return {
    id: record.id,
    mid: disp(MID_QRS_MS),
    midLate: disp(MID_LATE_QRS_MS),
    terminal: disp(TERMINAL_QRS_MS),
    qrsEnd: at(TERMINAL_QRS_MS[1]),
    qrsOffsetMs,
    qrsExtentMm: reach.extentMm,
    qrsSpanMm: reach.spanMm,
    vcgMid: meanVcg(MID_QRS_MS),
    vcgMidLate: meanVcg(MID_LATE_QRS_MS),
    points,
  };
}

/** Samples [0, qrsEndSample] of a trajectory: farthest distance from the first point, and between any two points. */
export function qrsReach(points: Float64Array, qrsEndSample: number): { extentMm: number; spanMm: number } {
  const end = Math.min(qrsEndSample, points.length / 3 - 1);
  let extentMm = 0,
    spanMm = 0;
  for (let a = 0; a <= end; a++) {
    extentMm = Math.max(extentMm, norm(sub(pointAt(points, a), pointAt(points, 0))));
    for (let b = a + 1; b <= end; b++) spanMm = Math.max(spanMm, norm(sub(pointAt(points, a), pointAt(points, b))));
  }
  return { extentMm, spanMm };
}

export { median } from '../../src/core/quantile';
const medianVec = (vs: Vec3[]): Vec3 => [
  median(vs.map((v) => v[0])),
  median(vs.map((v) => v[1])),
  median(vs.map((v) => v[2])),
];
/** P(a random member of `a` exceeds a random member of `b`), ties half: the AUC of this value for a vs b. */
export const aucAbove = (a: number[], b: number[]) => auroc([...a.map(() => 1), ...b.map(() => 0)], [...a, ...b]);
const fraction = (vs: Vec3[], keep: (v: Vec3) => boolean) => vs.filter(keep).length / vs.length;

/** LAFB vs NORM: superior (+z) and leftward (+x) components of the mid and mid/late QRS displacement. */
export function lafbStats(lafb: TrajectoryFeatures[], norm: TrajectoryFeatures[]) {
  const part = (k: 'mid' | 'midLate') => {
    const a = lafb.map((f) => f[k]),
      b = norm.map((f) => f[k]);
    const vk = k === 'mid' ? 'vcgMid' : 'vcgMidLate';
    const va = lafb.map((f) => f[vk]),
      vb = norm.map((f) => f[vk]);
    const leftSuperior = (v: Vec3) => v[0] > 0 && v[2] > 0;
    return {
      medianLafb: medianVec(a),
      medianNorm: medianVec(b),
      aucSuperior: aucAbove(
        a.map((v) => v[2]),
        b.map((v) => v[2]),
      ),
      aucLeftward: aucAbove(
        a.map((v) => v[0]),
        b.map((v) => v[0]),
      ),
      leftSuperiorLafb: fraction(a, leftSuperior),
      leftSuperiorNorm: fraction(b, leftSuperior),
      vcgAucSuperior: aucAbove(
        va.map((v) => v[2]),
        vb.map((v) => v[2]),
      ),
      vcgAucLeftward: aucAbove(
        va.map((v) => v[0]),
        vb.map((v) => v[0]),
      ),
    };
  };
  return { nLafb: lafb.length, nNorm: norm.length, mid: part('mid'), midLate: part('midLate') };
}

/** RBBB vs NORM: QRS-end position in the anterior-right quadrant (x < 0, y < 0); terminal displacement toward it. */
export function rbbbStats(rbbb: TrajectoryFeatures[], norm: TrajectoryFeatures[]) {
  const towardRightAnterior = (v: Vec3) => (-v[0] - v[1]) / Math.SQRT2;
  const rightAnterior = (v: Vec3) => v[0] < 0 && v[1] < 0;
  return {
    nRbbb: rbbb.length,
    nNorm: norm.length,
    medianQrsEndRbbb: medianVec(rbbb.map((f) => f.qrsEnd)),
    medianQrsEndNorm: medianVec(norm.map((f) => f.qrsEnd)),
    qrsEndRightAnteriorRbbb: fraction(
      rbbb.map((f) => f.qrsEnd),
      rightAnterior,
    ),
    qrsEndRightAnteriorNorm: fraction(
      norm.map((f) => f.qrsEnd),
      rightAnterior,
    ),
    aucTerminalRightAnterior: aucAbove(
      rbbb.map((f) => towardRightAnterior(f.terminal)),
      norm.map((f) => towardRightAnterior(f.terminal)),
    ),
  };
}

/** The epicardium of <data>/heart in the heart frame (heart-mesh.ts), or null when the folder lacks it. */
export function loadEpicardium(dataDir: string): TriangleMesh | null {
  const file = (n: string) => join(dataDir, 'heart', `patient1_${n}_000.obj`);
  if (!['EPICARDIAL', 'LV_ENDOCARDIAL', 'RV_ENDOCARDIAL'].every((n) => existsSync(file(n)))) return null;
  const read = (n: string) => parseObj(readFileSync(file(n), 'utf8'), `patient1_${n}_000.obj`);
  return toHeartFrame({ epicardium: read('EPICARDIAL'), lv: read('LV_ENDOCARDIAL'), rv: read('RV_ENDOCARDIAL') }).meshes
    .epicardium;
}

/** Largest distance (mm) outside the epicardium over samples [0, untilSample), every `every`-th sample. */
export function maxOutside(
  points: Float64Array,
  epicardium: TriangleMesh,
  untilSample = points.length / 3,
  every = 2,
): number {
  let worst = 0;
  for (let t = 0; t < untilSample; t += every)
    worst = Math.max(worst, distanceOutsideEpicardium(pointAt(points, t), epicardium));
  return worst;
}
