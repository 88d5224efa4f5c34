import { describe, expect, it } from 'vitest';
import type { AnnotationFile } from '../../core/eval/study-format';
import { annotationsToCsv, parseAnnotationsText, parseStudyText, StudyFileError, toJsonText } from './studyFiles';
import { testStudy } from './testing/studyFixture';

const file: AnnotationFile = {
  format: 'cineecg-annotations',
  version: 1,
  studyId: 'study-test',
  expert: { id: 'e1', name: 'Dr “One”, MD' },
  cases: [
    {
      caseId: 'case-01',
      segments: [
        { id: 'a', modality: '12-lead', lead: 'aVL', startMs: 32.5, endMs: 57.5 },
        { id: 'b', modality: 'cinecg', lead: 'trajectory', startMs: 190, endMs: 210, point: true },
      ],
      diagnosis: 'LAFB',
      comments: 'qR in aVL, "left axis"',
      modalitiesDone: ['12-lead', 'cinecg'],
      updatedAt: '2026-12-01T03:00:00.000Z',
    },
  ],
};

const err = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StudyFileError);
    return (e as Error).message;
  }
  throw new Error('expected a StudyFileError');
};

describe('study and annotation files', () => {
  it('JSON export → import round-trips exactly', () => {
    const text = toJsonText(file);
    expect(parseAnnotationsText(text, testStudy())).toEqual(file);
    expect(toJsonText(parseAnnotationsText(text, testStudy()))).toBe(text);
    expect(parseStudyText(toJsonText(testStudy()))).toEqual(testStudy());
  });

  it('CSV: one row per segment with case, expert, modality, lead, start and end ms', () => {
    expect(annotationsToCsv([file])).toBe(
      'case,expert,modality,lead,start_ms,end_ms\ncase-01,e1,12-lead,aVL,32.5,57.5\ncase-01,e1,cinecg,trajectory,190,210\n',
    );
  });

  it('says clearly what is wrong with a corrupt file, another version or another kind of file', () => {
    expect(err(() => parseAnnotationsText('{"format": "cineecg-annot', testStudy()))).toMatch(
      /^Annotation file: the annotation file is not valid JSON/,
    );
    expect(err(() => parseAnnotationsText(JSON.stringify({ ...file, version: 2 }), testStudy()))).toBe(
      'Annotation file: version: annotation file version 2 is not supported (this app reads version 1)',
    );
    expect(err(() => parseAnnotationsText(toJsonText(testStudy()), testStudy()))).toMatch(
      /this is not a annotation file \(format should be "cineecg-annotations"/,
    );
    expect(err(() => parseStudyText(toJsonText(file)))).toMatch(/^Study file: format: this is not a study file/);
    expect(err(() => parseAnnotationsText(JSON.stringify({ ...file, studyId: 'other' }), testStudy()))).toMatch(
      /belong to study "other", not to "study-test"/,
    );
  });

  it('refuses segments the masks could not use', () => {
    const bad = (patch: object) =>
      JSON.stringify({
        ...file,
        cases: [{ ...file.cases[0], segments: [{ ...file.cases[0].segments[0], ...patch }] }],
      });
    expect(err(() => parseAnnotationsText(bad({ lead: 'trajectory' })))).toMatch(
      /cases\[0\]\.segments\[0\]\.lead: expected one of "I", "II"/,
    );
    expect(err(() => parseAnnotationsText(bad({ endMs: 450 })))).toMatch(/450 ms lies outside the 0–400 ms window/);
    expect(
      err(() =>
        parseAnnotationsText(
          JSON.stringify({ ...file, cases: [{ ...file.cases[0], caseId: 'case-99' }] }),
          testStudy(),
        ),
      ),
    ).toMatch(/case "case-99" is not in study "study-test"/);
  });

  it('refuses a study without cases or with repeated case ids', () => {
    expect(err(() => parseStudyText(JSON.stringify({ ...testStudy(), cases: [] })))).toMatch(
      /a study needs at least one case/,
    );
    const s = testStudy();
    expect(err(() => parseStudyText(JSON.stringify({ ...s, cases: [s.cases[0], s.cases[0]] })))).toMatch(
      /case id "case-01" appears twice/,
    );
  });
});
