import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../errors/appError';
import { findCase, parseManifest } from './manifest';

const PUBLIC_CASES = new URL('../../../public/cases/', import.meta.url);
const bundled = JSON.parse(readFileSync(new URL('manifest.json', PUBLIC_CASES), 'utf8')) as unknown;

function failure(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected an AppFailure');
}

describe('the bundled manifest', () => {
  const manifest = parseManifest(bundled);

  it('lists the PTB-XL LAFB teaching case first, with source, license and credit', () => {
    const c = manifest.cases[0];
    expect(c.id).toBe('ptbxl-00285');
    expect(c.title).toBe('Left anterior fascicular block (teaching case)');
    expect(c.diagnosis.statements.map((s) => s.code)).toEqual(['LAFB', 'SR']);
    expect(c.diagnosis.report).toBe('sinus rhythm. left axis deviation. left anterior fascicular block.');
    expect(c.license.name).toBe('CC BY 4.0');
    expect(c.source.url).toBe('https://doi.org/10.13026/kfzx-aw45');
    expect(c.credit).toMatch(/Wagner/);
  });

  it('names only files that are in public/cases/<id>/', () => {
    for (const c of manifest.cases) {
      for (const f of c.files) expect(existsSync(new URL(`${c.id}/${f}`, PUBLIC_CASES)), `${c.id}/${f}`).toBe(true);
    }
  });
});

describe('parseManifest', () => {
  const good = () => structuredClone(bundled) as { cases: Array<Record<string, unknown>> };

  it('refuses a manifest without cases', () => {
    expect(failure(() => parseManifest({ cases: [] })).detail).toMatchObject({ code: 'bad-manifest', field: 'cases' });
    expect(failure(() => parseManifest(null)).detail.code).toBe('bad-manifest');
  });

  it('refuses file names that could escape the case folder', () => {
    const m = good();
    m.cases[0].files = ['../../secret.dat'];
    expect(failure(() => parseManifest(m)).detail).toMatchObject({ code: 'bad-manifest', field: 'cases[0].files[0]' });
  });

  it('refuses duplicate ids and missing credit', () => {
    const dup = good();
    dup.cases.push(structuredClone(dup.cases[0]));
    expect(failure(() => parseManifest(dup)).detail.field).toBe('cases[1].id');
    const noCredit = good();
    delete noCredit.cases[0].credit;
    expect(failure(() => parseManifest(noCredit)).detail.field).toBe('cases[0].credit');
  });
});

describe('findCase', () => {
  const manifest = parseManifest(bundled);
  it('opens the first case by default and a named one on request', () => {
    expect(findCase(manifest, null).id).toBe('ptbxl-00285');
    expect(findCase(manifest, 'ptbxl-00285').id).toBe('ptbxl-00285');
  });
  it('says which cases exist when the id is unknown', () => {
    expect(failure(() => findCase(manifest, 'nope')).detail).toMatchObject({ code: 'unknown-case' });
    expect(failure(() => findCase(manifest, 'nope')).detail.message).toContain('ptbxl-00285');
  });
});
