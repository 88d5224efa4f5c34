import { beforeAll, describe, expect, it } from 'vitest';
import { loadRecord } from '../load';
import { loadLib } from './libs';

/**
 * A DICOM 12-lead waveform written here byte by byte (explicit VR little endian), so the reader's arithmetic is
 * checked by hand without the datasets: raw × sensitivity × correction + baseline, SCPECG lead codes, the
 * rhythm group chosen by its label even when a median group comes first, the device's statements kept.
 */

const enc = new TextEncoder();
const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT']);

function el(group: number, element: number, vr: string, value: Uint8Array): Uint8Array {
  const v = value.length % 2 ? concat([value, Uint8Array.of(vr === 'UI' || vr === 'OB' ? 0 : 0x20)]) : value;
  const long = LONG_VRS.has(vr);
  const head = new Uint8Array(long ? 12 : 8);
  const dv = new DataView(head.buffer);
  dv.setUint16(0, group, true);
  dv.setUint16(2, element, true);
  head[4] = vr.charCodeAt(0);
  head[5] = vr.charCodeAt(1);
  if (long) dv.setUint32(8, v.length, true);
  else dv.setUint16(6, v.length, true);
  return concat([head, v]);
}
const str = (g: number, e: number, vr: string, s: string) => el(g, e, vr, enc.encode(s));
const u16 = (g: number, e: number, n: number) => el(g, e, 'US', Uint8Array.from([n & 0xff, n >> 8]));
const u32 = (g: number, e: number, n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return el(g, e, 'UL', b);
};
function seq(g: number, e: number, items: Uint8Array[][]): Uint8Array {
  const body = items.map((parts) => {
    const content = concat(parts);
    const head = new Uint8Array(8);
    const dv = new DataView(head.buffer);
    dv.setUint16(0, 0xfffe, true);
    dv.setUint16(2, 0xe000, true);
    dv.setUint32(4, content.length, true);
    return concat([head, content]);
  });
  return el(g, e, 'SQ', concat(body));
}
function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const SCP_CODES = [1, 2, 61, 62, 63, 64, 3, 4, 5, 6, 7, 8]; // I II III aVR aVL aVF V1–V6
const N = 1000;
const raw = (n: number, c: number) => Math.round((400 * Math.sin((2 * Math.PI * n) / 200) * (c + 1)) / 12);

function group(label: string, samples: number, fs: number, channelCodes: number[]): Uint8Array[] {
  const data = new Uint8Array(2 * samples * channelCodes.length);
  const dv = new DataView(data.buffer);
  for (let n = 0; n < samples; n++)
    channelCodes.forEach((_, c) => dv.setInt16(2 * (n * channelCodes.length + c), raw(n, c), true));
  const channels = channelCodes.map((code) => [
    seq(0x003a, 0x0208, [
      [
        str(0x0008, 0x0100, 'SH', `5.6.3-9-${code}`),
        str(0x0008, 0x0102, 'SH', 'SCPECG'),
        str(0x0008, 0x0104, 'LO', `Lead ${code}`),
      ],
    ]),
    str(0x003a, 0x0210, 'DS', '2.5'),
    seq(0x003a, 0x0211, [[str(0x0008, 0x0100, 'SH', 'uV')]]),
    str(0x003a, 0x0212, 'DS', '0.8'),
    str(0x003a, 0x0213, 'DS', '10'),
  ]);
  return [
    u16(0x003a, 0x0005, channelCodes.length),
    u32(0x003a, 0x0010, samples),
    str(0x003a, 0x001a, 'DS', String(fs)),
    str(0x003a, 0x0020, 'SH', label),
    seq(0x003a, 0x0200, channels),
    u16(0x5400, 0x1004, 16),
    str(0x5400, 0x1006, 'CS', 'SS'),
    el(0x5400, 0x1010, 'OW', data),
  ];
}

function dicomFile(groups: Uint8Array[][], syntax = '1.2.840.10008.1.2.1'): Uint8Array {
  const meta = concat([str(0x0002, 0x0001, 'OB', '\0\x01'), str(0x0002, 0x0010, 'UI', syntax)]);
  const groupLength = el(0x0002, 0x0000, 'UL', Uint8Array.from([meta.length & 0xff, (meta.length >> 8) & 0xff, 0, 0]));
  const dataset = concat([
    str(0x0008, 0x002a, 'DT', '20240229134501'),
    str(0x0008, 0x0070, 'LO', 'ACME Cardio'),
    str(0x0010, 0x0010, 'PN', 'Doe^Jane'),
    str(0x0010, 0x0020, 'LO', 'PID-777'),
    seq(0x0040, 0xb020, [[str(0x0070, 0x0006, 'ST', 'SINUS RHYTHM')]]),
    seq(0x5400, 0x0100, groups),
  ]);
  return concat([new Uint8Array(128), enc.encode('DICM'), groupLength, meta, dataset]);
}

beforeAll(() => loadLib('dicom'));

describe('DICOM waveform (hand-written bytes)', () => {
  it('value = raw × 2.5 µV × 0.8 + 10 µV, leads by SCPECG code, the labelled rhythm group, the device statement', () => {
    const bytes = dicomFile([group('MEDIAN BEAT', 300, 500, SCP_CODES), group('RHYTHM', N, 500, SCP_CODES)]);
    const r = loadRecord(new Map([['t.dcm', bytes]]));
    expect(r).toMatchObject({ format: 'dicom', fsHz: 500, nSamples: N, derivedLeads: [] });
    for (const [lead, c] of [
      [0, 0],
      [2, 2],
      [3, 3],
      [6, 6],
      [11, 11],
    ]) {
      expect(r.leadsMv[lead][37]).toBeCloseTo((raw(37, c) * 2.5 * 0.8 + 10) / 1000, 6);
    }
    expect(r.extraSeries?.[0]).toMatchObject({ label: 'MEDIAN BEAT', fsHz: 500 });
    expect(r.extraSeries?.[0].channels[0].samples).toHaveLength(300);
    expect(r.device).toEqual({
      device: 'ACME Cardio',
      acquired: '2024-02-29T13:45:01',
      statements: ['SINUS RHYTHM'],
      measurements: [],
    });
    expect(JSON.stringify(r)).not.toMatch(/Doe|Jane|PID-777/);
  });

  it('8 stored leads (I, II, V1–V6): the 4 limb leads are computed and the record says so', () => {
    const r = loadRecord(new Map([['t.dcm', dicomFile([group('RHYTHM', N, 250, [1, 2, 3, 4, 5, 6, 7, 8])])]]));
    expect(r.fsHz).toBe(250);
    expect(r.derivedLeads).toEqual(['III', 'aVR', 'aVL', 'aVF']);
  });

  it('an unsupported transfer syntax and missing waveforms are named', () => {
    expect(() =>
      loadRecord(new Map([['t.dcm', dicomFile([group('RHYTHM', N, 500, SCP_CODES)], '1.2.840.10008.1.2.2')]])),
    ).toThrow(/transfer syntax 1\.2\.840\.10008\.1\.2\.2 is not supported/);
    expect(() => loadRecord(new Map([['t.dcm', dicomFile([])]]))).toThrow(/holds no waveform/);
    expect(() => loadRecord(new Map([['t.dcm', dicomFile([group('RHYTHM', N, 500, SCP_CODES.slice(0, 5))])]]))).toThrow(
      /missing leads V1, V2, V3, V4, V5, V6/,
    );
  });
});
