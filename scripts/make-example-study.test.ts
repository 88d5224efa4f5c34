import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnnotationsText, parseStudyText } from '../src/app/study/studyFiles';
import { EXAMPLE_DIR, makeExampleStudy } from './make-example-study';

describe('the shipped example study', () => {
  const files = makeExampleStudy();
  it('is what the documented rule gives (regenerate with npx tsx scripts/make-example-study.ts)', () => {
    for (const [name, text] of Object.entries(files))
      expect(readFileSync(join(EXAMPLE_DIR, name), 'utf8'), name).toBe(text);
  });
  it('has 10 cases, 3 normal and 7 abnormal, and two made-up annotators who marked every case in both modalities', () => {
    const study = parseStudyText(files['study.json']);
    expect(study.example).toBe(true);
    expect(study.cases).toHaveLength(10);
    expect(study.cases.filter((c) => c.label === 'normal')).toHaveLength(3);
    for (const name of ['annotations-made-up-a.json', 'annotations-made-up-b.json']) {
      const a = parseAnnotationsText(files[name], study);
      expect(a.expert.madeUp, name).toBe(true);
      expect(a.cases.map((c) => c.caseId)).toEqual(study.cases.map((c) => c.id));
      for (const c of a.cases)
        expect(new Set(c.segments.map((s) => s.modality)), `${name} ${c.caseId}`).toEqual(
          new Set(['12-lead', 'cinecg']),
        );
    }
  });
  it('annotator A marks the whole QRS of the LAFB case (case-01) in its largest leads; B marks its terminal half', () => {
    const study = parseStudyText(files['study.json']);
    const a = parseAnnotationsText(files['annotations-made-up-a.json'], study).cases[0];
    const b = parseAnnotationsText(files['annotations-made-up-b.json'], study).cases[0];
    const qrsA = a.segments.find((s) => s.modality === 'cinecg')!;
    expect(qrsA.startMs).toBe(0);
    expect(qrsA.endMs).toBeGreaterThan(60); // QRS offset of a real beat: 60–150 ms
    expect(qrsA.endMs).toBeLessThan(150);
    expect(b.segments.find((s) => s.modality === 'cinecg')!.startMs).toBeCloseTo(qrsA.endMs / 2, 6);
  });
});
