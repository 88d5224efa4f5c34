import { describe, expect, it } from 'vitest';
import { EcgError } from '../../errors';
import { parseWfdbHeader } from './header';

describe('parseWfdbHeader', () => {
  it('reads a PTB-XL header line by line', () => {
    const h = parseWfdbHeader(
      '00041_hr 12 500 5000\n00041_hr.dat 16 1000.0(0)/mV 16 0 -20 34102 0 I\n' +
        '00041_hr.dat 16 1000.0(0)/mV 16 0 -95 10088 0 II\n'.repeat(11),
      'x.hea',
    );
    expect(h).toMatchObject({ recordName: '00041_hr', nSignals: 12, fsHz: 500, nSamples: 5000 });
    expect(h.signals[0]).toMatchObject({
      fileName: '00041_hr.dat',
      format: 16,
      adcGain: 1000,
      baseline: 0,
      units: 'mV',
      adcResolution: 16,
      adcZero: 0,
      initialValue: -20,
      checksum: 34102,
      description: 'I',
    });
  });

  it('reads the Challenge "16x1+24" format field and keeps # comments', () => {
    const h = parseWfdbHeader(
      'E1 1 500 5000\nE1.mat 16x1+24 1000.0(0)/mV 16 0 -68 1250 0 I\n# Age: 78\n#Dx: 426783006',
      'E1.hea',
    );
    expect(h.signals[0]).toMatchObject({ format: 16, samplesPerFrame: 1, byteOffset: 24, adcGain: 1000 });
    expect(h.comments).toEqual(['Age: 78', 'Dx: 426783006']);
  });

  it('applies header(5) defaults: gain 200, baseline = ADC zero, units mV, fs 250', () => {
    const h = parseWfdbHeader('r 2\nr.dat 212\nr.dat 212 0 12 1024 0 0 0 lead II', 'r.hea');
    expect(h.fsHz).toBe(250);
    expect(h.nSamples).toBeNull();
    expect(h.signals[0]).toMatchObject({ adcGain: 200, baseline: 0, units: 'mV', adcResolution: 12 });
    expect(h.signals[1]).toMatchObject({ adcGain: 200, baseline: 1024, adcZero: 1024, description: 'lead II' });
  });

  it('reads a gain with no baseline and no units (ptbdb)', () => {
    const h = parseWfdbHeader('s 1 1000 38400\ns.dat 16 2000 16 0 -489 -8337 0 i', 's.hea');
    expect(h.signals[0]).toMatchObject({ adcGain: 2000, baseline: 0, units: 'mV' });
  });

  it.each([
    ['', 'no record line'],
    ['r 12 500 5000\nr.dat 16 1000/mV 16 0 0 0 0 I', 'header says 12 signals, found 1 signal lines'],
    ['r x 500', 'number of signals "x"'],
    ['r 1 -5 10\nr.dat 16', 'sampling frequency "-5"'],
    ['r 1 500 10\nr.dat sixteen', 'format field "sixteen"'],
    ['r 1 500 10\nr.dat 16 abc/mV', 'gain field "abc/mV"'],
  ])('names the problem in %j', (text, message) => {
    expect(() => parseWfdbHeader(text, 'r.hea')).toThrow(message);
    try {
      parseWfdbHeader(text, 'r.hea');
    } catch (e) {
      expect(e).toBeInstanceOf(EcgError);
      expect((e as EcgError).file).toBe('r.hea');
    }
  });

  it('refuses multi-segment records clearly', () => {
    expect(() => parseWfdbHeader('r/3 2 360 1000\nr_1 500\nr_2 500', 'r.hea')).toThrow('multi-segment');
  });
});
