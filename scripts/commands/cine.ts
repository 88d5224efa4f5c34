import { parseArgs } from 'node:util';
import { cineWindow } from '../../src/core/cine/cine-signal';
import { standardElectrodes } from '../../src/core/cine/electrodes';
import { FRAME, toRows } from '../../src/core/cine/frame';
import { MTSI_DEFAULTS, type StepMode } from '../../src/core/cine/mtsi';
import type { VcgMethod } from '../../src/core/cine/vcg';
import type { LoadOptions } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { loadRecordAt, npyOptionsOf } from '../lib/record-files';

export interface CineArgs {
  record: string;
  vcgMethod: VcgMethod;
  stepMode: StepMode;
  speedMmPerMs: number;
  load?: LoadOptions;
}

/** `cine <record> [--vcg kors|inverse-dower] [--step fixed|scaled] [--speed 0.5]`; null when the arguments are wrong. */
export function parseCineArgs(args: string[]): CineArgs | null {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { fs: { type: 'string' }, zscored: { type: 'boolean' }, vcg: { type: 'string', default: 'kors' }, step: { type: 'string', default: MTSI_DEFAULTS.stepMode }, speed: { type: 'string' } } });
  } catch {
    return null; // unknown option
  }
  const { values: v, positionals } = parsed;
  const speed = v.speed === undefined ? MTSI_DEFAULTS.speedMmPerMs : Number(v.speed);
  if (positionals.length !== 1 || !(speed > 0) || !['kors', 'inverse-dower'].includes(v.vcg!) || !['fixed', 'scaled'].includes(v.step!)) return null;
  const load = npyOptionsOf(v);
  if (!load) return null;
  return { record: positionals[0], vcgMethod: v.vcg as VcgMethod, stepMode: v.step as StepMode, speedMmPerMs: speed, ...(load.npy ? { load } : {}) };
}

/**
 * `cli cine <record>`: the CineECG of the same 400 ms window `cli predict`/`inspect` use (QRS onset of the chosen
 * beat), one trajectory point and one VCG sample per window sample, in the heart frame (LPS, mm; origin at the
 * ventricles' centre). The electrodes are included so a reader can draw or check the geometry.
 */
export function cineRecord(a: CineArgs) {
  const p = prepareEcg(loadRecordAt(a.record, a.load));
  const c = cineWindow(p, { vcgMethod: a.vcgMethod, stepMode: a.stepMode, speedMmPerMs: a.speedMmPerMs });
  return {
    record: a.record,
    frame: FRAME,
    fsHz: c.fsHz,
    windowStartMs: c.windowStartMs,
    windowSamples: p.windowSamples,
    mtsi: { stepMode: a.stepMode, speedMmPerMs: a.speedMmPerMs, stepMm: (a.speedMmPerMs * 1000) / c.fsHz },
    vcgMethod: a.vcgMethod,
    units: { trajectory: 'mm', vcg: 'mV' },
    trajectory: toRows(c.trajectory.points, 3),
    vcg: toRows(c.vcg, 4),
    electrodes: Object.fromEntries(Object.entries(standardElectrodes()).map(([k, v]) => [k, v.map((x) => Math.round(x * 10) / 10)])),
  };
}
