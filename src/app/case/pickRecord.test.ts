import { describe, expect, it } from 'vitest';
import { describePick, pickFirstRecord } from './pickRecord';

describe('two records given at once', () => {
  it('opens the first by name and names the others', () => {
    const p = pickFirstRecord(['b.hea', 'a.dat', 'b.dat', 'a.hea'])!;
    expect(p).toEqual({ stem: 'a', files: ['a.dat', 'a.hea'], others: ['b'] });
    expect(describePick(p)).toBe('2 records were given at once: opened “a”. Open “b” on its own to see it.');
    expect(pickFirstRecord(['x.csv', 'y.csv', '10.hea', '10.dat', '9.hea'])!.stem).toBe('9'); // numeric order
  });
  it('leaves one record (with all its files) alone', () => {
    expect(pickFirstRecord(['1.hea', '1.dat', '1.i', '1.v6'])).toBeNull();
    expect(pickFirstRecord(['one.csv'])).toBeNull();
    expect(pickFirstRecord(['a.dat', 'b.dat'])).toBeNull(); // no header: the core says what is missing
  });
});
