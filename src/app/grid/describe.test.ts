import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { ecgAriaLabel, windowCaption } from './describe';

describe('describe', () => {
  it('writes the window caption with an en dash, whole ms', () => {
    expect(windowCaption(1234, 400)).toBe('QRS-T window: 1234–1634 ms');
    expect(windowCaption(1233.6, 400)).toBe('QRS-T window: 1234–1634 ms');
  });

  it('names the case, every lead, the calibration and the window', () => {
    const label = ecgAriaLabel({
      caseTitle: 'Left anterior fascicular block (teaching case)',
      leads: STANDARD_LEADS,
      durationMs: 10_000,
      mmPerS: 25,
      mmPerMv: 10,
      windowStartMs: 1234,
      windowMs: 400,
      qrsCount: 11,
      trace: 'filtered',
    });
    expect(label).toBe(
      '12-lead ECG, Left anterior fascicular block (teaching case). Leads I, II, III, aVR, aVL, aVF, V1, V2, V3, V4, V5, V6. ' +
        '10 s at 25 mm/s and 10 mm/mV, band-pass filtered. 11 QRS onsets marked. QRS-T window: 1234–1634 ms.',
    );
  });
});
