import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../test-support/data';
import { nameDiagnoses, SNOMED_NAMES, snomedName } from './snomed';

describe('Challenge diagnoses by name', () => {
  it('names known codes and keeps unknown ones visible', () => {
    expect(snomedName('445118002')).toBe('left anterior fascicular block');
    expect(snomedName('1')).toBe('SNOMED CT 1');
    expect(nameDiagnoses('Dx: 426783006,445118002')).toBe(
      'Dx: sinus rhythm, left anterior fascicular block (SNOMED CT 426783006, 445118002)',
    );
    expect(nameDiagnoses('Age: 56')).toBe('Age: 56');
  });
});

const data = sharedDataDir('snomed.test: every Dx code in the Challenge headers has a name');
describe.skipIf(!data)('the Challenge headers in ../shared/data', () => {
  it('carry only codes the table names', () => {
    const codes = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.hea')) {
          for (const line of readFileSync(p, 'utf8').split('\n')) {
            const m = /^#\s*Dx:\s*(.+)$/.exec(line.trim());
            if (m)
              m[1]
                .split(',')
                .map((c) => c.trim())
                .filter(Boolean)
                .forEach((c) => codes.add(c));
          }
        }
      }
    };
    walk(path.join(data!, 'cinc'));
    expect(codes.size).toBeGreaterThan(20);
    const unnamed = [...codes].filter((c) => !(c in SNOMED_NAMES));
    // Codes whose Challenge name we could not confirm are shown as "SNOMED CT <code>"; list them so the table can grow.
    expect(unnamed.length, `unnamed: ${unnamed.join(', ')}`).toBeLessThanOrEqual(5);
  });
});
