import { EcgError } from '../../errors';

/**
 * Reader for WFDB binary annotation files ("MIT format"), as written by
 * PhysioNet's wfdb library (lib/annot.c: putann) and read by getann / wfdb-python's rdann.
 *
 * The file is a stream of 16-bit little-endian words. In each word the top 6 bits are a
 * code and the low 10 bits are data. Codes 0..49 are annotations whose data is the time
 * increment from the previous annotation; codes 59..63 are pseudo-annotations that modify
 * the clock or the annotation just read; the word 0 ends the file.
 */
export interface WfdbAnnotation {
  /** Absolute sample number (in the annotation file's time base, normally the record's). */
  sample: number;
  /** Annotation type code (ecgcodes.h), 0..49. */
  code: number;
  /** Mnemonic for `code` from annot.c's table, e.g. 'N', '(', ')', 'p', 't'. */
  symbol: string;
  /** signed char in the C struct; reset to 0 for every annotation. */
  subtype: number;
  /** unsigned char; carried over from the previous annotation when the file omits it. */
  chan: number;
  /** signed char; carried over from the previous annotation when the file omits it. */
  num: number;
  /** Auxiliary text (rhythm labels, notes), only when present. */
  aux?: string;
}

// Pseudo-annotation codes (annot.c / ecgcodes.h).
const SKIP = 59;
const NUM = 60;
const SUB = 61;
const CHN = 62;
const AUX = 63;
/** ecgcodes.h: "value of largest valid annot code (must be < 50)". */
const ACMAX = 49;

/**
 * annot.c's `cstring` table, indexed by code. Codes 15, 17 and 42..49 have no standard
 * meaning (42..49 are user-defined) and print as "[n]", as ecgstr() does.
 * Notable: 24 'p' P-wave peak, 27 't' T-wave peak, 28 '+' rhythm change, 29 'u' U-wave peak,
 * 39 '(' waveform onset, 40 ')' waveform end.
 */
const SYMBOLS: readonly string[] = [
  ' ',
  'N',
  'L',
  'R',
  'a', // 0-4
  'V',
  'F',
  'J',
  'A',
  'S', // 5-9
  'E',
  'j',
  '/',
  'Q',
  '~', // 10-14
  '[15]',
  '|',
  '[17]',
  's',
  'T', // 15-19
  '*',
  'D',
  '"',
  '=',
  'p', // 20-24
  'B',
  '^',
  't',
  '+',
  'u', // 25-29
  '?',
  '!',
  '[',
  ']',
  'e', // 30-34
  'n',
  '@',
  'x',
  'f',
  '(', // 35-39
  ')',
  'r',
  '[42]',
  '[43]',
  '[44]', // 40-44
  '[45]',
  '[46]',
  '[47]',
  '[48]',
  '[49]', // 45-49
];

/** Mnemonic for an annotation code, as wfdb's ecgstr() prints it. */
export function annotationSymbol(code: number): string {
  return SYMBOLS[code] ?? `[${code}]`;
}

const CODE_NAMES: Record<number, string> = { [SKIP]: 'SKIP', [NUM]: 'NUM', [SUB]: 'SUB', [CHN]: 'CHN', [AUX]: 'AUX' };

export function readWfdbAnnotations(bytes: Uint8Array, fileName: string): WfdbAnnotation[] {
  const fail = (message: string) => new EcgError('bad-annotation', message, { file: fileName });
  if (bytes.length === 0) {
    throw fail('the annotation file is empty (expected at least the end-of-file word 0x0000)');
  }
  if (bytes.length % 2 !== 0) {
    throw fail(
      `a WFDB annotation file is made of 16-bit words, but it has an odd length (${bytes.length} bytes); it looks truncated`,
    );
  }
  const nWords = bytes.length / 2;
  const word = (i: number) => bytes[2 * i] | (bytes[2 * i + 1] << 8);
  const where = (i: number) => `at byte ${2 * i}`;

  const out: WfdbAnnotation[] = [];
  let time = 0; // annot.c's `tt`: running sum of increments and SKIP intervals
  let chan = 0; // chan and num persist between annotations (putann only writes changes)
  let num = 0;
  let current: WfdbAnnotation | undefined; // the annotation that NUM/SUB/CHN/AUX modify

  let i = 0;
  while (i < nWords) {
    const w = word(i);
    if (w === 0) return out; // logical end of file; anything after it is ignored, as getann does
    const code = w >> 10;
    const data = w & 0x3ff;

    if (code === SKIP) {
      // The next two words are a signed 32-bit interval, high word first ("PDP-11 order").
      // It moves the clock for the *next* annotation; the SKIP word's own data bits are unused.
      if (i + 2 >= nWords)
        throw fail(`SKIP ${where(i)} needs a 4-byte interval, but the file ends first; it looks truncated`);
      const interval = (word(i + 1) << 16) | word(i + 2) | 0; // `| 0` makes it signed
      time += interval;
      i += 3;
      continue;
    }
    if (code >= NUM) {
      // NUM, SUB, CHN, AUX modify the annotation just read.
      if (!current)
        throw fail(`a ${CODE_NAMES[code]} field ${where(i)} comes before any annotation it could belong to`);
      if (code === SUB) current.subtype = signedByte(data);
      else if (code === CHN) current.chan = chan = data & 0xff;
      else if (code === NUM) current.num = num = signedByte(data);
      else {
        // annot.c reads the length from the low 8 bits (`word & 0377`); putann never writes
        // more than 255 bytes, so bits 8-9 are always zero in files it wrote.
        const len = data & 0xff;
        const padded = len + (len & 1); // strings are padded to a whole number of words
        if (2 * (i + 1) + padded > bytes.length) {
          throw fail(`AUX ${where(i)} announces ${len} bytes of text, but the file ends first; it looks truncated`);
        }
        current.aux = latin1(bytes.subarray(2 * (i + 1), 2 * (i + 1) + len));
        i += padded / 2;
      }
      i += 1;
      continue;
    }
    if (code > ACMAX) {
      throw fail(
        `code ${code} ${where(i)} is neither an annotation type (0..${ACMAX}) nor a pseudo-annotation (59..63); this is not a WFDB annotation file, or it is corrupt`,
      );
    }

    time += data;
    if (time < 0)
      throw fail(
        `the annotation ${where(i)} falls at sample ${time}; a SKIP interval moved the clock before the start of the record`,
      );
    if (!Number.isSafeInteger(time)) throw fail(`the annotation ${where(i)} falls at an impossible sample number`);
    current = { sample: time, code, symbol: annotationSymbol(code), subtype: 0, chan, num };
    out.push(current);
    i += 1;
  }
  // getann reports this case as "unexpected EOF": writers always end with the word 0.
  throw fail(`the file ends without the end-of-file word 0x0000 after ${out.length} annotations; it looks truncated`);
}

function signedByte(data: number): number {
  const b = data & 0xff;
  return b >= 0x80 ? b - 0x100 : b;
}

/** One byte per character, like rdann; trailing NULs some writers add are dropped. */
function latin1(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s.replace(/\0+$/, '');
}
