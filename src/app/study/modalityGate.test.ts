import { describe, expect, it } from 'vitest';
import { markingOpen } from './modalityGate';

describe('modality order', () => {
  it('12-lead first: the 3D opens once the 12-lead is done', () => {
    expect(markingOpen('12-lead-first', [])).toEqual({ '12-lead': true, cinecg: false });
    expect(markingOpen('12-lead-first', ['12-lead'])).toEqual({ '12-lead': true, cinecg: true });
  });
  it('3D first: mirrored', () => {
    expect(markingOpen('cinecg-first', [])).toEqual({ '12-lead': false, cinecg: true });
    expect(markingOpen('cinecg-first', ['cinecg'])).toEqual({ '12-lead': true, cinecg: true });
  });
  it('free: both open', () => expect(markingOpen('free', [])).toEqual({ '12-lead': true, cinecg: true }));
});
