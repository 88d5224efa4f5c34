import { EcgError } from '../../../errors';

/** One Huffman code of an SCP-ECG table (EN 1064 section 2). */
export interface HuffmanCode {
  /** Bits of the prefix, in reading order (MSB first). */
  prefix: string;
  /** Total bits: prefix plus, for an escape, the raw value's bits. */
  totalBits: number;
  /** 1: the code stands for a value; 0: it switches to table `value` (1-based). */
  mode: number;
  value: number;
}

/**
 * The standard's default table (section 2 says 19999): 0 → "0", ±1…±8 → "1…10x", then two escapes followed by
 * the raw value as 8-bit or 16-bit two's complement.
 */
export const DEFAULT_TABLE: HuffmanCode[] = (() => {
  const codes: HuffmanCode[] = [{ prefix: '0', totalBits: 1, mode: 1, value: 0 }];
  for (let k = 1; k <= 8; k++) {
    codes.push({ prefix: `${'1'.repeat(k)}00`, totalBits: k + 2, mode: 1, value: k });
    codes.push({ prefix: `${'1'.repeat(k)}01`, totalBits: k + 2, mode: 1, value: -k });
  }
  codes.push({ prefix: '1111111110', totalBits: 18, mode: 1, value: 0 });
  codes.push({ prefix: '1111111111', totalBits: 26, mode: 1, value: 0 });
  return codes;
})();

/** Huffman tables from section 2, or the default one. */
export function readHuffmanTables(data: Uint8Array | undefined, file: string): HuffmanCode[][] {
  if (!data) return [DEFAULT_TABLE];
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const bad = (m: string) => new EcgError('bad-scp', `section 2 (Huffman tables): ${m}`, { file, field: 'section 2' });
  if (data.length < 2) throw bad('empty');
  const nTables = dv.getUint16(0, true);
  if (nTables === 19999) return [DEFAULT_TABLE];
  const tables: HuffmanCode[][] = [];
  let p = 2;
  for (let t = 0; t < nTables; t++) {
    if (p + 2 > data.length) throw bad(`table ${t + 1} is cut off`);
    const nCodes = dv.getUint16(p, true);
    p += 2;
    const table: HuffmanCode[] = [];
    for (let c = 0; c < nCodes; c++) {
      if (p + 9 > data.length) throw bad(`code ${c + 1} of table ${t + 1} is cut off`);
      const prefixBits = data[p];
      const totalBits = data[p + 1];
      const mode = data[p + 2];
      const value = dv.getInt16(p + 3, true);
      const baseCode = dv.getUint32(p + 5, true); // stored least significant bit first
      if (prefixBits < 1 || prefixBits > 32 || totalBits < prefixBits || totalBits - prefixBits > 16)
        throw bad(`code ${c + 1} of table ${t + 1} has ${prefixBits} prefix bits and ${totalBits} in all`);
      let prefix = '';
      for (let b = 0; b < prefixBits; b++) prefix += (baseCode >>> b) & 1 ? '1' : '0';
      table.push({ prefix, totalBits, mode, value });
      p += 9;
    }
    tables.push(table);
  }
  return tables;
}

/**
 * Decode `count` values from `bytes` (bits read MSB first). Every step consumes at least one bit, so a damaged
 * stream ends in an EcgError ("ran out of bits", "no code matches") after at most 8 × bytes steps: never a hang.
 */
export function huffmanDecode(
  bytes: Uint8Array,
  count: number,
  tables: HuffmanCode[][],
  where: { file: string; field: string },
): Int32Array {
  const out = new Int32Array(count);
  const totalBits = bytes.length * 8;
  const bit = (i: number) => (bytes[i >> 3] >> (7 - (i & 7))) & 1;
  const bad = (m: string) => new EcgError('bad-compression', `${where.field}: ${m}`, where);
  // Per table: codes keyed by prefix string, and the longest prefix length.
  const lookups = tables.map((t) => ({
    map: new Map(t.map((c) => [c.prefix, c])),
    maxLen: Math.max(...t.map((c) => c.prefix.length)),
  }));
  let table = lookups[0];
  let pos = 0;
  let n = 0;
  while (n < count) {
    let code: HuffmanCode | undefined;
    let prefix = '';
    while (!code) {
      if (pos >= totalBits) throw bad(`ran out of bits after ${n} of ${count} samples`);
      prefix += bit(pos++) ? '1' : '0';
      code = table.map.get(prefix);
      if (!code && prefix.length >= table.maxLen)
        throw bad(`no Huffman code matches the bits ${prefix} at sample ${n}`);
    }
    if (code.mode === 0) {
      table = lookups[code.value - 1];
      if (!table) throw bad(`a code switches to table ${code.value}, which does not exist`);
      continue;
    }
    const extra = code.totalBits - code.prefix.length;
    if (extra === 0) {
      out[n++] = code.value;
      continue;
    }
    if (pos + extra > totalBits) throw bad(`ran out of bits inside an escaped value at sample ${n}`);
    let v = 0;
    for (let b = 0; b < extra; b++) v = (v << 1) | bit(pos++);
    if (v & (1 << (extra - 1))) v -= 1 << extra; // two's complement
    out[n++] = v;
  }
  return out;
}
