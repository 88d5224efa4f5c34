import { describe, expect, it } from 'vitest';
import { heartRateBpm, rateCheck } from './heart-rate';

describe('heart rate', () => {
  it('from the median RR interval', () => {
    expect(heartRateBpm([0, 1000, 2000, 3000])).toBe(60);
    expect(heartRateBpm([0, 800, 1600, 3000])).toBe(75); // RR 800, 800, 1400: median 800 ms
    expect(heartRateBpm([0, 600, 1400, 2400, 3400])).toBe(67); // RR 600, 800, 1000, 1000: mean of the middle two, 900 ms
    expect(heartRateBpm([100])).toBeNull();
  });
});

describe('rateCheck', () => {
  const beats = (rrMs: number) => Array.from({ length: 8 }, (_, i) => i * rrMs);
  it('is silent for a usual heart rate, or too few beats to tell', () => {
    expect(rateCheck(500, beats(800))).toBeNull(); // 75 bpm
    expect(rateCheck(500, beats(1500))).toBeNull(); // 40 bpm: the edge is still plausible
    expect(rateCheck(500, [100])).toBeNull();
  });
  it('a 250 Hz array read at 500 Hz doubles the rate: it names 250 Hz and the rate there', () => {
    expect(rateCheck(500, beats(375))).toBe(
      "At 500 Hz the heart rate is 160 bpm: if that is not this patient's, check the sampling rate " +
        '(at 250 Hz it would be 80 bpm). Times, the window and the prediction all depend on it.',
    );
  });
  it('a 1000 Hz array read at 500 Hz halves it: it names 1000 Hz', () => {
    expect(rateCheck(500, beats(2000))).toContain('30 bpm: if that is not this patient');
    expect(rateCheck(500, beats(2000))).toContain('(at 1000 Hz it would be 60 bpm)');
  });
});
