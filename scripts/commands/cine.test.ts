import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/test-support/data';
import { cineRecord, parseCineArgs } from './cine';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { modelBeatWaves } from '../../src/core/ecg/waves';
import { readRecordFiles } from '../lib/record-files';
import { inspectRecord } from './inspect';

const record = join(FIXTURES, 'ptbxl/00285_hr.hea');

describe('cli cine', () => {
  it('gives the mTSI and VCG of the same 400 ms window `cli inspect` reports, one point per sample, in LPS mm', () => {
    const out = cineRecord(parseCineArgs([record])!);
    expect(out).toMatchObject({
      frame: 'LPS-mm',
      fsHz: 500,
      windowStartMs: inspectRecord(record).windowStartMs,
      vcgMethod: 'kors',
    });
    expect(out.windowStartMs).toBe(3472);
    expect(out.trajectory).toHaveLength(200);
    expect(out.vcg).toHaveLength(200);
    expect(out.trajectory[0]).toEqual([0, 0, 0]);
    expect(out.trajectory.every((p) => p.length === 3 && p.every(Number.isFinite))).toBe(true);
    expect(Object.keys(out.electrodes)).toEqual(['RA', 'LA', 'LL', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
  });

  it('gives the QRS end (waves.ts, the same as the app’s QRS/ST-T split) and the distance outside the epicardium per sample', () => {
    const p = prepareEcg(loadRecord(readRecordFiles(record)));
    const v2 = cineRecord(parseCineArgs([record])!);
    expect(v2.qrsOffsetMs).toBe(modelBeatWaves(p).qrsOffsetMs);
    expect(v2.mtsi.walk).toBe('v2');
    expect(v2.outsideMm).toHaveLength(200);
    expect(v2.outsideMm.every((d) => d === 0)).toBe(true); // v2 keeps the LAFB case inside the heart
    // v1 (the walk before issue 11) on the same case: its QRS part stays inside, its T part walks out of the heart.
    const v1 = cineRecord(parseCineArgs([record, '--walk', 'v1'])!);
    expect(v1.mtsi).toEqual({ walk: 'v1', stepMode: 'fixed', speedMmPerMs: 0.5, stepMm: 1 });
    expect(Math.max(...v1.outsideMm.slice(0, v1.qrsOffsetMs / 2))).toBe(0);
    expect(Math.max(...v1.outsideMm)).toBeGreaterThan(5);
  });

  it('takes --walk, --vcg, and --step and --speed for walk v1, and refuses what it does not know', () => {
    expect(
      parseCineArgs([record, '--walk', 'v1', '--vcg', 'inverse-dower', '--step', 'scaled', '--speed', '0.25']),
    ).toEqual({
      record,
      vcgMethod: 'inverse-dower',
      walk: 'v1',
      stepMode: 'scaled',
      speedMmPerMs: 0.25,
    });
    expect(parseCineArgs([record])).toMatchObject({ walk: 'v2', vcgMethod: 'kors' });
    for (const bad of [
      [],
      [record, record],
      [record, '--vcg', 'frank'],
      [record, '--walk', 'v3'],
      [record, '--walk', 'v1', '--step', 'x'],
      [record, '--walk', 'v1', '--speed', '-1'],
      [record, '--speed', '0.25'],
      [record, '--step', 'scaled'],
      [record, '--nope'],
    ]) {
      expect(parseCineArgs(bad), bad.join(' ')).toBeNull();
    }
    const v1 = (...a: string[]) => cineRecord(parseCineArgs([record, '--walk', 'v1', ...a])!);
    expect(Math.hypot(...v1('--speed', '0.25').trajectory[199])).toBeLessThan(Math.hypot(...v1().trajectory[199]));
  });

  it('prints one JSON object, and errors as JSON with a non-zero exit, through the real entry point', () => {
    const run = (...args: string[]) =>
      spawnSync('npx', ['tsx', 'scripts/cli.ts', 'cine', ...args], { encoding: 'utf8' });
    const ok = JSON.parse(execFileSync('npx', ['tsx', 'scripts/cli.ts', 'cine', record], { encoding: 'utf8' }));
    expect(ok).toMatchObject({ frame: 'LPS-mm', fsHz: 500, windowStartMs: 3472 });
    const missing = run(join(FIXTURES, 'ptbxl/missing.hea'));
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'missing-file' } });
    expect(run('--step', 'sideways', record).status).toBe(2);
  });
});
