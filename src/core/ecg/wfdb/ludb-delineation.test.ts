import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, sharedDataDir } from '../../../test-support/data';
import { describe, expect, it } from 'vitest';
import { annotationSymbol, readWfdbAnnotations, type WfdbAnnotation } from './annotations';
import { extractWaves, LATE_ONSET_SAMPLES, qrsOnsetsAcrossLeads, type Wave } from './ludb-delineation';

const LEADS = ['i', 'ii', 'iii', 'avr', 'avl', 'avf', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'];
const N_SAMPLES = 5000; // every LUDB record: 10 s at 500 Hz

function leadWaves(dir: string, record: string): Wave[][] {
  return LEADS.map((lead) => {
    const name = `${record}.${lead}`;
    return extractWaves(readWfdbAnnotations(new Uint8Array(readFileSync(join(dir, name))), name));
  });
}

/** Annotations from a compact "(100 N120 )150" string, for hand-made patterns. */
function marks(s: string): WfdbAnnotation[] {
  const codes: Record<string, number> = { '(': 39, ')': 40, N: 1, p: 24, t: 27, u: 29 };
  return s.split(' ').map((tok) => {
    const code = codes[tok[0]];
    return { sample: Number(tok.slice(1)), code, symbol: annotationSymbol(code), subtype: 0, chan: 0, num: 0 };
  });
}
const brief = (ws: Wave[]) =>
  ws.map((w) => `${w.wave}:${w.onsetSample ?? '-'}/${w.peakSample}/${w.offsetSample ?? '-'}`).join(' ');

describe('extractWaves on record 1 (fixture)', () => {
  const dir = join(FIXTURES, 'ludb');
  const perLead = leadWaves(dir, '1');

  it('matches the hand-decoded start of lead I', () => {
    // Same bytes as in annotations.test.ts: ( 641 N 664 ) 690, ( 773 t 840 ) 887, ( 1252 p 1282 ) 1301.
    expect(perLead[0].slice(0, 3)).toEqual([
      { wave: 'QRS', onsetSample: 641, peakSample: 664, offsetSample: 690 },
      { wave: 'T', onsetSample: 773, peakSample: 840, offsetSample: 887 },
      { wave: 'P', onsetSample: 1252, peakSample: 1282, offsetSample: 1301 },
    ]);
  });

  it('gives every wave onset < peak < offset inside the record', () => {
    for (const waves of perLead) {
      expect(waves).toHaveLength(16); // 48 marks per file = 16 complete waves
      for (const w of waves) {
        expect(
          0 <= w.onsetSample! &&
            w.onsetSample! < w.peakSample &&
            w.peakSample < w.offsetSample! &&
            w.offsetSample! < N_SAMPLES,
        ).toBe(true);
      }
    }
  });

  it('finds the same 6 QRS complexes in all 12 leads', () => {
    expect(perLead.map((ws) => ws.filter((w) => w.wave === 'QRS').length)).toEqual(Array(12).fill(6));
    const beats = qrsOnsetsAcrossLeads(perLead);
    expect(beats).toHaveLength(6);
    for (const b of beats) {
      expect(b.onsetByLead.every((x) => x !== undefined)).toBe(true);
      expect(b.earliestOnsetSample).toBe(Math.min(...(b.onsetByLead as number[])));
      expect(b.earliestOnsetSample!).toBeLessThanOrEqual(b.medianOnsetSample!);
    }
    expect(beats[0].onsetByLead[0]).toBe(641); // lead I, hand-decoded
  });
});

describe('extractWaves on irregular LUDB patterns', () => {
  it('reads the plain pattern', () => {
    expect(brief(extractWaves(marks('(100 N120 )150 (200 t250 )300')))).toBe('QRS:100/120/150 T:200/250/300');
  });
  it('leaves the onset out when there is no "(" (paced and QS complexes)', () => {
    expect(brief(extractWaves(marks('N785 )866 (908 t967 )1024')))).toBe('QRS:-/785/866 T:908/967/1024');
  });
  it('takes a "(" just after the peak as that wave\'s onset (record 7 V2: N 1469 ( 1470 ) 1502)', () => {
    expect(brief(extractWaves(marks('N1469 (1470 )1502')))).toBe('QRS:1470/1469/1502');
    // Further away it is the next wave's onset, and the peak lost its offset.
    expect(brief(extractWaves(marks(`N100 (${101 + LATE_ONSET_SAMPLES} t150 )200`)))).toBe(
      `QRS:-/100/- T:${101 + LATE_ONSET_SAMPLES}/150/200`,
    );
  });
  it('drops an onset/offset pair without a peak (record 8 V5: ( 1066 ) 1138)', () => {
    expect(brief(extractWaves(marks('(749 t798 )841 (1066 )1138 (1156 t1214 )1266')))).toBe(
      'T:749/798/841 T:1156/1214/1266',
    );
  });
  it('closes a wave that never gets its ")" when the next one starts (record 116 V4)', () => {
    expect(brief(extractWaves(marks('(3037 t3088 (3133 p3202 )3220')))).toBe('T:3037/3088/- P:3133/3202/3220');
    expect(brief(extractWaves(marks('(4398 )4461 N4464')))).toBe('QRS:-/4464/-');
  });
  it('pairs stacked duplicate marks first to first (record 116 V2)', () => {
    expect(brief(extractWaves(marks('(373 (394 t422 t425 )457 )461')))).toBe('T:373/422/457 T:394/425/461');
  });
  it('ignores marks that are not P, QRS or T', () => {
    expect(brief(extractWaves(marks('(100 N120 )150 u400')))).toBe('QRS:100/120/150');
  });
});

describe('qrsOnsetsAcrossLeads', () => {
  const qrs = (onsetSample: number | undefined, peakSample: number): Wave => ({ wave: 'QRS', onsetSample, peakSample });

  it('chains peaks of one beat, one QRS per lead, and reports earliest and median onsets', () => {
    const beats = qrsOnsetsAcrossLeads([
      [qrs(90, 110), qrs(590, 610)],
      [qrs(80, 150), qrs(585, 600)], // 150 is 40 after 110: still the same beat
      [qrs(undefined, 190), qrs(600, 620)], // 190 is 80 after 110 but 40 after 150: chained in
    ]);
    expect(beats).toHaveLength(2);
    expect(beats[0]).toEqual({
      peakByLead: [110, 150, 190],
      onsetByLead: [90, 80, undefined],
      medianPeakSample: 150,
      earliestOnsetSample: 80,
      medianOnsetSample: 85,
    });
    expect(beats[1].earliestOnsetSample).toBe(585);
    expect(beats[1].medianOnsetSample).toBe(590);
  });

  it('starts a new beat past the tolerance or when a lead repeats', () => {
    expect(qrsOnsetsAcrossLeads([[qrs(1, 10)], [qrs(1, 61)]])).toHaveLength(2);
    expect(qrsOnsetsAcrossLeads([[qrs(1, 10), qrs(2, 20)]])).toHaveLength(2);
    expect(qrsOnsetsAcrossLeads([[qrs(undefined, 10)]])[0].earliestOnsetSample).toBeUndefined();
  });
});

// The whole database, when it is on this machine: `$ECG_DATA_DIR/ludb/data`, or by default
// `../shared/data/ludb/data` next to the repository.
const dataRoot = sharedDataDir('the whole-database LUDB annotation test') ?? '/nonexistent';
const ludbDir = join(dataRoot, 'ludb', 'data');
const haveLudb = existsSync(ludbDir);

/**
 * Records whose leads disagree on the number of QRS complexes, found when this test was
 * written (the 180 records present then: 1..199 without multiples of 10). Each is a real
 * annotation gap, e.g. record 47 lead I stops two beats before the other leads, record 8 V5
 * has a QRS marked '(' ')' with no peak, record 38 III marks a last beat no other lead has.
 */
const KNOWN_COUNT_MISMATCH = [8, 15, 38, 47, 64, 95];
const wasExamined = (record: string) => Number(record) % 10 !== 0;

describe.skipIf(!haveLudb)('every LUDB record', () => {
  it('parses all 12 annotation files and yields sane waves', () => {
    const records = readdirSync(ludbDir)
      .filter((f) => f.endsWith('.hea'))
      .map((f) => f.slice(0, -4))
      .sort((a, b) => Number(a) - Number(b));
    expect(records.length).toBeGreaterThan(0);
    const mismatched: number[] = [];
    let beats = 0;
    for (const record of records) {
      const perLead = leadWaves(ludbDir, record);
      for (const waves of perLead) {
        expect(waves.length).toBeGreaterThan(0);
        for (const w of waves) {
          expect(w.peakSample >= 0 && w.peakSample < N_SAMPLES).toBe(true);
          // A '(' may sit just after its peak (see extractWaves), never further.
          if (w.onsetSample !== undefined)
            expect(w.onsetSample >= 0 && w.onsetSample <= w.peakSample + LATE_ONSET_SAMPLES).toBe(true);
          if (w.offsetSample !== undefined)
            expect(w.offsetSample > w.peakSample && w.offsetSample < N_SAMPLES).toBe(true);
        }
      }
      const counts = perLead.map((ws) => ws.filter((w) => w.wave === 'QRS').length);
      if (Math.max(...counts) !== Math.min(...counts)) mismatched.push(Number(record));
      expect(Math.max(...counts) - Math.min(...counts), `record ${record}: QRS per lead ${counts}`).toBeLessThanOrEqual(
        2,
      );
      const grouped = qrsOnsetsAcrossLeads(perLead);
      beats += grouped.length;
      // In the examined records without a known gap, grouping puts one QRS of every lead in
      // each beat: it neither split a wide complex nor merged two beats.
      if (wasExamined(record) && !KNOWN_COUNT_MISMATCH.includes(Number(record))) {
        for (const b of grouped) {
          const present = b.peakByLead.filter((x) => x !== undefined).length;
          expect(present, `record ${record} beat at ${b.medianPeakSample}`).toBe(12);
        }
      }
    }
    expect(mismatched.filter((r) => wasExamined(String(r)))).toEqual(
      KNOWN_COUNT_MISMATCH.filter((r) => records.includes(String(r))),
    );
    expect(beats / records.length).toBeGreaterThan(8); // 1652 beats in the 180 examined records
  });
});
