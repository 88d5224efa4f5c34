import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../../test-support/data';
import { EcgError, type EcgErrorCode } from '../../errors';
import { loadRecord, prepareReaders } from '../load';
import { crcCcitt } from './scp/sections';

const root = sharedDataDir('mutation tests of the clinical-format readers (real samples in formats/)');
const read = (rel: string) => new Uint8Array(readFileSync(join(root!, 'formats', rel)));

/** Loading either succeeds with 12 finite leads or throws an EcgError with a message; anything else fails. */
function loadsOrRefuses(name: string, bytes: Uint8Array): EcgErrorCode | 'ok' {
  try {
    const r = loadRecord(new Map([[name, bytes]]));
    expect(r.leadsMv).toHaveLength(12);
    for (const x of r.leadsMv) expect(x.every(Number.isFinite)).toBe(true);
    return 'ok';
  } catch (e) {
    if (!(e instanceof EcgError))
      throw new Error(`${name}: not an EcgError: ${e instanceof Error ? e.stack : String(e)}`, { cause: e });
    expect(e.message).toContain(name);
    return e.code;
  }
}

const codeOf = (name: string, bytes: Uint8Array) => loadsOrRefuses(name, bytes);
const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const fromLatin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Re-seal an SCP-ECG after editing bytes inside section `at` (length `len`): its CRC and the record's. */
function resealScp(b: Uint8Array, at: number, len: number): Uint8Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  dv.setUint16(at, crcCcitt(b.subarray(at + 2, at + len)), true);
  dv.setUint16(0, crcCcitt(b.subarray(2, dv.getUint32(2, true))), true);
  return b;
}

