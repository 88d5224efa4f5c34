import { existsSync, readFileSync, statSync } from 'node:fs';
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

  it('then a normal ECG, LBBB, RBBB and inferior MI, and the example study’s five more, each with its PTB-XL statements, report, source and license', () => {
    const byId = Object.fromEntries(manifest.cases.map((c) => [c.id, c]));
    expect(manifest.cases.map((c) => c.id)).toEqual([
      'ptbxl-00285',
      'ptbxl-00262',
      'ptbxl-00338',
      'ptbxl-00195',
      'ptbxl-00290',
      'ptbxl-00293',
      'ptbxl-00419',
      'ptbxl-00041',
      'ptbxl-00030',
      'ptbxl-00171',
    ]);
    expect(byId['ptbxl-00293'].diagnosis.scpCodes).toEqual({ NORM: 100, SR: 0 });
    expect(byId['ptbxl-00419'].diagnosis.scpCodes).toEqual({ NORM: 100, SR: 0 });
    expect(byId['ptbxl-00041'].diagnosis.scpCodes).toEqual({ LAFB: 100, SR: 0 });
    expect(byId['ptbxl-00030'].diagnosis.scpCodes).toEqual({ LVH: 100, SR: 0 });
    expect(byId['ptbxl-00171'].diagnosis.scpCodes).toEqual({ ISCIL: 100, SR: 0 });
    expect(byId['ptbxl-00262'].diagnosis.scpCodes).toEqual({ NORM: 100, SR: 0 });
    expect(byId['ptbxl-00338'].diagnosis.scpCodes).toEqual({ CLBBB: 100, SR: 0 });
    expect(byId['ptbxl-00195'].diagnosis.scpCodes).toEqual({ CRBBB: 100, SR: 0 });
    expect(byId['ptbxl-00290'].diagnosis.scpCodes).toEqual({ IMI: 100, SR: 0 });
    for (const c of manifest.cases) {
      expect(c.id, c.id).toBe(`ptbxl-${String(c.source.ecgId).padStart(5, '0')}`);
      expect(c.files, c.id).toEqual([`${c.record}.hea`, `${c.record}.dat`]);
      expect(c.diagnosis.report, c.id).toBeTruthy();
      expect(
        c.diagnosis.statements.map((s) => s.code),
        c.id,
      ).toEqual(Object.keys(c.diagnosis.scpCodes ?? {}));
      expect(c.license, c.id).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
      expect(c.credit, c.id).toMatch(/Wagner P.*PTB-XL.*1\.0\.3/);
      expect(c.source.url, c.id).toBe('https://doi.org/10.13026/kfzx-aw45');
    }
  });

  it('keeps the bundled records small: 10 s at 500 Hz, under 1.5 MB in all (10 records of 120 kB)', () => {
    let total = 0;
    for (const c of manifest.cases) {
      expect(c.source.samplingHz, c.id).toBe(500);
      expect(c.source.durationS, c.id).toBe(10);
      for (const f of c.files) total += statSync(new URL(`${c.id}/${f}`, PUBLIC_CASES)).size;
    }
    expect(total).toBeLessThan(1_500_000);
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
    expect(failure(() => parseManifest(dup)).detail.field).toBe(`cases[${dup.cases.length - 1}].id`);
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
