import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../case/manifest';
import { buildStudy, draftFromEntry, labelOfEntry, moveItem } from './studyBuilder';
import { parseStudyText, toJsonText } from './studyFiles';

const manifest = parseManifest(JSON.parse(readFileSync('public/cases/manifest.json', 'utf8')));

describe('building a study', () => {
  it('labels the bundled cases by the PTB-XL rule: normal iff NORM is the only diagnosis', () => {
    const labels = Object.fromEntries(manifest.cases.map((c) => [c.id, labelOfEntry(c)]));
    expect(labels).toMatchObject({
      'ptbxl-00262': 'normal',
      'ptbxl-00293': 'normal',
      'ptbxl-00419': 'normal',
      'ptbxl-00285': 'abnormal',
      'ptbxl-00030': 'abnormal',
      'ptbxl-00171': 'abnormal',
    });
  });

  it('gives cases opaque ids in the chosen order and a file that reads back identically', () => {
    const drafts = moveItem(manifest.cases.slice(0, 3).map(draftFromEntry), 2, -1);
    const study = buildStudy({
      title: ' Pilot ',
      modalityOrder: 'free',
      cases: drafts,
      id: 's1',
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(study.cases.map((c) => [c.id, c.source])).toEqual([
      ['case-01', { kind: 'bundled', caseId: 'ptbxl-00285' }],
      ['case-02', { kind: 'bundled', caseId: 'ptbxl-00338' }],
      ['case-03', { kind: 'bundled', caseId: 'ptbxl-00262' }],
    ]);
    expect(study.title).toBe('Pilot');
    expect(parseStudyText(toJsonText(study))).toEqual(study);
  });

  it('refuses an empty study', () => {
    expect(() => buildStudy({ title: 'x', modalityOrder: 'free', cases: [] })).toThrow(/at least one case/);
  });
});
