import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cineSignal } from '../../src/core/cine/cine-signal';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { predictWindows } from '../../src/core/model/predict';
import { FIXTURES, sharedDataDir } from '../../src/test-support/data';
import { loadModelFile } from '../lib/model-files';
import { readRecordFiles } from '../lib/record-files';
import { inputForModel, predictRecords } from './predict';

async function run(paths: string[], model = 'models/ecg12/model.json') {
  const lines: Record<string, unknown>[] = [];
  const failures = await predictRecords(paths, model, 'wasm', (l) => lines.push(JSON.parse(l)));
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

  it('the CineECG model (3 channels) predicts from the trajectory of the same window as the 12-lead model', async () => {
    const paths = [join(FIXTURES, 'ptbxl/00285_hr.hea'), join(FIXTURES, 'cinc/E07500'), join(FIXTURES, 'ludb/1.hea')];
    const ecg = await run(paths);
    const cine = await run(paths, 'models/cine3/model.json');
    expect(cine.failures).toBe(0);
    expect(cine.lines).toHaveLength(3);
    for (let k = 0; k < 3; k++) {
      const l = cine.lines[k] as { pAbnormal: number; label: string; windowStartMs: number };
      expect(l.pAbnormal).toBeGreaterThanOrEqual(0);
      expect(l.pAbnormal).toBeLessThanOrEqual(1);
      expect(l.label).toBe(l.pAbnormal >= 0.5 ? 'abnormal' : 'normal');
      expect(l.windowStartMs).toBe((ecg.lines[k] as { windowStartMs: number }).windowStartMs);
    }
    expect(cine.lines[0]).toMatchObject({ windowStartMs: 3472 });
    // The input really is cineSignal of that window: the same probability by hand.
    const { model } = await loadModelFile('models/cine3/model.json');
    const p = prepareEcg(loadRecord(readRecordFiles(paths[0])));
    expect(inputForModel(model, p)).toEqual(cineSignal(p));
    expect(inputForModel(model, p, 'models/cine3/model.json')).toEqual(cineSignal(p)); // by meta.json's input kind
    expect(predictWindows(model, [cineSignal(p)])[0].pAbnormal).toBeCloseTo(
      (cine.lines[0] as { pAbnormal: number }).pAbnormal,
      6,
    );
    model.dispose();
  });

  const root = sharedDataDir('cli predict on every shared record');
  it.skipIf(!root)('predicts every record in ../shared/data', async () => {
    const folders = [
      'ptbxl/records500/00000',
      'ptbxl/records100/00000',
      'ludb/data',
      'cinc/cinc2021',
      'cinc/chapman',
      'ptbdb',
    ];
    const paths = folders.flatMap((f) =>
      readdirSync(join(root!, f))
        .filter((n) => n.endsWith('.hea'))
        .map((n) => join(root!, f, n)),
    );
    const { lines, failures } = await run(paths);
    expect(failures).toBe(0);
    expect(lines).toHaveLength(685);
  });
});
