import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCase } from '../case/openCase';
import { decodeBase64, encodeBase64, windowLeads } from './caseData';

describe('study case data', () => {
  it('base64 round-trips a real record byte for byte, and the embedded copy opens like the file', () => {
    const dat = new Uint8Array(readFileSync('public/cases/ptbxl-00195/00195_hr.dat'));
    const hea = new Uint8Array(readFileSync('public/cases/ptbxl-00195/00195_hr.hea'));
    expect(decodeBase64(encodeBase64(dat))).toEqual(dat);
    const a = openCase(
      new Map([
        ['00195_hr.hea', hea],
        ['00195_hr.dat', dat],
      ]),
    );
    const b = openCase(
      new Map([
        ['00195_hr.hea', decodeBase64(encodeBase64(hea))],
        ['00195_hr.dat', decodeBase64(encodeBase64(dat))],
      ]),
    );
    expect(b.window).toEqual(a.window);
    // The annotation view's leads are the 200 window samples of the band-passed leads.
    const w = windowLeads(a);
    expect(w).toHaveLength(12);
    expect(w[0].length).toBe(200);
    expect(w[1][0]).toBe(a.filteredMv[1][Math.round((a.windowStartMs * a.fsHz) / 1000)]);
  });
});
