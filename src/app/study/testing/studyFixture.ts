import type { Study } from '../../../core/eval/study-format';

/** A small valid study for tests: three bundled cases, 12-lead first. */
export function testStudy(id = 'study-test'): Study {
  return {
    format: 'cineecg-study',
    version: 1,
    id,
    title: 'Test study',
    createdAt: '2026-12-01T00:00:00.000Z',
    modalityOrder: '12-lead-first',
    cases: [
      {
        id: 'case-01',
        source: { kind: 'bundled', caseId: 'ptbxl-00285' },
        label: 'abnormal',
        diagnosis: 'LAFB',
        title: 'LAFB',
      },
      { id: 'case-02', source: { kind: 'bundled', caseId: 'ptbxl-00262' }, label: 'normal', diagnosis: 'NORM' },
      { id: 'case-03', source: { kind: 'embedded', files: [{ name: 'x.csv', base64: 'SSxJSQoxLDIK' }] } },
    ],
  };
}
