import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';

/** The split the app shows for each demo case must be the one the model was trained with. */
describe('demo cases and the model split', () => {
  it('manifest modelSplit matches models/split.json', () => {
    const manifest = parseManifest(JSON.parse(readFileSync('public/cases/manifest.json', 'utf8')));
    const split = JSON.parse(readFileSync('models/split.json', 'utf8')) as Record<'train' | 'val' | 'test', string[]>;
    for (const c of manifest.cases) {
      const key = `ptbxl:${c.source.ecgId}`;
      const actual = (['train', 'val', 'test'] as const).find((k) => split[k].includes(key)) ?? 'none';
      expect(c.modelSplit, c.id).toBe(actual);
    }
  });
});
