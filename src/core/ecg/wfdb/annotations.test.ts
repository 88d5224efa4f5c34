import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EcgError } from '../../errors';
import { annotationSymbol, readWfdbAnnotations, type WfdbAnnotation } from './annotations';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../__fixtures__/ludb/${name}`, import.meta.url)));

/** Little-endian 16-bit words to bytes, for hand-built files. */
const words = (...ws: number[]) => new Uint8Array(ws.flatMap((w) => [w & 0xff, w >> 8]));
/** One annotation/pseudo-annotation word: code in the top 6 bits, data in the low 10. */
const w = (code: number, data = 0) => (code << 10) | data;
const [SKIP, NUM, SUB, CHN, AUX] = [59, 60, 61, 62, 63];

const brief = (a: WfdbAnnotation[]) => a.map((x) => `${x.symbol}${x.sample}`).join(' ');

function expectBad(bytes: Uint8Array, pattern: RegExp) {
  let caught: unknown;
  try {
    readWfdbAnnotations(bytes, 'x.atr');
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(EcgError);
  expect((caught as EcgError).code).toBe('bad-annotation');
  expect((caught as EcgError).file).toBe('x.atr');
  expect((caught as EcgError).message).toMatch(/^x\.atr: /);
  expect((caught as EcgError).message).toMatch(pattern);
}

describe('readWfdbAnnotations on real LUDB files', () => {
  it('decodes record 1, lead I as hand-decoded from its bytes', () => {
    // `xxd 1.i` starts: 819e 1704 1aa0 539c 436c 2fa0 6d9d 1e60 13a0 ...
    // Byte pair 81 9e is the little-endian word 0x9e81 = 0b100111_1010000001:
    // code 0x9e81 >> 10 = 39 '(' and increment 0x9e81 & 0x3ff = 0x281 = 641, so '(' at 641.
    // 0x0417: code 1 'N', +23 -> 664.   0xa01a: code 40 ')', +26 -> 690.
    // 0x9c53: '(' +83 -> 773.   0x6c43: code 27 't', +67 -> 840.   0xa02f: ')' +47 -> 887.
    // 0x9d6d: '(' +365 -> 1252. 0x601e: code 24 'p', +30 -> 1282.  0xa013: ')' +19 -> 1301.
    // The file is 98 bytes = 49 words; the last is 0x0000 (end), so 48 annotations. The three
    // before it, 0x9c10 0x0412 0xa019, are '(' +16, 'N' +18, ')' +25, ending at ')' 3996.
    const a = readWfdbAnnotations(fixture('1.i'), '1.i');
    expect(a).toHaveLength(48);
    expect(brief(a.slice(0, 9))).toBe('(641 N664 )690 (773 t840 )887 (1252 p1282 )1301');
    expect(brief(a.slice(-3))).toBe('(3953 N3971 )3996');
    expect(a.map((x) => x.code).slice(0, 9)).toEqual([39, 1, 40, 39, 27, 40, 39, 24, 40]);
    expect(a.every((x) => x.subtype === 0 && x.chan === 0 && x.num === 0 && x.aux === undefined)).toBe(true);
  });

  it('decodes the SKIP that starts record 25, lead I', () => {
    // `xxd 25.i` starts: 00ec 0000 0a04 009c 1904 24a0.
    // 0xec00 >> 10 = 59 = SKIP. The interval follows high word first: 0x0000, then 0x040a,
    // so 0x0000040a = 1034 (too long for the 10-bit increment, hence the SKIP).
    // 0x9c00: '(' +0 -> 1034.  0x0419: 'N' +25 -> 1059.  0xa024: ')' +36 -> 1095.
    const a = readWfdbAnnotations(fixture('25.i'), '25.i');
    expect(brief(a.slice(0, 3))).toBe('(1034 N1059 )1095');
    // 122 bytes = 61 words: 3 for the SKIP, 1 end word, 57 annotations.
    expect(a).toHaveLength(57);
  });
});

describe('readWfdbAnnotations on hand-built files', () => {
  it('applies SKIP (signed, high word first), NUM, SUB, CHN and AUX like getann', () => {
    const bytes = words(
      w(SKIP),
      0x0001,
      0x0002, // +0x00010002 = 65538
      w(1, 5), // N at 65543
      w(SUB, 0xff), // subtype -1 (signed char)
      w(CHN, 3),
      w(NUM, 7),
      w(AUX, 3),
      0x4241,
      0x0043, // "ABC" + one pad byte
      w(39, 10), // '(' at 65553: subtype and aux reset, chan and num carried over
      w(SKIP),
      0xffff,
      0xfffb, // -5
      w(40, 2), // ')' at 65550
      w(AUX, 2),
      0x0041, // "A\0": trailing NUL dropped
      0x0000,
      0x1234, // after the end word: ignored
    );
    expect(readWfdbAnnotations(bytes, 'x.atr')).toEqual([
      { sample: 65543, code: 1, symbol: 'N', subtype: -1, chan: 3, num: 7, aux: 'ABC' },
      { sample: 65553, code: 39, symbol: '(', subtype: 0, chan: 3, num: 7 },
      { sample: 65550, code: 40, symbol: ')', subtype: 0, chan: 3, num: 7, aux: 'A' },
    ]);
  });

  it('keeps code-0 (NOTQRS) annotations that putann writes after a SKIP', () => {
    expect(readWfdbAnnotations(words(w(SKIP), 0, 99, w(0, 1), 0), 'x.atr')).toEqual([
      { sample: 100, code: 0, symbol: ' ', subtype: 0, chan: 0, num: 0 },
    ]);
  });

  it('reads a file holding only the end word as no annotations', () => {
    expect(readWfdbAnnotations(words(0), 'x.atr')).toEqual([]);
  });

  it('names symbols as ecgstr() does', () => {
    expect([1, 24, 27, 28, 29, 39, 40, 5, 12, 22].map(annotationSymbol)).toEqual([
      'N',
      'p',
      't',
      '+',
      'u',
      '(',
      ')',
      'V',
      '/',
      '"',
    ]);
    expect(annotationSymbol(42)).toBe('[42]');
  });

  it('rejects broken files with a clear bad-annotation error', () => {
    expectBad(new Uint8Array(0), /empty/);
    expectBad(new Uint8Array([0x81, 0x9e, 0x00]), /odd length/);
    expectBad(words(w(1, 5)), /without the end-of-file word/);
    expectBad(words(w(1, 5), w(SKIP), 0), /SKIP at byte 2 .*truncated/);
    expectBad(words(w(1, 5), w(AUX, 7), 0x4141), /AUX at byte 2 announces 7 bytes/);
    expectBad(words(w(52, 5), 0), /code 52 at byte 0/);
    expectBad(words(w(NUM, 1), w(1, 5), 0), /NUM field at byte 0 comes before any annotation/);
    expectBad(words(w(SKIP), 0xffff, 0xfff0, w(1, 5), 0), /sample -11/);
  });
});

describe('readWfdbAnnotations under random input', () => {
  // Either a sane list or an EcgError: never another exception, a hang, or NaN samples.
  function parsesOrThrowsEcgError(bytes: Uint8Array) {
    let a: WfdbAnnotation[];
    try {
      a = readWfdbAnnotations(bytes, 'fuzz.atr');
    } catch (e) {
      if (!(e instanceof EcgError) || e.code !== 'bad-annotation') throw e;
      return;
    }
    expect(a.length).toBeLessThanOrEqual(bytes.length / 2);
    for (const x of a) {
      expect(Number.isSafeInteger(x.sample) && x.sample >= 0).toBe(true);
      expect(x.code >= 0 && x.code <= 49 && x.symbol.length > 0).toBe(true);
      expect(Number.isInteger(x.subtype) && Number.isInteger(x.chan) && Number.isInteger(x.num)).toBe(true);
    }
  }
  const real = fixture('25.i');

  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), parsesOrThrowsEcgError), { numRuns: 2000 });
  });

  it('random words built from the codes that matter', () => {
    const word = fc.oneof(
      fc.constantFrom(0, w(SKIP), w(NUM, 1), w(SUB, 0x80), w(CHN, 2), w(AUX, 1), w(AUX, 255), w(39, 3), w(1, 1023)),
      fc.integer({ min: 0, max: 0xffff }),
    );
    // Half of the cases get the end word, so that many of them parse rather than all throwing.
    const file = fc.tuple(fc.array(word, { maxLength: 300 }), fc.boolean()).map(([ws, end]) => (end ? [...ws, 0] : ws));
    fc.assert(
      fc.property(file, (ws) => parsesOrThrowsEcgError(words(...ws))),
      { numRuns: 2000 },
    );
  });

  it('mutations and truncations of a real file', () => {
    const mutation = fc.record({
      // Half untruncated: byte edits alone still often leave a parsable file.
      cuts: fc.oneof(fc.constant(real.length), fc.integer({ min: 0, max: real.length })),
      edits: fc.array(fc.tuple(fc.nat({ max: real.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(mutation, ({ cuts, edits }) => {
        const b = real.slice(0, cuts);
        for (const [at, v] of edits) if (at < b.length) b[at] = v;
        parsesOrThrowsEcgError(b);
      }),
      { numRuns: 3000 },
    );
  });

  it('every truncation of a real file at a word boundary is reported as truncated', () => {
    // No proper prefix keeps the final 0x0000, and the parser must notice.
    for (let n = 2; n < real.length; n += 2)
      expect(() => readWfdbAnnotations(real.slice(0, n), '25.i')).toThrow(EcgError);
  });
});
