import { EcgError } from '../../../errors';
import { lzwDecode } from './lzw';

/**
 * Philips XLI: one chunk per lead, {uint32 size, uint16 code, int16 start} then `size` bytes of LZW. The LZW
 * output holds the high bytes of all samples, then the low bytes (split at the sample count, not at half the
 * output: the output has a few trailing bytes); the int16 values are second-order deltas, decoded with `start`.
 */
export function decodeXli(bytes: Uint8Array, nLeads: number, nSamples: number, file: string): Int32Array[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const leads: Int32Array[] = [];
  let p = 0;
  for (let k = 0; k < nLeads; k++) {
    const where = { file, field: `parsedwaveforms lead ${k + 1}` };
    if (p + 8 > bytes.length)
      throw new EcgError('truncated-data', `the compressed waveforms end before lead ${k + 1} of ${nLeads}`, where);
    const size = dv.getUint32(p, true);
    const start = dv.getInt16(p + 6, true);
    p += 8;
    if (size > bytes.length - p)
      throw new EcgError(
        'truncated-data',
        `lead ${k + 1}: the chunk says ${size} bytes, ${bytes.length - p} remain`,
        where,
      );
    let raw: Uint8Array;
    try {
      raw = lzwDecode(bytes.subarray(p, p + size), 2 * nSamples + 64);
    } catch (e) {
      throw new EcgError('bad-compression', `lead ${k + 1}: ${e instanceof Error ? e.message : String(e)}`, where);
    }
    p += size;
    if (raw.length < 2 * nSamples)
      throw new EcgError(
        'bad-compression',
        `lead ${k + 1}: the LZW data give ${raw.length} bytes, ${2 * nSamples} are needed for ${nSamples} samples`,
        where,
      );
    const deltas = new Int16Array(nSamples);
    for (let n = 0; n < nSamples; n++) deltas[n] = (raw[n] << 8) | raw[nSamples + n];
    leads.push(undelta(deltas, start));
  }
  return leads;
}

/** Second-order delta decode (32-bit arithmetic; codes after the first two carry a bias of 64). */
function undelta(d: Int16Array, start: number): Int32Array {
  const out = Int32Array.from(d);
  let x = out[0];
  let y = out[1];
  let last = start;
  for (let n = 2; n < out.length; n++) {
    const z = 2 * y - x - last;
    last = out[n] - 64;
    out[n] = z;
    x = y;
    y = z;
  }
  return out;
}
