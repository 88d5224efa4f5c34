import { describe, expect, it } from 'vitest';
import { decodeWfdbFile, wfdbChecksum } from './decode';
import type { WfdbSignalSpec } from './header';

const spec = (format: number, extra: Partial<WfdbSignalSpec> = {}): WfdbSignalSpec => ({
  fileName: 'r.dat',
  format,
  samplesPerFrame: 1,
  skew: 0,
  byteOffset: 0,
  adcGain: 200,
  baseline: 0,
  units: 'mV',
  adcResolution: 12,
  adcZero: 0,
  initialValue: 0,
  checksum: null,
  description: '',
  ...extra,
});
const bytes = (...b: number[]) => new Uint8Array(b);
const values = (d: Float64Array) => Array.from(d);

describe('decodeWfdbFile', () => {
  it('format 212: two 12-bit samples in three bytes (hand-worked)', () => {
    // 0x123 and 0x456: low bytes 0x23, 0x56; high nibbles 0x1 (low half) and 0x4 (high half) → 0x41.
    // -1 (0xFFF) and -2048 (invalid, 0x800): 0xFF, 0x8F, 0x00.
    const d = decodeWfdbFile(bytes(0x23, 0x41, 0x56, 0xff, 0x8f, 0x00), [spec(212), spec(212)], 2, 'r.dat');
    expect(values(d.digital[0])).toEqual([0x123, -1]);
    expect(values(d.digital[1])).toEqual([0x456, NaN]);
  });

  it('format 16: little-endian int16, frames interleaved, -32768 is invalid', () => {
    const d = decodeWfdbFile(
      bytes(0x01, 0x00, 0xff, 0xff, 0x00, 0x80, 0x34, 0x12),
      [spec(16), spec(16)],
      null,
      'r.dat',
    );
    expect(d.nFrames).toBe(2);
    expect(values(d.digital[0])).toEqual([1, NaN]);
    expect(values(d.digital[1])).toEqual([-1, 0x1234]);
  });

  it('format 16 with a byte offset (the Challenge .mat header trick)', () => {
    const d = decodeWfdbFile(bytes(9, 9, 9, 0x05, 0x00), [spec(16, { byteOffset: 3 })], 1, 'r.dat');
    expect(values(d.digital[0])).toEqual([5]);
  });

  it('formats 80, 24, 32, 61, 160', () => {
    expect(values(decodeWfdbFile(bytes(128, 0, 255), [spec(80)], null, 'r').digital[0])).toEqual([0, NaN, 127]);
    expect(values(decodeWfdbFile(bytes(0xfe, 0xff, 0xff, 0x01, 0, 0), [spec(24)], null, 'r').digital[0])).toEqual([
      -2, 1,
    ]);
    expect(values(decodeWfdbFile(bytes(0xff, 0xff, 0xff, 0xff), [spec(32)], null, 'r').digital[0])).toEqual([-1]);
    expect(values(decodeWfdbFile(bytes(0x12, 0x34), [spec(61)], null, 'r').digital[0])).toEqual([0x1234]);
    expect(values(decodeWfdbFile(bytes(0x00, 0x80, 0x01, 0x80), [spec(160)], null, 'r').digital[0])).toEqual([0, 1]);
  });

  it('format 8: first differences from the initial value', () => {
    expect(values(decodeWfdbFile(bytes(1, 2, 0xff), [spec(8, { initialValue: 10 })], null, 'r').digital[0])).toEqual([
      11, 13, 12,
    ]);
  });

  it('says how many bytes a truncated file lacks', () => {
    expect(() => decodeWfdbFile(new Uint8Array(46), [spec(16), spec(16)], 12, 'r.dat')).toThrow(
      'header says 12 samples per signal (48 bytes), the file has 46 bytes: enough for 11',
    );
  });

  it('refuses unsupported formats by number', () => {
    expect(() => decodeWfdbFile(bytes(0, 0), [spec(311)], null, 'r.dat')).toThrow(
      'storage format 311 is not supported',
    );
    expect(() => decodeWfdbFile(bytes(0, 0), [spec(16, { samplesPerFrame: 2 })], null, 'r.dat')).toThrow(
      'samples per frame',
    );
  });

  it('checksum is the 16-bit sum', () => {
    expect(wfdbChecksum(new Float64Array([30000, 30000]))).toBe(60000 - 65536);
  });
});
