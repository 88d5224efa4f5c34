import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvalError } from './eval-error';
import { applyProtocol, segmentsToMask } from './protocol';
import { annotationsToCsv, csvToAnnotations, parseAnnotations, parseStudy } from './study-parse';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const studyText = fixture('tiny-study.json');
const annText = fixture('tiny-annotations-a.json');

/** The error a parse throws, so tests can check code, field and message together. */
function errorOf(run: () => unknown): EvalError {
  try {
    run();
  } catch (e) {
    if (e instanceof EvalError) return e;
    throw e;
  }
  throw new Error('expected an EvalError, nothing was thrown');
}

describe('parseStudy', () => {
  it('reads the fixture study with its optional fields', () => {
    const s = parseStudy(studyText);
    expect(s.id).toBe('tiny');
    expect(s.cases.map((c) => [c.id, c.label, c.diagnosis])).toEqual([
      ['c1', 'abnormal', 'LAFB'],
      ['c2', 'normal', 'NORM'],
    ]);
    expect(s.cases[0].source).toEqual({ kind: 'bundled', caseId: 'ptbxl-00285' });
    expect(s.example).toBe(true);
  });
  it('names the problem: corrupt JSON, another format, another version, a wrong type, a duplicate id', () => {
    expect(errorOf(() => parseStudy('{"format": "cineecg-study", ')).code).toBe('bad-json');
    expect(errorOf(() => parseStudy({ ...JSON.parse(studyText), format: 'cineecg-annotations' })).message).toContain(
      'format should be "cineecg-study"',
    );
    const v = errorOf(() => parseStudy({ ...JSON.parse(studyText), version: 2 }));
    expect([v.code, v.field]).toEqual(['unsupported-version', 'version']);
    expect(v.message).toContain('version 2');
    const s = JSON.parse(studyText);
    s.cases[1].label = 'sick';
    const e = errorOf(() => parseStudy(s));
    expect(e.field).toBe('cases[1].label');
    expect(e.message).toContain('"normal", "abnormal"');
    const d = JSON.parse(studyText);
    d.cases[1].id = 'c1';
    expect(errorOf(() => parseStudy(d)).message).toContain('"c1" appears twice');
    const b = JSON.parse(studyText);
    b.cases[0].source = { kind: 'embedded', files: [{ name: 'x.csv', base64: 'not base64!' }] };
    expect(errorOf(() => parseStudy(b)).field).toBe('cases[0].source.files[0].base64');
  });
});

describe('parseAnnotations', () => {
  const study = parseStudy(studyText);
  it('reads the fixture, checked against its study', () => {
    const a = parseAnnotations(annText, study);
    expect(a.expert).toEqual({ id: 'a', name: 'Annotator A (made up)', madeUp: true });
    expect(a.cases[0].segments[2]).toEqual({
      id: 's3',
      modality: 'cinecg',
      lead: 'trajectory',
      startMs: 10,
      endMs: 30,
      point: true,
    });
    expect(a.cases[1].modalitiesDone).toEqual(['cinecg', '12-lead']);
  });
  /* eslint-disable @typescript-eslint/no-explicit-any -- each row spoils a parsed study object in place */
  it.each([
    [
      'a segment outside the window',
      (o: any) => (o.cases[0].segments[0].endMs = 401),
      'cases[0].segments[0].endMs',
      'outside the 0–400 ms window',
    ],
    ['a negative start', (o: any) => (o.cases[0].segments[1].startMs = -5), 'cases[0].segments[1].startMs', 'outside'],
    [
      'end ≤ start',
      (o: any) => (o.cases[1].segments[0].endMs = 0),
      'cases[1].segments[0].endMs',
      'at or before it starts',
    ],
    [
      'a string for a number',
      (o: any) => (o.cases[0].segments[0].startMs = '20'),
      'cases[0].segments[0].startMs',
      'a number of ms',
    ],
    [
      'a lead of the other modality',
      (o: any) => (o.cases[0].segments[2].lead = 'V1'),
      'cases[0].segments[2].lead',
      '"trajectory"',
    ],
    ['an unknown case', (o: any) => (o.cases[1].caseId = 'c9'), 'cases[1].caseId', 'not in study "tiny"'],
    ['another study', (o: any) => (o.studyId = 'other'), 'studyId', 'belong to study "other"'],
    ['a missing expert', (o: any) => delete o.expert, 'expert', 'expected an object'],
    /* eslint-enable @typescript-eslint/no-explicit-any */
  ])('refuses %s, naming the field', (_what, spoil, field, text) => {
    const o = JSON.parse(annText);
    spoil(o);
    const e = errorOf(() => parseAnnotations(o, study));
    expect(e.field).toBe(field);
    expect(e.message).toContain(text);
  });
  it('refuses another version without looking further', () => {
    expect(errorOf(() => parseAnnotations({ ...JSON.parse(annText), version: 0 })).code).toBe('unsupported-version');
    expect(errorOf(() => parseAnnotations('[1, 2]')).message).toContain('must be a JSON object, got an array');
  });
});

