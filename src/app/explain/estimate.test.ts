import { describe, expect, it } from 'vitest';
import { describeDuration, estimateExplainMs, FORWARD_PER_GRADIENT, workUnits } from './estimate';

describe('explanation time estimate', () => {
  it('counts the work each method needs at the paper defaults', () => {
    expect(workUnits('ig')).toBe(50 * 40 * 2); // 4,000 input gradients (paper 3.3)
    expect(workUnits('ig', { steps: 8, noiseSamples: 0 })).toBe(16); // plain IG: one copy
    expect(workUnits('gradshap', { samples: 10 })).toBe(20);
    expect(workUnits('kernelshap')).toBeCloseTo(100 * FORWARD_PER_GRADIENT, 9);
    expect(workUnits('lime')).toBeCloseTo(500 * FORWARD_PER_GRADIENT, 9);
  });
  it('uses the start-up timing of one gradient on the backend that runs', () => {
    const timings = [
      { backend: 'wasm' as const, gradientMs: 11, note: '' },
      { backend: 'cpu' as const, gradientMs: 90, note: '' },
    ];
    expect(estimateExplainMs('ig', {}, 'wasm', timings, [])).toEqual({
      ms: 44_000,
      basis: 'start-up-timing',
      msPerUnit: 11,
    });
    expect(estimateExplainMs('ig', {}, 'webgpu', timings, [])).toBeNull();
  });
  it('prefers the rate of a finished run on the same backend and kind of work', () => {
    const timings = [{ backend: 'wasm' as const, gradientMs: 11, note: '' }];
    const past = [
      { method: 'ig' as const, backend: 'wasm' as const, ms: 800, params: { steps: 10, noiseSamples: 4 } }, // 80 gradients: 10 ms each
      { method: 'lime' as const, backend: 'wasm' as const, ms: 50_000, params: { samples: 500 } },
    ];
    const e = estimateExplainMs('gradshap', { samples: 50 }, 'wasm', timings, past)!;
    expect(e.basis).toBe('previous-run');
    expect(e.ms).toBeCloseTo(100 * 10, 6);
    // A perturbation method is priced from the perturbation run, not the gradient one.
    expect(estimateExplainMs('kernelshap', { samples: 100 }, 'wasm', timings, past)!.ms).toBeCloseTo(10_000, 6);
  });
  it('says durations in words', () => {
    expect(describeDuration(400)).toBe('under a second');
    expect(describeDuration(12_400)).toBe('about 12 s');
    expect(describeDuration(150_000)).toBe('about 3 min');
  });
});