describe.skipIf(!root)(
  'mutated clinical files end in a clear EcgError or a valid record, never a crash or a hang',
  () => {
    const files = [
      'dicom/waveform_ecg.dcm',
      'dicom/ecgtoolkit_Example.dcm',
      'scp-ecg/ecgtoolkit_Example.scp',
      'hl7-aecg/HL7_Example_aECG.xml',
      'ge-muse/braveheart_example1.xml',
      'philips/sierra_1-04_3191723_ZZDEMOPTONLY.xml',
    ];
    const bytes = new Map<string, Uint8Array>();
    beforeAll(async () => {
      for (const f of files) bytes.set(f, read(f));
      for (const f of files) await prepareReaders(new Map([[f.split('/').pop()!, bytes.get(f)!]]));
    });

    it('truncated anywhere', () => {
      for (const f of files) {
        const b = bytes.get(f)!;
        const name = f.split('/').pop()!;
        fc.assert(
          fc.property(fc.integer({ min: 1, max: b.length - 1 }), (cut) => {
            loadsOrRefuses(name, b.slice(0, cut));
          }),
          { numRuns: 8, seed: 18 },
        );
      }
    });

    it('bytes overwritten at random', () => {
      for (const f of files) {
        const b = bytes.get(f)!;
        const name = f.split('/').pop()!;
        fc.assert(
          fc.property(
            fc.integer({ min: 0, max: b.length - 1 }),
            fc.uint8Array({ minLength: 1, maxLength: 16 }),
            (at, patch) => {
              const m = b.slice();
              m.set(patch.subarray(0, m.length - at), at);
              loadsOrRefuses(name, m);
            },
          ),
          { numRuns: 8, seed: 18 },
        );
      }
    });

    it('SCP-ECG: damaged Huffman data with valid CRCs → bad-compression (or a valid record)', () => {
      const b = bytes.get('scp-ecg/ecgtoolkit_Example.scp')!;
      // Section 6 per the file's section 0 table: id 6 at byte 0x52 (length 0x7584, index 0x0eeb).
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      const at = 0x0eeb - 1;
      const len = dv.getUint32(at + 4, true);
      expect(dv.getUint16(at + 2, true)).toBe(6);
      const codes = new Set<string>();
      fc.assert(
        fc.property(
          fc.integer({ min: 16 + 6 + 24, max: len - 1 }),
          fc.uint8Array({ minLength: 1, maxLength: 8 }),
          (k, patch) => {
            const m = b.slice();
            m.set(patch.subarray(0, len - k), at + k);
            codes.add(loadsOrRefuses('x.scp', resealScp(m, at, len)));
          },
        ),
        { numRuns: 40, seed: 18 },
      );
      expect([...codes].filter((c) => c !== 'ok' && c !== 'bad-compression' && c !== 'implausible-amplitude')).toEqual(
        [],
      );
      // A lead's byte count made too small: the decoder runs out of bits.
      const m = b.slice();
      new DataView(m.buffer).setUint16(at + 16 + 6, 100, true);
      expect(codeOf('x.scp', resealScp(m, at, len))).toBe('bad-compression');
    });

    it('SCP-ECG: reference-beat subtraction and bimodal compression are refused by name', () => {
      const b = bytes.get('scp-ecg/ecgtoolkit_Example.scp')!;
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      const s3 = 0x0149 - 1;
      const s6 = 0x0eeb - 1;
      const withRef = b.slice();
      withRef[s3 + 16 + 1] |= 1;
      expect(() => loadRecord(new Map([['x.scp', resealScp(withRef, s3, dv.getUint32(s3 + 4, true))]]))).toThrow(
        /reference-beat subtraction/,
      );
      const bimodal = b.slice();
      bimodal[s6 + 16 + 5] = 1;
      expect(() => loadRecord(new Map([['x.scp', resealScp(bimodal, s6, dv.getUint32(s6 + 4, true))]]))).toThrow(
        /bimodal compression/,
      );
      const damaged = b.slice();
      damaged[s6 + 100] ^= 0xff; // without resealing: the CRC catches it
      expect(() => loadRecord(new Map([['x.scp', damaged]]))).toThrow(/CRC/);
    });

    it('XML: bad base64, wrong counts, bad digits, bad LZW', () => {
      const muse = latin1(bytes.get('ge-muse/braveheart_example1.xml')!);
      const firstData = muse.indexOf('<WaveFormData>') + '<WaveFormData>'.length + 10;
      expect(codeOf('m.xml', fromLatin1(muse.slice(0, firstData) + '*' + muse.slice(firstData + 1)))).toBe(
        'bad-compression',
      );
      expect(() =>
        loadRecord(new Map([['m.xml', fromLatin1(muse.slice(0, firstData) + '*' + muse.slice(firstData + 1))]])),
      ).toThrow(/invalid base64/);
      expect(
        codeOf('m.xml', fromLatin1(muse.replace(/<LeadSampleCountTotal>5000</, '<LeadSampleCountTotal>9000<'))),
      ).toBe('truncated-data');
      expect(
        codeOf('m.xml', fromLatin1(muse.replace(/<LeadSampleCountTotal>5000</, '<LeadSampleCountTotal>4000<'))),
      ).toBe('header-data-mismatch');
      expect(codeOf('m.xml', fromLatin1(muse.replace('</RestingECG>', '')))).toBe('bad-xml');

      const aecg = latin1(bytes.get('hl7-aecg/HL7_Example_aECG.xml')!);
      expect(codeOf('a.xml', fromLatin1(aecg.replace('<digits> -2 -2 -2', '<digits> -2 x -2')))).toBe('bad-xml');
      expect(codeOf('a.xml', fromLatin1(aecg.replace('<digits> -2 -2 -2', '<digits> -2')))).toBe(
        'header-data-mismatch',
      );
      expect(
        codeOf(
          'a.xml',
          fromLatin1(aecg.replace('<increment value="0.002" unit="s"/>', '<increment value="0" unit="s"/>')),
        ),
      ).toBe('bad-xml');

      const philips = new TextDecoder('utf-16le').decode(
        bytes.get('philips/sierra_1-04_3191723_ZZDEMOPTONLY.xml')!.subarray(2),
      );
      const asUtf8 = (s: string) => new TextEncoder().encode(s.replace('encoding="UTF-16"', 'encoding="UTF-8"'));
      const start = philips.indexOf('>', philips.indexOf('<parsedwaveforms')) + 1;
      const end = philips.indexOf('</parsedwaveforms>');
      const b64 = philips.slice(start, end).replace(/\s+/g, '');
      expect(codeOf('p.xml', asUtf8(philips))).toBe('ok');
      expect(codeOf('p.xml', asUtf8(philips.slice(0, start) + b64.slice(0, 4000) + philips.slice(end)))).toBe(
        'truncated-data',
      );
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const seen = new Set<string>();
      fc.assert(
        fc.property(
          fc.integer({ min: 8, max: raw.length - 1 }),
          fc.uint8Array({ minLength: 1, maxLength: 4 }),
          (k, patch) => {
            const m = raw.slice();
            m.set(patch.subarray(0, m.length - k), k);
            const text = philips.slice(0, start) + btoa(String.fromCharCode(...m)) + philips.slice(end);
            seen.add(loadsOrRefuses('p.xml', asUtf8(text)));
          },
        ),
        { numRuns: 15, seed: 18 },
      );
      expect(
        [...seen].every((c) =>
          ['ok', 'bad-compression', 'truncated-data', 'implausible-amplitude', 'non-finite-values'].includes(c),
        ),
      ).toBe(true);
    });

    it('DICOM: a waveform group announcing more samples than stored → truncated-data', () => {
      const b = bytes.get('dicom/waveform_ecg.dcm')!.slice();
      // NumberOfWaveformSamples (003A,0010) UL 10000 of the rhythm group: explicit VR "UL", 4-byte value.
      const tag = [0x3a, 0x00, 0x10, 0x00, 0x55, 0x4c, 0x04, 0x00];
      let at = -1;
      for (let i = 0; i < b.length - 12 && at < 0; i++) if (tag.every((v, k) => b[i + k] === v)) at = i + 8;
      expect(new DataView(b.buffer).getUint32(at, true)).toBe(10000);
      new DataView(b.buffer).setUint32(at, 20000, true);
      expect(codeOf('w.dcm', b)).toBe('truncated-data');
    });

    it('not-ECG files are named as such', () => {
      expect(codeOf('x.xml', new TextEncoder().encode('<?xml version="1.0"?><html><body/></html>'))).toBe(
        'unknown-format',
      );
      expect(codeOf('x.dcm', new Uint8Array(200))).toBe('bad-dicom');
      expect(codeOf('x.scp', new Uint8Array(200))).toBe('bad-scp');
    });
  },
);
