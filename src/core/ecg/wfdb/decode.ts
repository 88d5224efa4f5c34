import { EcgError } from '../../errors';
import type { WfdbSignalSpec } from './header';
import { checkLength } from '../limits';

/** Digital samples of the signals stored in one WFDB data file, with invalid samples marked NaN. */
export interface DecodedFile {
  /** One array per signal of the file, in header order; NaN where WFDB marks a sample invalid. */
  digital: Float64Array[];
  nFrames: number;
}

/** Bits per sample of each supported storage format (header(5), signal(5)). */
const BITS: Record<number, number> = { 8: 8, 80: 8, 16: 16, 61: 16, 160: 16, 212: 12, 24: 24, 32: 32 };

export function isSupportedFormat(format: number): boolean {
  return format in BITS;
}

/**
 * Decode one data file whose signals are interleaved frame by frame (the WFDB layout).
 * `nSamples` null means "as many frames as the file holds".
 */
export function decodeWfdbFile(
  bytes: Uint8Array,
  specs: WfdbSignalSpec[],
  nSamples: number | null,
  fileName: string,
): DecodedFile {
  const format = specs[0].format;
  for (const s of specs) {
    if (s.format !== format) {
      throw new EcgError(
        'unsupported-format',
        `signals in one file use different formats (${format} and ${s.format})`,
        { file: fileName, field: 'format' },
      );
    }
    if (!isSupportedFormat(s.format)) {
      throw new EcgError(
        'unsupported-format',
        `storage format ${s.format} is not supported (supported: 16, 212, 80, 24, 32, 61, 160, 8)`,
        { file: fileName, field: 'format' },
      );
    }
    if (s.samplesPerFrame !== 1) {
      throw new EcgError(
        'unsupported-format',
        `${s.samplesPerFrame} samples per frame (format "${s.format}x${s.samplesPerFrame}") is not supported`,
        { file: fileName, field: 'format' },
      );
    }
  }
  const offset = specs[0].byteOffset;
  const nSig = specs.length;
  const available = Math.max(0, bytes.length - offset);
  const framesInFile = Math.floor((available * 8) / BITS[format] / nSig);
  if (nSamples !== null && framesInFile < nSamples) {
    const need = Math.ceil((nSamples * nSig * BITS[format]) / 8) + offset;
    throw new EcgError(
      'truncated-data',
      `header says ${nSamples} samples per signal (${need} bytes), the file has ${bytes.length} bytes: enough for ${framesInFile}`,
      { file: fileName },
    );
  }
  const nFrames = nSamples ?? framesInFile;
  checkLength(nFrames, fileName); // a header without a sample count: the file's size decides, checked before decoding
  const flat = decodeStream(bytes.subarray(offset), format, nFrames * nSig);
  const digital = specs.map(() => new Float64Array(nFrames));
  for (let fr = 0, k = 0; fr < nFrames; fr++) {
    for (let s = 0; s < nSig; s++, k++) digital[s][fr] = flat[k];
  }
  if (format === 8) undoFirstDifferences(digital, specs);
  return { digital, nFrames };
}

/** Read `count` samples of the given format; invalid-sample sentinels become NaN. */
function decodeStream(b: Uint8Array, format: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  switch (format) {
    case 16:
      for (let k = 0; k < count; k++) out[k] = sentinel(dv.getInt16(2 * k, true), -32768);
      break;
    case 61:
      for (let k = 0; k < count; k++) out[k] = sentinel(dv.getInt16(2 * k, false), -32768);
      break;
    case 160:
      for (let k = 0; k < count; k++) out[k] = sentinel(dv.getUint16(2 * k, true) - 32768, -32768);
      break;
    case 80:
      for (let k = 0; k < count; k++) out[k] = sentinel(b[k] - 128, -128);
      break;
    case 8:
      for (let k = 0; k < count; k++) out[k] = dv.getInt8(k);
      break;
    case 24:
      for (let k = 0; k < count; k++) {
        const v = b[3 * k] | (b[3 * k + 1] << 8) | (b[3 * k + 2] << 16);
        out[k] = sentinel((v << 8) >> 8, -(1 << 23));
      }
      break;
    case 32:
      for (let k = 0; k < count; k++) out[k] = sentinel(dv.getInt32(4 * k, true), -2147483648);
      break;
    case 212:
      // Two 12-bit samples in three bytes: low byte of each, high nibbles shared in the middle byte.
      for (let k = 0; k < count; k++) {
        const base = 3 * (k >> 1);
        const v = (k & 1) === 0 ? b[base] | ((b[base + 1] & 0x0f) << 8) : b[base + 2] | ((b[base + 1] & 0xf0) << 4);
        out[k] = sentinel((v << 20) >> 20, -2048);
      }
      break;
    default:
      throw new Error(`unreachable format ${format}`);
  }
  return out;
}

function sentinel(v: number, invalid: number): number {
  return v === invalid ? NaN : v;
}

/** Format 8 stores first differences; the header's initial value starts the sum. */
function undoFirstDifferences(digital: Float64Array[], specs: WfdbSignalSpec[]): void {
  digital.forEach((sig, s) => {
    let acc = specs[s].initialValue;
    for (let n = 0; n < sig.length; n++) {
      acc += sig[n];
      sig[n] = acc;
    }
  });
}

/** WFDB checksum: the 16-bit two's-complement sum of all samples of a signal. */
export function wfdbChecksum(digital: Float64Array): number {
  let sum = 0;
  for (let n = 0; n < digital.length; n++) if (!Number.isNaN(digital[n])) sum = (sum + digital[n]) | 0;
  return (sum << 16) >> 16;
}
