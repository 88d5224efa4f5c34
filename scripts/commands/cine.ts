import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cineWindow } from '../../src/core/cine/cine-signal';
import { standardElectrodes } from '../../src/core/cine/electrodes';
import { FRAME, pointAt, toRows } from '../../src/core/cine/frame';
import { decodeHeartAsset } from '../../src/core/cine/heart-asset';
import { distanceOutsideEpicardium, type TriangleMesh } from '../../src/core/cine/heart-mesh';
import { MTSI_DEFAULTS, WALKS, type StepMode, type Walk } from '../../src/core/cine/mtsi';
import { MTSI_V2_DEFAULTS } from '../../src/core/cine/mtsi-v2';
import type { VcgMethod } from '../../src/core/cine/vcg';
import type { LoadOptions } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { loadRecordAt, npyOptionsOf } from '../lib/record-files';

export interface CineArgs {
  record: string;
  vcgMethod: VcgMethod;
  walk: Walk;
  /** Walk v1 only. */
  stepMode: StepMode;
  speedMmPerMs: number;
  load?: LoadOptions;
}

/**
 * `cine <record> [--walk v2|v1] [--vcg kors|inverse-dower] [--step fixed|scaled] [--speed 0.5]` (step and speed: walk
 * v1 only); null when the arguments are wrong.
 */
export function parseCineArgs(args: string[]): CineArgs | null {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        fs: { type: 'string' },
        zscored: { type: 'boolean' },
        vcg: { type: 'string', default: 'kors' },
        walk: { type: 'string', default: MTSI_DEFAULTS.walk },
        step: { type: 'string', default: MTSI_DEFAULTS.stepMode },
        speed: { type: 'string' },
      },
    });
  } catch {
    return null; // unknown option
  }
  const { values: v, positionals } = parsed;
  const speed = v.speed === undefined ? MTSI_DEFAULTS.speedMmPerMs : Number(v.speed);
  if (
    positionals.length !== 1 ||
    !(speed > 0) ||
    !['kors', 'inverse-dower'].includes(v.vcg!) ||
    !['fixed', 'scaled'].includes(v.step!) ||
    !WALKS.includes(v.walk as Walk)
  )
    return null;
  if (v.walk === 'v2' && (v.speed !== undefined || args.includes('--step'))) return null; // v1's options: refuse rather than ignore
  const load = npyOptionsOf(v);
  if (!load) return null;
  return {
    record: positionals[0],
    vcgMethod: v.vcg as VcgMethod,
    walk: v.walk as Walk,
    stepMode: v.step as StepMode,
    speedMmPerMs: speed,
    ...(load.npy ? { load } : {}),
  };
}

let epicardium: TriangleMesh | null = null;
/** The epicardium the app draws (public/heart/heart.bin, heart frame), read once. */
function appEpicardium(): TriangleMesh {
  epicardium ??= decodeHeartAsset(
    readFileSync(resolve(import.meta.dirname, '../../public/heart/heart.bin')),
  ).epicardium;
  return epicardium;
}

/**
 * `cli cine <record>`: the CineECG of the same 400 ms window `cli predict`/`inspect` use (QRS onset of the chosen
 * beat), one trajectory point and one VCG sample per window sample, in the heart frame (LPS, mm; origin at the
 * ventricles' centre). With them: the QRS end within the window (waves.ts; the v2 walk's phase boundary) and, per
 * sample, how far the point lies outside the epicardium of the app's heart (mm, 0 inside; exact mesh test). The
 * electrodes are included so a reader can draw or check the geometry.
 */
export function cineRecord(a: CineArgs) {
  const p = prepareEcg(loadRecordAt(a.record, a.load));
  const c = cineWindow(p, { vcgMethod: a.vcgMethod, walk: a.walk, stepMode: a.stepMode, speedMmPerMs: a.speedMmPerMs });
  const epi = appEpicardium();
  const outsideMm = Array.from(
    { length: c.trajectory.nSamples },
    (_, t) => Math.round(distanceOutsideEpicardium(pointAt(c.trajectory.points, t), epi) * 100) / 100,
  );
  const mtsi =
    a.walk === 'v1'
      ? { walk: a.walk, stepMode: a.stepMode, speedMmPerMs: a.speedMmPerMs, stepMm: (a.speedMmPerMs * 1000) / c.fsHz }
      : {
          walk: a.walk,
          qrsSpeedMmPerMs: MTSI_V2_DEFAULTS.qrsSpeedMmPerMs,
          tSpeedMmPerMs: MTSI_V2_DEFAULTS.tSpeedMmPerMs,
          marginMm: MTSI_V2_DEFAULTS.marginMm,
        };
  return {
    record: a.record,
    frame: FRAME,
    fsHz: c.fsHz,
    windowStartMs: c.windowStartMs,
    windowSamples: p.windowSamples,
    qrsOffsetMs: c.qrsOffsetMs,
    mtsi,
    vcgMethod: a.vcgMethod,
    units: {
      trajectory: 'mm',
      vcg: 'mV',
      qrsOffsetMs: 'ms after the window start',
      outsideMm: 'mm outside the epicardium, 0 inside',
    },
    trajectory: toRows(c.trajectory.points, 3),
    outsideMm,
    vcg: toRows(c.vcg, 4),
    electrodes: Object.fromEntries(
      Object.entries(standardElectrodes()).map(([k, v]) => [k, v.map((x) => Math.round(x * 10) / 10)]),
    ),
  };
}
