import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementCommand } from './agreement';
import { statsBootstrapCommand } from './stats';

describe('cli agreement', () => {
  // The hand-worked cohort of src/core/eval/agreement.test.ts, as the CLI reads it ([T][L] and [T] maps).
  const input = JSON.stringify({
    cases: [
      { id: 'A', label: 'abnormal', phi: [0.25, -0.5, 1, 0], mask: [0, 0, 1, 1] },
      {
        id: 'B',
        label: 'normal',
        phi: [
          [0.5, 9],
          [-1, 9],
          [0, 9],
          [0.5, 9],
        ],
        mask: [
          [0, 0],
          [1, 0],
          [0, 0],
          [0, 0],
        ],
      },
      { id: 'C', label: 'abnormal', phi: [1, 2, 3, 4], mask: [0, 0, 0, 0] },
    ],
  });
  it('prints exactly { threshold, meanDice, cases: [{ id, dice, iou, spearman }] }', () => {
    const out = agreementCommand(input, 'positive');
    expect(Object.keys(out)).toEqual(['threshold', 'meanDice', 'cases']);
    expect(out.threshold).toBe(0.26);
    expect(out.meanDice).toBeCloseTo(5 / 6, 12);
    expect(out.cases).toEqual([
      { id: 'A', dice: 2 / 3, iou: 0.5, spearman: expect.closeTo(1 / Math.sqrt(18), 12) },
      { id: 'B', dice: 1, iou: 1, spearman: 1 },
      { id: 'C', dice: null, iou: null, spearman: null },
    ]);
  });
  it('needs a known --postprocess', () => {
    expect(() => agreementCommand(input, 'relu')).toThrow(
      '--postprocess must be one of positive, absolute, scaled, got "relu"',
    );
    expect(() => agreementCommand(input, undefined)).toThrow('got nothing');
  });
  it('through the CLI: stdout JSON, and {"error"} with exit 1 on bad input', () => {
    const run = (stdin: string, ...args: string[]) =>
      spawnSync('npx', ['tsx', 'scripts/cli.ts', ...args], { encoding: 'utf8', input: stdin });
    const ok = run(input, 'agreement', '--postprocess', 'scaled');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      threshold: expect.any(Number),
      cases: [{ id: 'A' }, { id: 'B' }, { id: 'C', dice: null }],
    });
    const bad = run(
      '{"cases": [{"id": "x", "label": "normal", "phi": [1], "mask": [2]}]}',
      'agreement',
      '--postprocess',
      'positive',
    );
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      error: {
        code: 'bad-input',
        field: 'cases[0].mask[0]',
        message: 'cases[0].mask[0]: expected 0 or 1, got number 2',
      },
    });
    // stats bootstrap, spawned once too: the skewed reference sample at seed 7 gives SciPy's BCa interval.
    const ref = JSON.parse(readFileSync(join('src/core/eval/__fixtures__/bootstrap-reference.json'), 'utf8'));
    const r = ref.sameDistribution[0];
    const stats = run(
      JSON.stringify(ref.samples[r.sample]),
      'stats',
      'bootstrap',
      '--seed',
      String(r.seed),
      '--resamples',
      String(r.resamples),
    );
    expect(stats.status).toBe(0);
    const s = JSON.parse(stats.stdout);
    expect(s.low).toBeCloseTo(r.bca[0], 9);
    expect(s.high).toBeCloseTo(r.bca[1], 9);
  }, 60_000);
});

describe('cli stats bootstrap', () => {
  it('{ mean, low, high }; percentile differs from BCa on a skewed sample; defaults are 2000 resamples, 0.95, seed 0', () => {
    const x = JSON.stringify([0.1, 0.2, 0.15, 0.3, 0.12, 2.5, 0.4, 0.22, 0.18, 0.9]);
    const bca = statsBootstrapCommand(x, {});
    expect(Object.keys(bca)).toEqual(['mean', 'low', 'high']);
    expect(bca.mean).toBeCloseTo(0.507, 12);
    expect(statsBootstrapCommand(x, { method: 'bca', resamples: '2000', confidence: '0.95', seed: '0' })).toEqual(bca);
    const pct = statsBootstrapCommand(x, { method: 'percentile' });
    expect(bca.high - pct.high).toBeGreaterThan(0.05);
    expect(statsBootstrapCommand(x, { confidence: '0.5' }).high).toBeLessThan(bca.high);
  });
  it('bad input names the problem', () => {
    expect(() => statsBootstrapCommand('[1, 2', {})).toThrow('not valid JSON');
    expect(() => statsBootstrapCommand('{"a": 1}', {})).toThrow(
      'expected a JSON array of numbers on stdin, got an object',
    );
    expect(() => statsBootstrapCommand('[1, "2"]', {})).toThrow('value 1 is the string "2", not a finite number');
    expect(() => statsBootstrapCommand('[1, 2]', { method: 'studentized' })).toThrow(
      '--method must be bca or percentile',
    );
    expect(() => statsBootstrapCommand('[1, 2]', { seed: 'x' })).toThrow('--seed must be a number');
  });
});
