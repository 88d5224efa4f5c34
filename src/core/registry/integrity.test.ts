import { describe, expect, it } from 'vitest';
import { IntegrityError, sha256Hex, verifyFile } from './integrity';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('file integrity (SHA-256)', () => {
  it('digests known answers (FIPS 180-2 "abc" and the empty message)', async () => {
    expect(await sha256Hex(bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // A view into a larger buffer digests only its own bytes.
    expect(await sha256Hex(bytes('xxabcxx').subarray(2, 5))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('accepts the recorded bytes and refuses one tampered byte, naming the file', async () => {
    const good = new Uint8Array(1000).map((_, i) => (i * 7) % 256);
    const recorded = [{ name: 'weights.1of1.bin', bytes: good.byteLength, sha256: await sha256Hex(good) }];
    await expect(verifyFile(recorded, 'weights.1of1.bin', good)).resolves.toBeUndefined();
    const bad = good.slice();
    bad[500] ^= 1;
    const err = await verifyFile(recorded, 'weights.1of1.bin', bad, 'models/ecg12/weights.1of1.bin').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as IntegrityError).file).toBe('models/ecg12/weights.1of1.bin');
    expect((err as Error).message).toMatch(
      /^models\/ecg12\/weights\.1of1\.bin: SHA-256 [0-9a-f]{12}… does not match the recorded [0-9a-f]{12}…: the file is corrupt or altered; it is not loaded$/,
    );
  });

  it('refuses a truncated file and a file with no recorded digest', async () => {
    const good = bytes('model weights');
    const recorded = [{ name: 'w.bin', bytes: good.byteLength, sha256: await sha256Hex(good) }];
    await expect(verifyFile(recorded, 'w.bin', good.subarray(0, 5))).rejects.toThrow(
      /w\.bin: has 5 bytes, 13 were recorded/,
    );
    await expect(verifyFile(recorded, 'other.bin', good)).rejects.toThrow(/other\.bin: no SHA-256 is recorded/);
  });
});
