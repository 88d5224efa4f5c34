import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../test-support/data';
import { syntheticEcg } from '../../test-support/synthetic-ecg';
import { loadRecord } from './load';
import { prepareEcg } from './prepare';
import { delineateBeat, modelBeatWaves } from './waves';

const FS = 500;

/**
 * Beats with crisp, known boundaries (ms after QRS onset): a biphasic QRS of compact support over [0, qrsEnd], an
 * optional ST shift from qrsEnd until tOff, and a raised-cosine T wave over [tOn, tOff]; 12 leads with their own gains
 * and T polarities (so the T wave is positive in some leads and negative in others, as in real records).
 */
function crispBeats(o: {
  onsetsMs: number[];
  qrsEnd?: number;
  tOn?: number;
  tOff?: number;
  tMv?: number;
  stMv?: number;
  seconds?: number;
}): Float32Array[] {
  const { qrsEnd = 90, tOn = 200, tOff = 400, tMv = 0.3, stMv = 0 } = o;
  const n = Math.round((o.seconds ?? 4) * FS);
  return Array.from({ length: 12 }, (_, l) => {
    const gq = 0.5 + 0.12 * l;
    const gt = l % 3 === 0 ? -0.6 : 0.4 + 0.08 * l;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const tMs = (i * 1000) / FS;
      for (const on of o.onsetsMs) {
        const t = tMs - on;
        if (t >= 0 && t <= qrsEnd)
          x[i] += gq * Math.sin((2 * Math.PI * t) / qrsEnd) * Math.sin((Math.PI * t) / qrsEnd) ** 2;
        if (t > qrsEnd && t < tOff) x[i] += stMv * gt;
        if (t >= tOn && t <= tOff) x[i] += tMv * gt * 0.5 * (1 - Math.cos((2 * Math.PI * (t - tOn)) / (tOff - tOn)));
      }
    }
    return x;
  });
}

const sample = (ms: number) => Math.round((ms * FS) / 1000);

describe('delineateBeat: known answers on synthetic beats', () => {
  it('finds the QRS end, the T peak and the T boundaries of crisp beats', () => {
    const leads = crispBeats({ onsetsMs: [500, 1500, 2500] });
    const w = delineateBeat(leads, FS, sample(1500), { nextOnset: sample(2500) });
    expect(w.qrsOffsetClamped).toBe(false);
    expect(Math.abs(w.qrsOffsetMs - 90)).toBeLessThanOrEqual(8);
    expect(Math.abs(w.tPeakMs! - 300)).toBeLessThanOrEqual(4);
    // A raised cosine leaves the baseline with zero slope: the boundaries land a little inside its support (~6 ms).
    expect(w.tOnsetMs!).toBeGreaterThanOrEqual(200 - 4);
    expect(w.tOnsetMs!).toBeLessThanOrEqual(200 + 15);
    expect(w.tOffsetMs!).toBeLessThanOrEqual(400 + 4);
    expect(w.tOffsetMs!).toBeGreaterThanOrEqual(400 - 15);
  });

  it('follows the T wave when it moves, and is not moved by an ST shift', () => {
    const late = delineateBeat(crispBeats({ onsetsMs: [500, 1700], tOn: 260, tOff: 460 }), FS, sample(500), {
      nextOnset: sample(1700),
    });
    const base = delineateBeat(crispBeats({ onsetsMs: [500, 1700] }), FS, sample(500), { nextOnset: sample(1700) });
    expect(late.tOnsetMs! - base.tOnsetMs!).toBeCloseTo(60, -1);
    expect(late.tOffsetMs! - base.tOffsetMs!).toBeCloseTo(60, -1);
    const st = delineateBeat(crispBeats({ onsetsMs: [500, 1700], stMv: 0.15 }), FS, sample(500), {
      nextOnset: sample(1700),
    });
    expect(Math.abs(st.qrsOffsetMs - base.qrsOffsetMs)).toBeLessThanOrEqual(10);
    expect(Math.abs(st.tOnsetMs! - base.tOnsetMs!)).toBeLessThanOrEqual(10);
    expect(Math.abs(st.tPeakMs! - base.tPeakMs!)).toBeLessThanOrEqual(4);
  });

  it('a wide QRS ends later; a QRS wider than 180 ms is clamped', () => {
    const wide = delineateBeat(
      crispBeats({ onsetsMs: [500, 1700], qrsEnd: 140, tOn: 240, tOff: 440 }),
      FS,
      sample(500),
      { nextOnset: sample(1700) },
    );
    expect(Math.abs(wide.qrsOffsetMs - 140)).toBeLessThanOrEqual(10);
    const huge = delineateBeat(
      crispBeats({ onsetsMs: [500, 1700], qrsEnd: 240, tOn: 300, tOff: 500 }),
      FS,
      sample(500),
      { nextOnset: sample(1700) },
    );
    expect(huge.qrsOffsetMs).toBe(180);
  });

  it('no T wave: null T, and the QRS offset still in [60, 180] ms', () => {
    const w = delineateBeat(crispBeats({ onsetsMs: [500, 1500], tMv: 0 }), FS, sample(500), {
      nextOnset: sample(1500),
    });
    expect(w).toMatchObject({ tOnsetMs: null, tPeakMs: null, tOffsetMs: null });
    expect(w.qrsOffsetMs).toBeGreaterThanOrEqual(60);
    expect(w.qrsOffsetMs).toBeLessThanOrEqual(180);
    // A flat record: nothing to find, the clamp and null T, no exception.
    const flat = delineateBeat(
      Array.from({ length: 12 }, () => new Float32Array(2000)),
      FS,
      500,
    );
    expect(flat).toMatchObject({ tOnsetMs: null, tPeakMs: null, tOffsetMs: null, qrsOffsetClamped: true });
    expect(flat.qrsOffsetMs).toBeGreaterThanOrEqual(60);
    expect(flat.qrsOffsetMs).toBeLessThanOrEqual(180);
  });

  it('a T wave cut by the next beat or by the record end is not delineated; no read past the record', () => {
    const leads = crispBeats({ onsetsMs: [500, 1500] });
    expect(delineateBeat(leads, FS, sample(500), { nextOnset: sample(780) }).tPeakMs).toBeNull();
    const cut = crispBeats({ onsetsMs: [500], seconds: 0.5 + 0.26 });
    expect(delineateBeat(cut, FS, sample(500)).tOffsetMs).toBeNull();
    const tooShort = crispBeats({ onsetsMs: [500], seconds: 0.6 });
    expect(delineateBeat(tooShort, FS, sample(500))).toMatchObject({
      qrsOffsetMs: 180,
      qrsOffsetClamped: true,
      tOnsetMs: null,
    });
  });

  it('Gaussian beats of test-support/synthetic-ecg: T peak at its centre (300 ms), order J < T onset < peak < offset', () => {
    const leads = syntheticEcg({ onsetsMs: [1000, 2000, 3000], seconds: 4, noiseMv: 0.005 });
    const w = delineateBeat(leads, FS, sample(2000), { nextOnset: sample(3000) });
    expect(Math.abs(w.tPeakMs! - 300)).toBeLessThanOrEqual(6);
    expect(w.qrsOffsetMs).toBeGreaterThan(60); // the last QRS Gaussian is centred at 60 ms
    expect(w.qrsOffsetMs).toBeLessThan(110);
    expect(w.qrsOffsetMs).toBeLessThan(w.tOnsetMs!);
    expect(w.tOnsetMs!).toBeLessThan(w.tPeakMs!);
    expect(w.tPeakMs!).toBeLessThan(w.tOffsetMs!);
    expect(delineateBeat(leads, FS, sample(2000), { nextOnset: sample(3000) })).toEqual(w); // deterministic
  });
});

