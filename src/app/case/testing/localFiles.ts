import { readFileSync } from 'node:fs';
import type { LocalFile } from '../readLocalFiles';

/** For tests (Node): stand-ins for the browser's File, from bytes or from the core's real fixtures. */
const FIXTURES = new URL('../../../core/ecg/__fixtures__/', import.meta.url);

/** A stand-in for the browser's File: name, size, arrayBuffer(). */
export function fakeFile(name: string, bytes: Uint8Array, size = bytes.length): LocalFile & { reads: number } {
  const f = {
    name,
    size,
    reads: 0,
    async arrayBuffer() {
      f.reads++;
      return bytes.slice().buffer;
    },
  };
  return f;
}

export function fixtureFile(path: string): LocalFile & { reads: number } {
  return fakeFile(path.split('/').pop() ?? path, new Uint8Array(readFileSync(new URL(path, FIXTURES))));
}
