/**
 * Reader for NumPy .npy files (format v1/v2, little-endian float32 or float64, C order),
 * enough for the ptbxl-zscored training arrays. Takes bytes; callers do the I/O.
 */

export interface NpyArray {
  shape: number[];
  data: Float64Array;
}

export function parseNpy(bytes: Uint8Array): NpyArray {
  const magic = String.fromCharCode(...bytes.subarray(0, 6));
  if (magic !== '\x93NUMPY') throw new Error('not a .npy file');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = String.fromCharCode(...bytes.subarray(headerStart, headerStart + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (shapeText === undefined || fortran !== 'False') throw new Error(`unsupported .npy header: ${header}`);
  const shape = shapeText.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = headerStart + headerLen;
  const data = new Float64Array(count);
  if (descr === '<f4') for (let i = 0; i < count; i++) data[i] = view.getFloat32(offset + 4 * i, true);
  else if (descr === '<f8') for (let i = 0; i < count; i++) data[i] = view.getFloat64(offset + 8 * i, true);
  else throw new Error(`unsupported .npy dtype ${descr}`);
  return { shape, data };
}

/** Bytes of a v1 .npy file holding `values` as '<f4' with the given shape (to test the reader). */
export function makeNpyF4(values: number[], shape: number[]): Uint8Array {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + 4 * values.length);
  out.set([0x93, ...'NUMPY'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))), 0);
  out[6] = 1;
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  values.forEach((v, i) => view.setFloat32(10 + header.length + 4 * i, v, true));
  return out;
}