describe('modelBeatWaves on PTB-XL 00285 (LAFB, ~83 bpm)', () => {
  const p = prepareEcg(loadRecord(fixtureFiles('ptbxl/00285_hr.hea', 'ptbxl/00285_hr.dat')));

  it('matches the boundaries read off the band-passed traces: J ≈ 88, T ≈ 175–345 ms, peak ≈ 275 ms', () => {
    // Read by eye from filteredMv (I, II, V1–V6) around the window's beat: the spatial velocity is back at its ST level
    // by ~90 ms; the leads leave their ST level at ~175 ms, peak together at ~275 ms and are back at ~345 ms.
    const w = modelBeatWaves(p);
    expect(w.qrsOffsetClamped).toBe(false);
    expect(Math.abs(w.qrsOffsetMs - 88)).toBeLessThanOrEqual(10);
    expect(Math.abs(w.tOnsetMs! - 175)).toBeLessThanOrEqual(15);
    expect(Math.abs(w.tPeakMs! - 275)).toBeLessThanOrEqual(8);
    expect(Math.abs(w.tOffsetMs! - 345)).toBeLessThanOrEqual(15);
    // QTc (Bazett) of a normal-QT record: 350–460 ms.
    const rr = p.qrsOnsetsMs[p.qrsOnsetsMs.indexOf(p.windowStartMs) + 1] - p.windowStartMs;
    const qtc = w.tOffsetMs! / Math.sqrt(rr / 1000);
    expect(qtc).toBeGreaterThan(350);
    expect(qtc).toBeLessThan(460);
  });

  it('every beat of the record gives nearly the same boundaries (the estimate is stable beat to beat)', () => {
    const on = p.qrsOnsetsMs.map(sample);
    const all = on.slice(0, -1).map((o, k) => delineateBeat(p.filteredMv, FS, o, { nextOnset: on[k + 1] }));
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    expect(spread(all.map((w) => w.qrsOffsetMs))).toBeLessThanOrEqual(10);
    expect(spread(all.map((w) => w.tPeakMs!))).toBeLessThanOrEqual(20);
    expect(spread(all.map((w) => w.tOnsetMs!))).toBeLessThanOrEqual(30);
    expect(spread(all.map((w) => w.tOffsetMs!))).toBeLessThanOrEqual(25);
  });
});
