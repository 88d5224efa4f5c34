import { describe, expect, it } from 'vitest';
import { radioKeyTarget, tabStopIndex } from './radioKeys';

const none = [false, false, false, false];

describe('radio group keyboard model (WAI-ARIA APG radio group)', () => {
  it('has one tab stop: the checked radio, else the first enabled one', () => {
    expect(tabStopIndex(2, none)).toBe(2);
    expect(tabStopIndex(-1, none)).toBe(0);
    expect(tabStopIndex(-1, [true, false, false])).toBe(1);
    expect(tabStopIndex(0, [true, false, false])).toBe(1); // the checked one is disabled
    expect(tabStopIndex(0, [true, true])).toBe(-1);
  });

  it('arrows move to the next / previous radio and wrap at the ends', () => {
    expect(radioKeyTarget('ArrowRight', 0, none)).toBe(1);
    expect(radioKeyTarget('ArrowDown', 3, none)).toBe(0);
    expect(radioKeyTarget('ArrowLeft', 0, none)).toBe(3);
    expect(radioKeyTarget('ArrowUp', 2, none)).toBe(1);
  });

  it('Home and End go to the first and last enabled radio', () => {
    expect(radioKeyTarget('Home', 2, none)).toBe(0);
    expect(radioKeyTarget('End', 0, none)).toBe(3);
    expect(radioKeyTarget('Home', 3, [true, false, false, true])).toBe(1);
    expect(radioKeyTarget('End', 1, [true, false, false, true])).toBe(2);
  });

  it('skips disabled radios in both directions', () => {
    const d = [false, true, true, false];
    expect(radioKeyTarget('ArrowRight', 0, d)).toBe(3);
    expect(radioKeyTarget('ArrowLeft', 3, d)).toBe(0);
    expect(radioKeyTarget('ArrowRight', 0, [false, true, true, true])).toBe(0); // alone: stays
  });

  it('ignores other keys, and every key when all radios are disabled', () => {
    expect(radioKeyTarget('Tab', 0, none)).toBeNull();
    expect(radioKeyTarget('a', 0, none)).toBeNull();
    expect(radioKeyTarget('ArrowRight', 0, [true, true])).toBeNull();
  });
});
