import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../src/test-support/data';
import { snomedLabel } from './labels';
import { listSources, type SourceRecord } from './sources';
import { assignSplits, ptbxlFoldSplit } from './split';

const ecgIdOf = (id: string) => (/^(?:ptbxl|ptbxl-z|ptbxl-z250):(\d+)$/.exec(id) ?? /^cinc:HR0*(\d+)$/.exec(id))?.[1];

describe('split rules', () => {
  it('PTB-XL folds 1–7 train, 8 validation, 9 test; fold 10 has no split', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(ptbxlFoldSplit)).toEqual([
      'train',
      'train',
      'train',
      'train',
      'train',
      'train',
      'train',
      'val',
      'test',
    ]);
    expect(() => ptbxlFoldSplit(10)).toThrow(/strat_fold 10/);
  });
  it('refuses a patient in two splits, naming both records', () => {
    const rec = (id: string, fold: number): SourceRecord => ({
      id,
      source: 'ptbxl',
      label: 'normal',
      patient: 'ptbxl-patient:7',
      stratFold: fold,
      units: 'mV',
      signals: () => ({ zscored: [], detectOn: [] }),
    });
    expect(() => assignSplits([rec('ptbxl:1', 2), rec('ptbxl-z:2', 9)], 1)).toThrow(
      /ptbxl-patient:7 spans splits: ptbxl:1 in train, ptbxl-z:2 in test/,
    );
    expect(assignSplits([rec('ptbxl:1', 2), rec('ptbxl-z:2', 3)], 1).get('ptbxl-z:2')).toBe('train');
  });
  it('Challenge records outside PTB-XL: sinus-only is not trusted as normal, abnormal codes are', () => {
    expect(snomedLabel(['426783006'], { trustNormal: false })).toMatchObject({
      label: null,
      reason: expect.stringContaining('not trusted'),
    });
    expect(snomedLabel(['426783006', '164909002'], { trustNormal: false })).toEqual({ label: 'abnormal' });
  });
});

describe('sources on the real data', () => {
  const dir = sharedDataDir('dataset sources (ptbxl-zscored-250, cinc2021-more, folds 1-9 table)');
  let listing: ReturnType<typeof listSources> | undefined;
  const sources = () => (listing ??= listSources(dir!)); // reading the 19,632-row table once
  it.skipIf(!dir)(
    'each PTB-XL ecg_id is used once (mV copy preferred), HR* get PTB-XL labels and folds, no patient spans splits',
    () => {
      const { records, excluded } = sources();
      const ids = records.map((r) => ecgIdOf(r.id)).filter((x) => x !== undefined);
      expect(new Set(ids).size).toBe(ids.length);
      expect(records.filter((r) => r.source === 'ptbxl-zscored-250').length).toBeGreaterThan(1200);
      // ecg_id 103 is both raw WFDB and a z-scored array: the raw (mV) one is kept.
      expect(records.find((r) => ecgIdOf(r.id) === '103')?.id).toBe('ptbxl:103');
      expect(excluded).toContainEqual({ id: 'ptbxl-z:103', reason: expect.stringContaining('duplicate of ptbxl:103') });
      const hr = records.filter((r) => r.id.startsWith('cinc:HR'));
      expect(hr.length).toBeGreaterThan(20);
      for (const r of hr)
        (expect(r.patient).toMatch(/^ptbxl-patient:\d+$/), expect(r.stratFold).toBeGreaterThanOrEqual(1));
      // Challenge records outside PTB-XL are never "normal" (only their abnormal labels are trusted).
      expect(records.filter((r) => r.source === 'cinc' && !r.id.startsWith('cinc:HR') && r.label === 'normal')).toEqual(
        [],
      );
      const splits = assignSplits(records, 20261124); // throws if a patient spans splits
      expect(records.filter((r) => r.stratFold === 9).every((r) => splits.get(r.id) === 'test')).toBe(true);
    },
  );
  it.skipIf(!dir)('a 250 Hz float16 z-scored array comes back at 500 Hz, still z-scored per lead', () => {
    const r = sources().records.find((x) => x.source === 'ptbxl-zscored-250')!;
    const { zscored } = r.signals();
    expect(zscored).toHaveLength(12);
    for (const lead of zscored) {
      expect(lead.length).toBe(5000);
      const mean = lead.reduce((s, v) => s + v, 0) / lead.length;
      const sd = Math.sqrt(lead.reduce((s, v) => s + (v - mean) ** 2, 0) / lead.length);
      expect(Math.abs(mean)).toBeLessThan(0.02);
      expect(sd).toBeGreaterThan(0.95);
      expect(sd).toBeLessThan(1.05);
    }
  });
});
