import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../test-support/data';
import { EcgError } from '../errors';
import { loadRecord } from './load';
import type { RecordFiles } from './types';

/** Whatever the bytes, loading either succeeds with finite mV or throws an EcgError — never anything else. */
function loadsOrRefusesCleanly(files: RecordFiles): void {
  try {
    const r = loadRecord(files);
    expect(r.leadsMv).toHaveLength(12);
    for (const lead of r.leadsMv) expect(lead.every(Number.isFinite)).toBe(true);
  } catch (e) {
    if (!(e instanceof EcgError)) throw e;
    expect(e.message.length).toBeGreaterThan(10);
  }
}

const base = fixtureFiles('ptbxl/00001_lr.hea', 'ptbxl/00001_lr.dat');
const headerText = new TextDecoder().decode(base.get('00001_lr.hea'));
const dat = base.get('00001_lr.dat')!;
const withHeader = (text: string, data = dat): RecordFiles =>
  new Map([
    ['00001_lr.hea', new TextEncoder().encode(text)],
    ['00001_lr.dat', data],
  ]);

describe('property: mutated records never crash the reader', () => {
  it('header fields replaced by arbitrary tokens', () => {
    const tokens = headerText.split(/(\s+)/);
    fc.assert(
      fc.property(
        fc.nat({ max: tokens.length - 1 }),
        fc.oneof(
          fc.string(),
          fc.constantFrom('0', '-1', '1e400', 'NaN', '212', '8x3', '16+999999', '1000(0)/uV', '99999999999'),
        ),
        (k, tok) => {
          const t = tokens.slice();
          t[k] = tok;
          loadsOrRefusesCleanly(withHeader(t.join('')));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('data truncated, extended or overwritten at random', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: dat.length }),
        fc.uint8Array({ maxLength: 64 }),
        fc.nat({ max: dat.length }),
        (cut, patch, at) => {
          const d = dat.slice(0, cut);
          d.set(patch.subarray(0, Math.max(0, d.length - at)), Math.min(at, d.length));
          loadsOrRefusesCleanly(withHeader(headerText, d));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('random bytes as header, CSV or MAT', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('r.hea', 'r.csv', 'r.mat'), (bytes, name) => {
        const files: RecordFiles = new Map([[name, bytes]]);
        if (name === 'r.mat')
          files.set('r.hea', new TextEncoder().encode('r 12 500\n' + 'r.mat 16+24 1000/mV 16 0 0 0 0 I\n'.repeat(12)));
        loadsOrRefusesCleanly(files);
      }),
      { numRuns: 300 },
    );
  });

  it('random text CSV with a valid header row', () => {
    const header = 'I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6\n';
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.double(), fc.constantFrom('', 'NaN', 'x', '1e999')), { minLength: 11, maxLength: 13 }),
          { maxLength: 30 },
        ),
        (rows) => {
          loadsOrRefusesCleanly(
            new Map([['r.csv', new TextEncoder().encode(header + rows.map((r) => r.join(',')).join('\n'))]]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
