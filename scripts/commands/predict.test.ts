import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, sharedDataDir } from '../../src/test-support/data';
import { predictRecords } from './predict';

async function run(paths: string[]) {
  const lines: Record<string, unknown>[] = [];
  const failures = await predictRecords(paths, 'models/ecg12/model.json', 'wasm', (l) => lines.push(JSON.parse(l)));
  return { lines, failures };
}

describe('cli predict', () => {
  it('one line per record; a broken record gets an error line and the others still run', async () => {
    const { lines, failures } = await run([
      join(FIXTURES, 'ptbxl/00285_hr.hea'),
      join(FIXTURES, 'ptbxl/missing.hea'),
      join(FIXTURES, 'cinc/E07500'),
      join(FIXTURES, 'ptbdb/s0010_re.hea'),
    ]);
    expect(lines).toHaveLength(4);
    expect(failures).toBe(1);
    expect(lines[1]).toMatchObject({ record: expect.stringContaining('missing.hea'), error: { code: 'missing-file' } });
    for (const k of [0, 2, 3]) {
      const l = lines[k] as { pAbnormal: number; label: string; windowStartMs: number };
      expect(l.pAbnormal).toBeGreaterThanOrEqual(0);
      expect(l.pAbnormal).toBeLessThanOrEqual(1);
      expect(l.label).toBe(l.pAbnormal >= 0.5 ? 'abnormal' : 'normal');
    }
    expect(lines[0]).toMatchObject({ windowStartMs: 3472 }); // the window `cli inspect` reports for this record
  });

  const root = sharedDataDir('cli predict on every shared record');
  it.skipIf(!root)('predicts every record in ../shared/data', async () => {
    const folders = ['ptbxl/records500/00000', 'ptbxl/records100/00000', 'ludb/data', 'cinc/cinc2021', 'cinc/chapman', 'ptbdb'];
    const paths = folders.flatMap((f) => readdirSync(join(root!, f)).filter((n) => n.endsWith('.hea')).map((n) => join(root!, f, n)));
    const { lines, failures } = await run(paths);
    expect(failures).toBe(0);
    expect(lines).toHaveLength(685);
  });
});