describe('annotations ↔ CSV', () => {
  it('one row per segment with quoting; CSV → annotations gives the same segments back', () => {
    const a = parseAnnotations(annText);
    const b = parseAnnotations(fixture('tiny-annotations-b.json'));
    const csv = annotationsToCsv([a, b]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('case,expert,modality,lead,start_ms,end_ms');
    expect(lines[1]).toBe('c1,a,12-lead,aVL,20,100');
    expect(lines).toHaveLength(1 + 5 + 2);
    const back = csvToAnnotations(csv, { studyId: 'tiny', study: parseStudy(studyText) });
    expect(back.map((f) => f.expert.id)).toEqual(['a', 'b']);
    const strip = (f: typeof a) =>
      f.cases
        .filter((c) => c.segments.length)
        .map((c) => [
          c.caseId,
          c.segments.map(({ modality, lead, startMs, endMs }) => [modality, lead, startMs, endMs]),
        ]);
    expect(strip(back[0])).toEqual(strip(a));
    expect(strip(back[1])).toEqual(strip(b));
  });
  it('quotes fields with commas and quotes and reads them back', () => {
    const a = parseAnnotations(annText);
    a.cases[0].caseId = 'c,"1"';
    const csv = annotationsToCsv(a);
    expect(csv).toContain('"c,""1""",a,12-lead');
    expect(csvToAnnotations(csv, { studyId: 'tiny' })[0].cases[0].caseId).toBe('c,"1"');
  });
  it('a wrong header or a bad number is an error naming it', () => {
    expect(errorOf(() => csvToAnnotations('case,who\nc1,a\n', { studyId: 'tiny' })).field).toBe('header');
    const e = errorOf(() =>
      csvToAnnotations('case,expert,modality,lead,start_ms,end_ms\nc1,a,12-lead,I,x,20\n', { studyId: 'tiny' }),
    );
    expect([e.field, e.message]).toEqual(['row 2', 'row 2: start_ms must be a number, got "x"']);
    expect(
      errorOf(() =>
        csvToAnnotations('case,expert,modality,lead,start_ms,end_ms\nc1,a,12-lead,I,30,20\n', { studyId: 'tiny' }),
      ).message,
    ).toContain('at or before');
  });
});

describe('applyProtocol (paper 3.5)', () => {
  it('a click becomes ±10 ms, clipped to the window', () => {
    expect(applyProtocol({ startMs: 200, endMs: 200 })).toEqual({ startMs: 190, endMs: 210 });
    expect(applyProtocol({ startMs: 60, endMs: 64, point: true })).toEqual({ startMs: 52, endMs: 72, point: true });
    expect(applyProtocol({ startMs: 5, endMs: 5 })).toEqual({ startMs: 0, endMs: 15 });
    expect(applyProtocol({ startMs: 400, endMs: 400 })).toEqual({ startMs: 390, endMs: 400 });
  });
  it('a short drag is widened about its centre to 25 ms in the QRS region, 50 ms after; long drags are kept', () => {
    expect(applyProtocol({ startMs: 40, endMs: 50 })).toEqual({ startMs: 32.5, endMs: 57.5 });
    expect(applyProtocol({ startMs: 210, endMs: 200 })).toEqual({ startMs: 180, endMs: 230 });
    expect(applyProtocol({ startMs: 140, endMs: 170 })).toEqual({ startMs: 130, endMs: 180 }); // centre 155: rest window
    expect(applyProtocol({ startMs: 130, endMs: 160 })).toEqual({ startMs: 130, endMs: 160 }); // centre 145: 30 ≥ 25
    expect(applyProtocol({ startMs: 390, endMs: 398 })).toEqual({ startMs: 369, endMs: 400 });
    expect(applyProtocol({ startMs: 100, endMs: 300 })).toEqual({ startMs: 100, endMs: 300 });
    // A whole segment keeps its other fields.
    expect(applyProtocol({ id: 's1', modality: '12-lead', lead: 'V2', startMs: 300, endMs: 310 })).toEqual({
      id: 's1',
      modality: '12-lead',
      lead: 'V2',
      startMs: 280,
      endMs: 330,
    });
  });
});

describe('segmentsToMask', () => {
  it('sample t is marked when start ≤ 2t < end, per lead', () => {
    const [i, v1, none] = segmentsToMask(
      [
        { lead: 'I', startMs: 3, endMs: 10 },
        { lead: 'V1', startMs: 396, endMs: 400 },
        { lead: 'I', startMs: 8, endMs: 9 },
      ],
      ['I', 'V1', 'V6'],
    );
    expect([...i.keys()].filter((t) => i[t])).toEqual([2, 3, 4]); // 4, 6, 8 ms
    expect([...v1.keys()].filter((t) => v1[t])).toEqual([198, 199]);
    expect(none.every((v) => v === 0)).toBe(true);
    expect(i).toHaveLength(200);
  });
});
