import { describe, expect, it } from 'vitest';
import { complex } from './complex';
import fixture from './fixtures/zpk2sos.json';
import { zpk2sos } from './zpk2sos';

describe('zpk2sos (scipy nearest pairing)', () => {
  it.each(fixture.cases.map((c, i) => [i, c] as const))(
    'case %i gives scipy.signal.zpk2sos sections in scipy order',
    (_, c) => {
      const sos = zpk2sos(
        c.z.map(([re, im]) => complex(re, im)),
        c.p.map(([re, im]) => complex(re, im)),
        c.k,
      );
      expect(sos.length).toBe(c.sos.length);
      sos.forEach((s, i) => s.forEach((v, j) => expect(v).toBeCloseTo(c.sos[i][j], 14)));
    },
  );

  it('refuses a complex zero without its conjugate', () => {
    expect(() => zpk2sos([complex(0.5, 0.5)], [complex(0.1), complex(0.2)], 1)).toThrow(/conjugate/);
  });
});
