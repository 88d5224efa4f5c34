import { EcgError } from '../../errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/**
 * Strict base64 → bytes (whitespace ignored). A character outside the alphabet or a length that is not a whole
 * number of 4-character groups is an EcgError naming the file and the field, never silently skipped.
 */
export function decodeBase64(input: string, where: { file: string; field: string }): Uint8Array {
  const s = input.replace(/[\s\r\n]+/g, '');
  const bad = (why: string) => new EcgError('bad-compression', `${where.field}: invalid base64 (${why})`, where);
  if (s.length % 4 !== 0) throw bad(`${s.length} characters is not a multiple of 4`);
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = s.charCodeAt(i + j);
      const isPad = c === 61 && i + j >= s.length - pad;
      const v = isPad ? 0 : c < 128 ? VALUE[c] : -1;
      if (v < 0) throw bad(`character "${s[i + j]}" at ${i + j}`);
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 0xff;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}
