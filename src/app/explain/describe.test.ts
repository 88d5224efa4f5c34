import { describe, expect, it } from 'vitest';
import { describeBackendChoice, describeDelta } from './describe';

describe('explain panel words', () => {
  it('says how the backend was chosen, with the measured times', () => {
    expect(describeBackendChoice({ backend: 'cpu', choice: 'requested', timings: [] })).toBe(
      'Backend cpu, as asked for (?backend=cpu).',
    );
    expect(
      describeBackendChoice({
        backend: 'wasm',
        choice: 'measured',
        timings: [
          { backend: 'wasm', gradientMs: 9.4, note: 'median of 3' },
          { backend: 'webgpu', gradientMs: null, note: 'software GPU, not timed' },
          { backend: 'cpu', gradientMs: 310, note: 'first run only: over 5× the best' },
        ],
      }),
    ).toBe(
      'Backend wasm, the fastest measured here: wasm 9 ms, cpu 310 ms (first run) per input gradient (webgpu: software GPU, not timed).',
    );
    expect(
      describeBackendChoice({
        backend: 'wasm',
        choice: 'only-candidate',
        timings: [{ backend: 'wasm', gradientMs: 9, note: 'median of 3' }],
      }),
    ).toBe('Backend wasm, the only one that started here.');
  });

  it('states completeness per class', () => {
    expect(describeDelta([2e-7, -0.0123])).toBe(
      'Completeness: Σ attributions − (f(x) − f(baseline)) = 2.0e-7 (normal), -0.012 (abnormal).',
    );
  });
});
