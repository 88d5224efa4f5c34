/**
 * SHA-256 of model and reference files, recorded when they are written and checked before anything runs on them
 * (issue 15). Web Crypto's `crypto.subtle` is a global in browsers, Web Workers and Node ≥ 19, so the app's worker
 * and the CLI compute the digest with the same code.
 */

import { CodedError } from '../errors';

/** A file whose bytes are not the ones recorded: nothing may run on it. */
export class IntegrityError extends CodedError<'integrity'> {
  declare readonly file: string;

  constructor(file: string, message: string) {
    super('integrity', `${file}: ${message}`, { file });
    this.name = 'IntegrityError';
  }
}

/** Lower-case hex SHA-256 of the bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('Web Crypto (crypto.subtle) is not available here: file integrity cannot be checked');
  // digest wants an ArrayBuffer-backed view; a view on a SharedArrayBuffer or an offset slice is copied.
  const digest = await subtle.digest(
    'SHA-256',
    bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes),
  );
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What is recorded about one file. */
export interface FileDigest {
  /** File name inside the model folder, e.g. "weights.1of1.bin". */
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * Checks `bytes` against the recorded digest of `name` (the path shown in a message is `label`, e.g.
 * "models/ecg12/weights.1of1.bin"). Throws IntegrityError naming the file when it is unrecorded, of another
 * size, or of another digest.
 */
export async function verifyFile(recorded: FileDigest[], name: string, bytes: Uint8Array, label = name): Promise<void> {
  const entry = recorded.find((f) => f.name === name);
  if (!entry) throw new IntegrityError(label, 'no SHA-256 is recorded for this file in meta.json; it is not loaded');
  if (bytes.byteLength !== entry.bytes) {
    throw new IntegrityError(
      label,
      `has ${bytes.byteLength} bytes, ${entry.bytes} were recorded: the file is truncated or altered; it is not loaded`,
    );
  }
  const got = await sha256Hex(bytes);
  if (got !== entry.sha256) {
    throw new IntegrityError(
      label,
      `SHA-256 ${got.slice(0, 12)}… does not match the recorded ${entry.sha256.slice(0, 12)}…: the file is corrupt or altered; it is not loaded`,
    );
  }
}
