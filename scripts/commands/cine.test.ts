import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/test-support/data';
import { cineRecord, parseCineArgs } from './cine';
import { inspectRecord } from './inspect';

const record = join(FIXTURES, 'ptbxl/00285_hr.hea');

describe('cli cine', () => {
  it('gives the mTSI and VCG of the same 400 ms window `cli inspect` reports, one point per sample, in LPS mm', () => {
    const out = cineRecord(parseCineArgs([record])!);
    expect(out).toMatchObject({ frame: 'LPS-mm', fsHz: 500, windowStartMs: inspectRecord(record).windowStartMs, vcgMethod: 'kors' });
    expect(out.windowStartMs).toBe(3472);
    expect(out.trajectory).toHaveLength(200);
    expect(out.vcg).toHaveLength(200);
    expect(out.trajectory[0]).toEqual([0, 0, 0]);
    expect(out.trajectory.every((p) => p.length === 3 && p.every(Number.isFinite))).toBe(true);
    expect(Object.keys(out.electrodes)).toEqual(['RA', 'LA', 'LL', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
  });

  it('takes --vcg, --step and --speed, and refuses what it does not know', () => {
    expect(parseCineArgs([record, '--vcg', 'inverse-dower', '--step', 'scaled', '--speed', '0.25'])).toEqual({
      record, vcgMethod: 'inverse-dower', stepMode: 'scaled', speedMmPerMs: 0.25,
    });
    for (const bad of [[], [record, record], [record, '--vcg', 'frank'], [record, '--step', 'x'], [record, '--speed', '-1'], [record, '--nope']]) {
      expect(parseCineArgs(bad), bad.join(' ')).toBeNull();
    }
    const slow = cineRecord(parseCineArgs([record, '--speed', '0.25'])!);
    expect(Math.hypot(...slow.trajectory[199])).toBeLessThan(Math.hypot(...cineRecord(parseCineArgs([record])!).trajectory[199]));
  });

  it('prints one JSON object, and errors as JSON with a non-zero exit, through the real entry point', () => {
    const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/cli.ts', 'cine', ...args], { encoding: 'utf8' });
    const ok = JSON.parse(execFileSync('npx', ['tsx', 'scripts/cli.ts', 'cine', record], { encoding: 'utf8' }));
    expect(ok).toMatchObject({ frame: 'LPS-mm', fsHz: 500, windowStartMs: 3472 });
    const missing = run(join(FIXTURES, 'ptbxl/missing.hea'));
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'missing-file' } });
    expect(run('--step', 'sideways', record).status).toBe(2);
  });
});
