import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPLIT,
  MAX_SPLIT,
  MIN_SPLIT,
  SPLIT_KEY,
  clampSplit,
  loadSplit,
  saveSplit,
  splitAfterKey,
} from './splitFraction';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

describe('split fraction', () => {
  it('clamps into [MIN, MAX] and maps non-numbers to the default', () => {
    expect(clampSplit(0.1)).toBe(MIN_SPLIT);
    expect(clampSplit(0.99)).toBe(MAX_SPLIT);
    expect(clampSplit(0.5)).toBe(0.5);
    expect(clampSplit(Number.NaN)).toBe(DEFAULT_SPLIT);
  });
  it('remembers what was saved, clamped, and falls back on garbage or a throwing storage', () => {
    const s = memory();
    expect(loadSplit(s)).toBe(DEFAULT_SPLIT);
    saveSplit(s, 0.42);
    expect(s.m.get(SPLIT_KEY)).toBe('0.420');
    expect(loadSplit(s)).toBeCloseTo(0.42, 6);
    s.setItem(SPLIT_KEY, 'wide');
    expect(loadSplit(s)).toBe(DEFAULT_SPLIT);
    s.setItem(SPLIT_KEY, '5');
    expect(loadSplit(s)).toBe(MAX_SPLIT);
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(loadSplit(broken)).toBe(DEFAULT_SPLIT);
    expect(() => saveSplit(broken, 0.5)).not.toThrow();
  });
  it('moves by keyboard like a WAI-ARIA window splitter', () => {
    expect(splitAfterKey(0.5, 'ArrowLeft')).toBeCloseTo(0.48, 9);
    expect(splitAfterKey(0.5, 'ArrowRight')).toBeCloseTo(0.52, 9);
    expect(splitAfterKey(0.5, 'PageUp')).toBeCloseTo(0.58, 9);
    expect(splitAfterKey(0.5, 'Home')).toBe(MIN_SPLIT);
    expect(splitAfterKey(0.5, 'End')).toBe(MAX_SPLIT);
    expect(splitAfterKey(MAX_SPLIT, 'ArrowRight')).toBe(MAX_SPLIT);
    expect(splitAfterKey(0.5, 'a')).toBeNull();
  });
});
