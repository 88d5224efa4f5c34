import { EcgError } from '../errors';

/** A numeric matrix from a MATLAB v4 file, column-major as stored. */
export interface MatlabV4Matrix {
  name: string;
  rows: number;
  cols: number;
  /** Column-major: element (r, c) is data[c * rows + r]. */
  data: Float64Array;
}

const BYTES_PER: Record<number, number> = { 0: 8, 1: 4, 2: 4, 3: 2, 4: 2, 5: 1 };

/**
 * Read every full numeric matrix of a MATLAB Level 4 file (the PhysioNet/CinC Challenge
 * `.mat` layout: a 20-byte header, the name, then column-major data).
 */
export function readMatlabV4(bytes: Uint8Array, fileName: string): MatlabV4Matrix[] {
  const bad = (message: string) => new EcgError('bad-mat', message, { file: fileName });
  if (bytes.length >= 10 && new TextDecoder().decode(bytes.subarray(0, 10)) === 'MATLAB 5.0') {
    throw new EcgError(
      'unsupported-format',
      'this is a MATLAB v5 file; expected MATLAB v4 (as in the PhysioNet/CinC Challenge)',
      { file: fileName },
    );
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: MatlabV4Matrix[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (bytes.length - pos < 20) throw bad(`truncated matrix header at byte ${pos}`);
    // The type field tells the byte order: little-endian values are < 5000 when read little-endian.
    let le = true;
    let type = dv.getInt32(pos, true);
    if (type < 0 || type > 4052) {
      le = false;
      type = dv.getInt32(pos, false);
    }
    const machine = Math.floor(type / 1000);
    const precision = Math.floor((type % 100) / 10);
    const kind = type % 10;
    if (type < 0 || machine > 1 || Math.floor((type % 1000) / 100) !== 0 || !(precision in BYTES_PER)) {
      throw bad(`matrix at byte ${pos} has an invalid type field ${type}: not a MATLAB v4 file`);
    }
    const rows = dv.getInt32(pos + 4, le);
    const cols = dv.getInt32(pos + 8, le);
    const imag = dv.getInt32(pos + 12, le);
    const nameLen = dv.getInt32(pos + 16, le);
    if (rows < 0 || cols < 0 || nameLen <= 0 || nameLen > 64)
      throw bad(`matrix at byte ${pos} has an invalid header (${rows}×${cols}, name length ${nameLen})`);
    pos += 20;
    if (pos + nameLen > bytes.length) throw bad('truncated matrix name');
    const name = new TextDecoder().decode(bytes.subarray(pos, pos + nameLen - 1));
    pos += nameLen;
    const size = BYTES_PER[precision];
    const n = rows * cols;
    const dataBytes = n * size * (imag ? 2 : 1);
    if (pos + dataBytes > bytes.length) {
      throw new EcgError(
        'truncated-data',
        `matrix "${name}" needs ${dataBytes} bytes of data (${rows}×${cols}), ${bytes.length - pos} remain`,
        { file: fileName },
      );
    }
    if (kind !== 0) {
      pos += dataBytes; // text or sparse matrices: not signals, skip
      continue;
    }
    const data = new Float64Array(n);
    for (let k = 0; k < n; k++) data[k] = readNumber(dv, pos + k * size, precision, le);
    out.push({ name, rows, cols, data });
    pos += dataBytes;
  }
  return out;
}

function readNumber(dv: DataView, at: number, precision: number, le: boolean): number {
  switch (precision) {
    case 0:
      return dv.getFloat64(at, le);
    case 1:
      return dv.getFloat32(at, le);
    case 2:
      return dv.getInt32(at, le);
    case 3:
      return dv.getInt16(at, le);
    case 4:
      return dv.getUint16(at, le);
    default:
      return dv.getUint8(at);
  }
}
