import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../../src/core/ecg/types';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { synthesizeRecord } from '../../src/core/synth/generate';
import { readRecordFiles } from '../lib/record-files';
import { predictRecords } from './predict';
import { synthCommand } from './synth';

describe('cli synth', () => {
  it('writes the contract’s files; the same command twice gives identical bytes (one spawn through cli.ts)', () => {
    const a = mkdtempSync(join(tmpdir(), 'synth-a-'));
    const b = mkdtempSync(join(tmpdir(), 'synth-b-'));
    const p = spawnSync(
      'npx',
      ['tsx', 'scripts/cli.ts', 'synth', '--seed', '9', '--count', '3', '--out', a, '--pathology', 'mixed'],
      { encoding: 'utf8' },
    );
    expect(p.status, p.stderr).toBe(0);
    const printed = JSON.parse(p.stdout);
    expect(printed).toMatchObject({ seed: 9, count: 3, pathology: 'mixed' });
    expect(printed.records.map((r: { name: string }) => r.name)).toEqual(['synth-9-0', 'synth-9-1', 'synth-9-2']);
    synthCommand({ seed: '9', count: '3', out: b });
    const names = readdirSync(a).sort();
    expect(names).toEqual(
      [0, 1, 2]
        .flatMap((i) => [
          `synth-9-${i}-healthy.dat`,
          `synth-9-${i}-healthy.hea`,
          `synth-9-${i}.dat`,
          `synth-9-${i}.hea`,
          `synth-9-${i}.truth.json`,
        ])
        .sort(),
    );
    for (const n of names) expect(readFileSync(join(a, n)).equals(readFileSync(join(b, n))), n).toBe(true);
    const hea = readFileSync(join(a, 'synth-9-0.hea'), 'utf8').split('\n');
    expect(hea[0]).toBe('synth-9-0 12 500 5000');
    STANDARD_LEADS.forEach((lead, l) =>
      expect(hea[l + 1]).toMatch(new RegExp(`^synth-9-0\\.dat 16 1000\\(0\\)/mV 16 0 -?\\d+ \\d+ 0 ${lead}$`)),
    );
    expect(readFileSync(join(a, 'synth-9-0.dat')).length).toBe(5000 * 12 * 2);
    const truth = JSON.parse(readFileSync(join(a, 'synth-9-1.truth.json'), 'utf8'));
    expect(Object.keys(truth)).toEqual(['label', 'pathology', 'fsHz', 'mask']);
    expect(Object.keys(truth.mask)).toEqual([...STANDARD_LEADS]);
    expect(truth.pathology).toBe(synthesizeRecord(9, 1).injection.pathology);
  }, 60_000);

  it('records and twins read and prepare like real ones (reader, prepareEcg) and go through predict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synth-p-'));
    synthCommand({ seed: '4', count: '4', out: dir, pathology: 'lafb' });
    for (let i = 0; i < 4; i++) {
      for (const name of [`synth-4-${i}`, `synth-4-${i}-healthy`]) {
        const rec = loadRecord(readRecordFiles(join(dir, `${name}.hea`)));
        expect(rec.fsHz).toBe(500);
        expect(rec.leadsMv).toHaveLength(12);
        expect(rec.notes).toEqual([]); // checksums match, nothing derived or odd
        const p = prepareEcg(rec);
        const beats = synthesizeRecord(4, i, 'lafb').rPeaksMs.filter((t) => t > 100 && t < 9900).length;
        expect(Math.abs(p.qrsOnsetsMs.length - beats), name).toBeLessThanOrEqual(1);
        // QRS onset precedes some R peak by 20–60 ms (Q lobe at −26 ms, σ 7 ms).
        const r = synthesizeRecord(4, i, 'lafb').rPeaksMs;
        expect(
          r.some((R) => R - p.windowStartMs >= 15 && R - p.windowStartMs <= 60),
          `${name}: window ${p.windowStartMs} ms`,
        ).toBe(true);
        expect(p.window.every(Number.isFinite)).toBe(true);
      }
    }
    const lines: { pAbnormal?: number; error?: unknown }[] = [];
    const failures = await predictRecords(
      [join(dir, 'synth-4-0.hea'), join(dir, 'synth-4-0-healthy.hea')],
      'models/ecg12/model.json',
      'wasm',
      (l) => lines.push(JSON.parse(l)),
    );
    expect(failures).toBe(0);
    expect(lines.every((l) => typeof l.pAbnormal === 'number')).toBe(true);
  }, 60_000);

  it('bad arguments are named', () => {
    expect(() => synthCommand({ seed: 'x', count: '1', out: '/tmp/x' })).toThrow(/--seed must be an integer/);
    expect(() => synthCommand({ seed: '1', count: '0', out: '/tmp/x' })).toThrow(/--count must be an integer 1…/);
    expect(() => synthCommand({ seed: '1', count: '1' })).toThrow(/--out DIR is required/);
    expect(() => synthCommand({ seed: '1', count: '1', out: '/tmp/x', pathology: 'mi' })).toThrow(
      /--pathology must be one of lafb, bbb, st, t-inversion, normal, mixed, got "mi"/,
    );
  });
});
