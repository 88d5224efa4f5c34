import { EcgError } from '../errors';

/**
 * Reader for NumPy .npy files (format v1/v2/v3, little-endian float16/32/64, C order): the arrays
 * researchers keep PTB-XL in, and the ptbxl-zscored training arrays. Takes bytes; callers do the I/O.
 * Every malformed file ends in an EcgError naming the file and the header field.
 */

export interface NpyArray {
  shape: number[];
  data: Float64Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ITEM_BYTES: Record<string, number> = { '<f2': 2, '<f4': 4, '<f8': 8 };

export function isNpy(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && MAGIC.every((b, i) => bytes[i] === b);
}

/** `maxRows`: the first dimension above which the array is refused (too-long) before its data is decoded. */
export function parseNpy(bytes: Uint8Array, fileName = 'array.npy', maxRows = Infinity): NpyArray {
  const bad = (message: string, field?: string) => new EcgError('bad-npy', message, { file: fileName, field });
  if (!isNpy(bytes)) throw bad('not a NumPy .npy file (the first bytes are not "\\x93NUMPY")', 'magic');
  const major = bytes[6];
  if (major !== 1 && major !== 2 && major !== 3)
    throw bad(`format version ${major}.${bytes[7]} is not 1.0, 2.0 or 3.0`, 'version');
  const headerStart = major === 1 ? 10 : 12;
  if (bytes.length < headerStart)
    throw new EcgError('truncated-data', 'the file ends inside the .npy preamble', { file: fileName });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerStart + headerLen > bytes.length)
    throw new EcgError('truncated-data', `the header says it is ${headerLen} bytes long; the file ends before`, {
      file: fileName,
    });
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(headerStart, headerStart + headerLen),
  );
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw bad(`the header "${header.trim().slice(0, 80)}" lacks descr, fortran_order or shape`, 'header');
  if (!(descr in ITEM_BYTES))
    throw bad(`dtype "${descr}" is not supported: expected little-endian float ('<f2', '<f4' or '<f8')`, 'descr');
  if (fortran !== 'False')
    throw bad(
      'the array is in Fortran (column-major) order: expected C order (numpy.ascontiguousarray)',
      'fortran_order',
    );
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (shape.some((d) => !Number.isInteger(d) || d < 0))
    throw bad(`shape (${shapeText}) is not a list of sizes`, 'shape');
  if (shape.length > 0 && shape[0] > maxRows) {
    throw new EcgError(
      'too-long',
      `shape (${shape.join(', ')}) has ${shape[0]} rows (samples per lead); at most ${maxRows} are accepted`,
      { file: fileName, field: 'shape' },
    );
  }
  const count = shape.reduce((a, b) => a * b, 1);
  const size = ITEM_BYTES[descr];
  const offset = headerStart + headerLen;
  if (offset + count * size > bytes.length) {
    throw new EcgError(
      'truncated-data',
      `shape (${shape.join(', ')}) of ${descr} needs ${count * size} bytes of data, ${bytes.length - offset} remain`,
      { file: fileName },
    );
  }
  const data = new Float64Array(count);
  if (descr === '<f2') for (let i = 0; i < count; i++) data[i] = float16(view.getUint16(offset + 2 * i, true));
  else if (descr === '<f4') for (let i = 0; i < count; i++) data[i] = view.getFloat32(offset + 4 * i, true);
  else for (let i = 0; i < count; i++) data[i] = view.getFloat64(offset + 8 * i, true);
  return { shape, data };
}

/** IEEE 754 half precision → number (subnormals, ±Inf and NaN included). */
export function float16(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Bytes of a .npy file holding `values` with the given shape and dtype (to test readers; to export). */
export function makeNpy(
  values: ArrayLike<number>,
  shape: number[],
  descr: '<f4' | '<f8' | '<f2' = '<f4',
  version: 1 | 2 = 1,
): Uint8Array {
  const pre = version === 1 ? 10 : 12;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat((64 - ((pre + header.length + 1) % 64)) % 64) + '\n';
  const size = ITEM_BYTES[descr];
  const out = new Uint8Array(pre + header.length + size * values.length);
  out.set(MAGIC, 0);
  out[6] = version;
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[pre + i] = header.charCodeAt(i);
  const at = pre + header.length;
  for (let i = 0; i < values.length; i++) {
    if (descr === '<f4') view.setFloat32(at + 4 * i, values[i], true);
    else if (descr === '<f8') view.setFloat64(at + 8 * i, values[i], true);
    else view.setUint16(at + 2 * i, toFloat16(values[i]), true);
  }
  return out;
}

/** Bytes of a v1 .npy file holding `values` as '<f4' (kept for existing tests). */
export function makeNpyF4(values: number[], shape: number[]): Uint8Array {
  return makeNpy(values, shape, '<f4', 1);
}

/** number → nearest half (round half to even on the mantissa; enough for test data). */
function toFloat16(v: number): number {
  if (Number.isNaN(v)) return 0x7e00;
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | Math.round(a / 2 ** -24);
  let exp = Math.floor(Math.log2(a));
  let frac = Math.round((a / 2 ** exp - 1) * 1024);
  if (frac === 1024) {
    frac = 0;
    exp++;
  }
  return sign | ((exp + 15) << 10) | frac;
}
