/**
 * LZW decompression as Philips XLI uses it: 10-bit codes read MSB first, a dictionary of the 256 single bytes
 * plus learned strings up to code 2^bits − 2; the all-ones code (1023) ends the stream; no clear code. Returns the bytes decoded before the input ran out
 * of whole codes. Throws (with `reason`) on a code that cannot occur in a valid stream; the output is capped at
 * `maxOutput` bytes, so damaged input can neither hang nor exhaust memory.
 */
export function lzwDecode(input: Uint8Array, maxOutput: number, bits = 10): Uint8Array {
  const mask = (1 << bits) - 1;
  const maxCode = mask - 1;
  const dict: Uint8Array[] = [];
  for (let i = 0; i < 256; i++) dict.push(Uint8Array.of(i));
  const out = new Uint8Array(maxOutput);
  let o = 0;
  let buffer = 0;
  let nBits = 0;
  let pos = 0;
  let previous: Uint8Array | null = null;
  for (;;) {
    while (nBits < bits && pos < input.length) {
      buffer = ((buffer << 8) | input[pos++]) >>> 0;
      nBits += 8;
    }
    if (nBits < bits) break;
    const code = (buffer >>> (nBits - bits)) & mask;
    nBits -= bits;
    buffer &= (1 << nBits) - 1;
    if (code === mask) break; // end of data
    let entry: Uint8Array;
    if (code < dict.length) entry = dict[code];
    else if (code === dict.length && previous) entry = concat(previous, previous[0]);
    else throw new Error(`LZW code ${code} before it was defined (dictionary has ${dict.length})`);
    if (previous && dict.length <= maxCode) dict.push(concat(previous, entry[0]));
    previous = entry;
    const n = Math.min(entry.length, maxOutput - o);
    out.set(entry.subarray(0, n), o);
    o += n;
    if (o >= maxOutput) break;
  }
  return out.subarray(0, o);
}

function concat(a: Uint8Array, b: number): Uint8Array {
  const c = new Uint8Array(a.length + 1);
  c.set(a);
  c[a.length] = b;
  return c;
}
