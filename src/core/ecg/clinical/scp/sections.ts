import { EcgError } from '../../../errors';

/** One SCP-ECG section: its id, version and the bytes after its 16-byte header. */
export interface ScpSection {
  id: number;
  version: number;
  /** The section's data (without its 16-byte header). */
  data: Uint8Array;
  view: DataView;
}

/** CRC-CCITT (polynomial 0x1021, initial 0xFFFF), as EN 1064 checks the record and each section. */
export function crcCcitt(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (let i = 0; i < bytes.length; i++) {
    crc ^= bytes[i] << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** "SCPECG" in section 0's header (bytes 16–21 of the file). */
export function isScp(bytes: Uint8Array): boolean {
  return bytes.length >= 22 && new TextDecoder('latin1').decode(bytes.subarray(16, 22)) === 'SCPECG';
}

/**
 * The record's sections, found through section 0's pointers. The record CRC and each present section's CRC and
 * id are checked; a pointer outside the file or a section overrunning the record is an EcgError.
 */
export function readSections(bytes: Uint8Array, file: string): Map<number, ScpSection> {
  const bad = (message: string, field?: string) => new EcgError('bad-scp', message, { file, field });
  if (bytes.length < 6 + 16)
    throw new EcgError('truncated-data', `${bytes.length} bytes is too short for an SCP-ECG record`, { file });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = dv.getUint32(2, true);
  if (length > bytes.length)
    throw new EcgError('truncated-data', `the record says it is ${length} bytes long; the file has ${bytes.length}`, {
      file,
      field: 'record length',
    });
  if (length < 22) throw bad(`record length ${length} is too short`, 'record length');
  const crc = crcCcitt(bytes.subarray(2, length));
  if (crc !== dv.getUint16(0, true))
    throw bad(`record CRC is ${hex(dv.getUint16(0, true))}, the bytes give ${hex(crc)}: the file is damaged`, 'CRC');
  const section = (at: number, expectId: number | null): ScpSection => {
    if (at < 6 || at + 16 > length)
      throw bad(`section ${expectId ?? '?'} would start at byte ${at}, outside the record`, `section ${expectId}`);
    const id = dv.getUint16(at + 2, true);
    const len = dv.getUint32(at + 4, true);
    if (expectId !== null && id !== expectId)
      throw bad(
        `section 0 points to section ${expectId} at byte ${at}, but the header there says ${id}`,
        `section ${expectId}`,
      );
    if (len < 16 || at + len > length)
      throw new EcgError(
        'truncated-data',
        `section ${id} says it is ${len} bytes long from byte ${at}; the record ends at ${length}`,
        { file, field: `section ${id}` },
      );
    const sectionCrc = crcCcitt(bytes.subarray(at + 2, at + len));
    if (sectionCrc !== dv.getUint16(at, true))
      throw bad(
        `section ${id} CRC is ${hex(dv.getUint16(at, true))}, its bytes give ${hex(sectionCrc)}`,
        `section ${id}`,
      );
    const data = bytes.subarray(at + 16, at + len);
    return { id, version: bytes[at + 8], data, view: new DataView(data.buffer, data.byteOffset, data.byteLength) };
  };
  const s0 = section(6, 0);
  const sections = new Map<number, ScpSection>([[0, s0]]);
  for (let p = 0; p + 10 <= s0.data.length; p += 10) {
    const id = s0.view.getUint16(p, true);
    const len = s0.view.getUint32(p + 2, true);
    const index = s0.view.getUint32(p + 6, true); // 1-based byte position in the record
    if (id === 0 || len === 0) continue;
    sections.set(id, section(index - 1, id));
  }
  return sections;
}

const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
