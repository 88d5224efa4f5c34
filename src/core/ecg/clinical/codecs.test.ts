import { describe, expect, it } from 'vitest';
import { EcgError } from '../../errors';
import { decodeBase64 } from './base64';
import { decodeXli } from './philips/xli';
import { lzwDecode } from './philips/lzw';
import { DEFAULT_TABLE, huffmanDecode } from './scp/huffman';

const where = { file: 'f', field: 'x' };

/** Bits "1010 …" → bytes, MSB first, zero-padded. */
function bitsToBytes(bits: string): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i] === '1') out[i >> 3] |= 0x80 >> (i & 7);
  return out;
}

/** A plain LZW encoder (10-bit MSB-first codes, dictionary to 1022, 1023 = end) to give the decoder known input. */
function lzwEncode(data: Uint8Array): Uint8Array {
  const dict = new Map<string, number>();
  for (let i = 0; i < 256; i++) dict.set(String.fromCharCode(i), i);
  let next = 256;
  const codes: number[] = [];
  let w = '';
  for (const b of data) {
    const wc = w + String.fromCharCode(b);
    if (dict.has(wc)) w = wc;
    else {
      codes.push(dict.get(w)!);
      if (next <= 1022) dict.set(wc, next++);
      w = String.fromCharCode(b);
    }
  }
  if (w) codes.push(dict.get(w)!);
  codes.push(1023);
  return bitsToBytes(codes.map((c) => c.toString(2).padStart(10, '0')).join(''));
}

describe('SCP-ECG default Huffman table', () => {
  it('decodes hand-written bits: 0, ±1, ±8 and both escapes', () => {
    const bits =
      '0' + '100' + '101' + '1111111100' + '1111111101' + '1111111110' + '10000000' + '1111111111' + '0111111111111111';
    expect(Array.from(huffmanDecode(bitsToBytes(bits), 7, [DEFAULT_TABLE], where))).toEqual([
      0, 1, -1, 8, -8, -128, 32767,
    ]);
  });

  it('damaged streams end in bad-compression, naming the field', () => {
    // '100' '100' then the byte's two padding zeros (two more 0 samples): 4 of 5.
    expect(() => huffmanDecode(bitsToBytes('100100'), 5, [DEFAULT_TABLE], where)).toThrow(
      /ran out of bits after 4 of 5/,
    );
    expect(() => huffmanDecode(bitsToBytes('1111111111' + '0101'), 1, [DEFAULT_TABLE], where)).toThrow(EcgError);
    const oneCode = [[{ prefix: '00', totalBits: 2, mode: 1, value: 3 }]];
    expect(() => huffmanDecode(bitsToBytes('01'), 1, oneCode, where)).toThrow(/no Huffman code matches the bits 01/);
  });
});

describe('Philips XLI', () => {
  it('LZW: round trip of repetitive bytes through a reference encoder, stops at the end code', () => {
    const data = Uint8Array.from({ length: 3000 }, (_, i) => (i % 7) * 3 + (i % 50 === 0 ? 1 : 0));
    const enc = lzwEncode(data);
    expect(Array.from(lzwDecode(enc, 10_000))).toEqual(Array.from(data));
    expect(lzwDecode(enc, 100)).toHaveLength(100); // capped: damaged input cannot grow without bound
    expect(() => lzwDecode(bitsToBytes('0000000001' + '1111111000'), 100)).toThrow(
      /LZW code 1016 before it was defined/,
    );
  });

  it('chunk → high/low byte halves → second-order deltas with the header start value', () => {
    // Encoder side of the facts in formats/README.md, for the signal x = 0, 10, 20, 25, 25, 20.
    const x = [0, 10, 20, 25, 25, 20];
    // Deltas as the decoder consumes them: out[0..1] verbatim; for n ≥ 2, the value at n−1 of (d − 64) gives the
    // correction c[n] = 2x[n−1] − x[n−2] − x[n]; c[2] comes from the header's start value.
    const c = x.map((_, n) => (n < 2 ? 0 : 2 * x[n - 1] - x[n - 2] - x[n]));
    const codes = [x[0], x[1], ...x.slice(2).map((_, k) => (k + 3 < x.length ? c[k + 3] + 64 : 64))];
    const n = codes.length;
    const packed = new Uint8Array(2 * n + 3);
    codes.forEach((v, i) => {
      packed[i] = (v >> 8) & 0xff;
      packed[n + i] = v & 0xff;
    });
    const lzw = lzwEncode(packed);
    const chunk = new Uint8Array(8 + lzw.length);
    const dv = new DataView(chunk.buffer);
    dv.setUint32(0, lzw.length, true);
    dv.setUint16(4, 1, true);
    dv.setInt16(6, c[2], true);
    chunk.set(lzw, 8);
    expect(Array.from(decodeXli(chunk, 1, n, 'p.xml')[0])).toEqual(x);
    expect(() => decodeXli(chunk, 2, n, 'p.xml')).toThrow(/end before lead 2 of 2/);
    expect(() => decodeXli(chunk, 1, n + 10, 'p.xml')).toThrow(/LZW data give/);
  });
});

describe('base64', () => {
  it('decodes with padding and whitespace; refuses stray characters and bad lengths', () => {
    expect(new TextDecoder().decode(decodeBase64('aGVs\nbG8=', where))).toBe('hello');
    expect(new TextDecoder().decode(decodeBase64('aGk=', where))).toBe('hi');
    expect(() => decodeBase64('aGVs*G8=', where)).toThrow(/character "\*"/);
    expect(() => decodeBase64('aGVsbG8', where)).toThrow(/multiple of 4/);
    expect(() => decodeBase64('aG=s', where)).toThrow(EcgError);
  });
});
