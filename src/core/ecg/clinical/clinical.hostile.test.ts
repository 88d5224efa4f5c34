import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../constants';
import { sharedDataDir } from '../../../test-support/data';
import { expectLoadsOrRefuses, expectRefused } from '../../../test-support/hostile';

/**
 * Hostile clinical files (DICOM, SCP-ECG, HL7 aECG, GE MUSE, Philips XML), mutated from every real sample in
 * ../shared/data/formats: zero-length, truncated, bit-flipped, re-encoded, with huge stated counts, rates and
 * entity expansions. Each ends in a record or an EcgError naming the file, inside the hang guard.
 * (clinical.fuzz.test.ts covers format-specific damage; this file covers the hostile-input list of issue 15.)
 */
const root = sharedDataDir('hostile-input tests of the clinical readers (real samples in formats/)');
const samples = root
  ? readdirSync(join(root, 'formats'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(root, 'formats', d.name)).map((f) => join(d.name, f)))
  : [];
const read = (rel: string) => new Uint8Array(readFileSync(join(root!, 'formats', rel)));
const nameOf = (rel: string) => rel.split('/').pop()!;
const one = (name: string, bytes: Uint8Array) => new Map([[name, bytes]]);
const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const fromLatin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

describe.skipIf(!root)('hostile clinical files: a record or a named refusal, quickly', () => {
  it('all ten samples are present (the mutations below start from each)', () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
  });

  it('zero-length copies of each', async () => {
    for (const rel of samples)
      await expectRefused(one(nameOf(rel), new Uint8Array(0)), nameOf(rel), 'empty-file', 'empty');
  });

  it('each truncated at 12 places and bit-flipped at random (property, 12 runs per file)', async () => {
    for (const rel of samples) {
      const b = read(rel);
      for (let k = 1; k <= 12; k++)
        await expectLoadsOrRefuses(one(nameOf(rel), b.slice(0, Math.floor((b.length * k) / 13))));
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat({ max: b.length - 1 }), fc.nat({ max: 7 })), { minLength: 1, maxLength: 32 }),
          async (flips) => {
            const m = b.slice();
            for (const [at, bit] of flips) m[at] ^= 1 << bit;
            await expectLoadsOrRefuses(one(nameOf(rel), m));
          },
        ),
        { numRuns: 12, seed: 15 },
      );
    }
  });

  it('wrong encodings: UTF-8 XML relabelled UTF-16 or stripped of its first bytes, binary DICOM read as latin-1 text', async () => {
    for (const rel of samples.filter((f) => f.endsWith('.xml'))) {
      const b = read(rel);
      const text = latin1(b);
      await expectLoadsOrRefuses(one(nameOf(rel), fromLatin1(text.replace(/encoding="[^"]*"/i, 'encoding="UTF-16"'))));
      await expectLoadsOrRefuses(one(nameOf(rel), Uint8Array.of(0xfe, 0xff, ...b.subarray(0, 4000))));
      await expectLoadsOrRefuses(one(nameOf(rel), b.subarray(7)));
    }
    const dcm = read(samples.find((f) => f.endsWith('.dcm'))!);
    await expectLoadsOrRefuses(
      one(
        'as-text.xml',
        fromLatin1(`<?xml version="1.0"?><AnnotatedECG>${latin1(dcm.subarray(0, 20000))}</AnnotatedECG>`),
      ),
    );
  });

  it('huge stated rates and counts are refused before decoding (Philips durations, MUSE sample counts)', async () => {
    const philips = samples.find((f) => f.startsWith('philips/'))!;
    const px = latin1(read(philips));
    const hour = px.replace(/durationperchannel="\d+"/, 'durationperchannel="3600000000"');
    expect(hour).not.toBe(px);
    await expectRefused(
      one('long.xml', fromLatin1(hour)),
      'long.xml',
      'too-long',
      `at most ${LIMITS.maxSamplesPerLead}`,
    );
    const fast = px.replace(/samplingrate>500</, 'samplingrate>1000000000<');
    expect(fast).not.toBe(px);
    await expectRefused(one('fast.xml', fromLatin1(fast)), 'fast.xml', 'bad-header', 'outside 50–20000 Hz');
    const muse = latin1(read(samples.find((f) => f.startsWith('ge-muse/'))!));
    const many = muse.replace(/<LeadSampleCountTotal>\d+</g, '<LeadSampleCountTotal>2000000000<');
    expect(many).not.toBe(muse);
    await expectRefused(one('many.xml', fromLatin1(many)), 'many.xml', 'truncated-data', '2000000000 samples need');
  });

  it('an entity-expansion ("billion laughs") XML is refused or read flat, never expanded into memory', async () => {
    const defs = [
      '<!ENTITY a0 "laugh">',
      ...Array.from({ length: 9 }, (_, k) => `<!ENTITY a${k + 1} "${`&a${k};`.repeat(10)}">`),
    ].join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE AnnotatedECG [${defs}]><AnnotatedECG><text>&a9;</text></AnnotatedECG>`;
    const out = await expectLoadsOrRefuses(one('laughs.xml', new TextEncoder().encode(bomb)));
    expect(out.error?.file).toBe('laughs.xml');
  });
});

describe('XML beyond the parse limit is refused before parsing (no datasets needed)', () => {
  it(`more than ${LIMITS.maxXmlChars} characters of XML`, async () => {
    const head = new TextEncoder().encode('<?xml version="1.0"?><AnnotatedECG>');
    const big = new Uint8Array(LIMITS.maxXmlChars + 1024).fill(0x20);
    big.set(head);
    await expectRefused(one('big.xml', big), 'big.xml', 'file-too-large', `at most ${LIMITS.maxXmlChars} are parsed`);
  });
});
