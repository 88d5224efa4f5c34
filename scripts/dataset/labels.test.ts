import { describe, expect, it } from 'vitest';
import { ludbLabel, ptbxlLabel, snomedLabel } from './labels';

const diagnostic = new Set(['NORM', 'LAFB', 'IMI', 'NDT']);

describe('labels', () => {
  it('PTB-XL: only NORM among diagnostic statements is normal; rhythm/form statements do not count', () => {
    expect(ptbxlLabel({ NORM: 100, SR: 0 }, diagnostic)).toEqual({ label: 'normal' });
    expect(ptbxlLabel({ NORM: 100, LAFB: 100, SBRAD: 0 }, diagnostic)).toEqual({ label: 'abnormal' });
    expect(ptbxlLabel({ LAFB: 100, SR: 0 }, diagnostic)).toEqual({ label: 'abnormal' });
    expect(ptbxlLabel({ SR: 0, LVOLT: 0 }, diagnostic).label).toBeNull();
  });
  it('LUDB: a diagnostic finding in any diagnostic column makes it abnormal; axis and rhythm do not', () => {
    expect(
      ludbLabel({ Rhythms: 'Sinus rhythm', 'Electric axis of the heart': 'left axis deviation', Hypertrophies: '' }),
    ).toEqual({ label: 'normal' });
    expect(ludbLabel({ Hypertrophies: 'Left ventricular hypertrophy\n' })).toEqual({ label: 'abnormal' });
    expect(ludbLabel({ 'Conduction abnormalities': 'Left anterior hemiblock' })).toEqual({ label: 'abnormal' });
  });
  it('Challenge SNOMED: sinus-only is normal, any diagnostic code abnormal, unknown codes left out', () => {
    expect(snomedLabel(['426783006'])).toEqual({ label: 'normal' });
    expect(snomedLabel(['427084000', '284470004'])).toEqual({ label: 'normal' });
    expect(snomedLabel(['426783006', '445118002'])).toEqual({ label: 'abnormal' });
    expect(snomedLabel(['164889003']).label).toBeNull(); // AF alone: no diagnostic statement, not sinus
    expect(snomedLabel(['426783006', '999999999'])).toMatchObject({
      label: null,
      reason: expect.stringContaining('999999999'),
    });
  });
});
