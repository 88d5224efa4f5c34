import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../src/test-support/data';
import { loadParsers, loadRecordAt } from '../lib/record-files';
import { convertRecord } from './convert';
import { cineRecord, parseCineArgs } from './cine';
import { inspectRecord } from './inspect';

const root = sharedDataDir('cli inspect/predict/cine on the clinical-format samples and a .npy');
const f = (rel: string) => join(root!, 'formats', rel);
const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/cli.ts', ...args], { encoding: 'utf8' });

const EXPECTED: [string, string, number, number][] = [
  ['dicom/waveform_ecg.dcm', 'dicom', 1000, 10],
  ['dicom/ecgtoolkit_Example.dcm', 'dicom', 500, 10],
  ['scp-ecg/ecgtoolkit_Example.scp', 'scp-ecg', 500, 10],
  ['hl7-aecg/HL7_Example_aECG.xml', 'hl7-aecg', 500, 10],
  ['ge-muse/braveheart_example1.xml', 'ge-muse', 500, 10],
  ['ge-muse/braveheart_example2.xml', 'ge-muse', 500, 10],
  ['ge-muse/braveheart_example3.xml', 'ge-muse', 500, 10],
  ['philips/sierra_1-03_129DYPRG.xml', 'philips-xml', 500, 11],
  ['philips/sierra_1-04_ad4d3d80-d165.xml', 'philips-xml', 500, 11],
  ['philips/sierra_1-04_3191723_ZZDEMOPTONLY.xml', 'philips-xml', 500, 11],
];

describe.skipIf(!root)('the CLI commands take every clinical format and .npy', () => {
  beforeAll(() => loadParsers());

  it('inspect (the function the CLI prints): rate, duration, 12 leads in mV, a window, the device report', () => {
    for (const [rel, format, fs, seconds] of EXPECTED) {
      const out = inspectRecord(f(rel));
      expect(out, rel).toMatchObject({
        format,
        sourceFsHz: fs,
        fsHz: 500,
        durationS: seconds,
        units: 'mV',
        windowSamples: 200,
      });
      expect(out.leads, rel).toHaveLength(12);
      expect(out.qrsOnsetsMs, rel).toContain(out.windowStartMs);
      expect(out.device, rel).toBeDefined();
    }
  });

  it('convert: a DICOM file as WFDB and as CSV reads back to the same millivolts and the same model window', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-'));
    const src = f('dicom/waveform_ecg.dcm');
    const original = loadRecordAt(src);
    const wfdb = convertRecord(src, 'wfdb', dir);
    const csv = convertRecord(src, 'csv', dir);
    expect(wfdb.written.map((p) => p.split('/').pop())).toEqual(['waveform_ecg.hea', 'waveform_ecg.dat']);
    for (const back of [loadRecordAt(wfdb.written[0]), loadRecordAt(csv.written[0])]) {
      expect(back.fsHz).toBe(1000);
      for (let l = 0; l < 12; l++)
        for (let n = 0; n < back.nSamples; n += 13)
          expect(Math.abs(back.leadsMv[l][n] - original.leadsMv[l][n])).toBeLessThanOrEqual(0.0005 + 1e-7);
    }
    expect(inspectRecord(wfdb.written[0]).windowStartMs).toBe(inspectRecord(src).windowStartMs);
  });

  it('--fs and --zscored become .npy load options; a non-positive rate is refused', () => {
    expect(parseCineArgs(['x.npy', '--fs', '250', '--zscored'])?.load).toEqual({ npy: { fsHz: 250, zscored: true } });
    expect(parseCineArgs(['x.npy', '--fs', '0'])).toBeNull();
    expect(parseCineArgs(['x.npy', '--fs', 'fast'])).toBeNull();
  });

  it('cine takes a DICOM file like any record', () => {
    const out = cineRecord(parseCineArgs([f('dicom/ecgtoolkit_Example.dcm')])!);
    expect(out.trajectory).toHaveLength(200);
    expect(out.windowStartMs).toBe(inspectRecord(f('scp-ecg/ecgtoolkit_Example.scp')).windowStartMs);
  });

  it('spawned: predict gives identical output for the DICOM, SCP and aECG copies; a z-scored .npy and inspect --fs work', () => {
    const npy = join(root!, 'ptbxl-zscored/arrays/10010.npy');
    const copies = [
      'dicom/ecgtoolkit_Example.dcm',
      'scp-ecg/ecgtoolkit_Example.scp',
      'hl7-aecg/HL7_Example_aECG.xml',
    ].map(f);
    const r = cli('predict', '--zscored', ...copies, npy);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { pAbnormal: number; label: string; windowStartMs: number });
    expect(lines).toHaveLength(4);
    const strip = ({ pAbnormal, label, windowStartMs }: (typeof lines)[0]) => ({ pAbnormal, label, windowStartMs });
    expect(strip(lines[1])).toEqual(strip(lines[0]));
    expect(strip(lines[2])).toEqual(strip(lines[0]));
    expect(lines[3].pAbnormal).toBeGreaterThanOrEqual(0);
    expect(lines[3].pAbnormal).toBeLessThanOrEqual(1);

    const i = cli('inspect', '--fs', '250', '--zscored', npy);
    expect(i.status, i.stderr).toBe(0);
    expect(JSON.parse(i.stdout)).toMatchObject({
      format: 'npy',
      sourceFsHz: 250,
      durationS: 20,
      preprocessed: 'bandpassed-zscored',
    });
    const bad = cli('inspect', join(root!, 'formats/README.md'));
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('unknown-format');
  }, 120_000);
});
