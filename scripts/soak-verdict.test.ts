import { describe, expect, it } from 'vitest';
import { judgeSoak, type SoakRow } from '../e2e/support/soak';

const MiB = 2 ** 20;
const row = (run: number, tensors: number, heapMiB: number): SoakRow => ({
  run,
  tensors,
  tensorBytes: 0,
  heapBytes: heapMiB * MiB,
  msPerRun: 1,
});

describe('the soak verdict', () => {
  it('passes when tensors stay at the first run’s count and the heap grows within the bound (first-use caches excluded)', () => {
    const v = judgeSoak([row(0, 100, 7), row(1, 109, 8), row(20, 109, 9), row(200, 109, 10.5)], 8 * MiB);
    expect(v).toMatchObject({ ok: true, tensorGrowth: 0, problems: [] });
    expect(v.heapGrowth / MiB).toBeCloseTo(2.5, 6);
  });

  it('fails on one leaked tensor, even if it is freed again later, and on heap growth over the bound', () => {
    const v = judgeSoak([row(0, 100, 7), row(1, 109, 8), row(20, 110, 12), row(40, 109, 17)], 8 * MiB);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      'worker tensors grew by 1 after the first run (109 → max 110)',
      'page heap grew by 9.0 MiB, over the bound of 8.0 MiB',
    ]);
  });
});
