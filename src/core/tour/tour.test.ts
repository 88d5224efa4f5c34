import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecordFiles } from '../../../scripts/lib/record-files';
import { loadRecord } from '../ecg/load';
import { prepareEcg } from '../ecg/prepare';
import type { PreparedEcg } from '../ecg/prepare.types';
import { bipolarPhi } from '../xai/mapping';
import { attentionFacts } from './attention';
import { type CaseFacts, caseFacts } from './case-facts';
import { axisFromAreas } from './qrs-axis';
import { patternMatches, qrsPattern } from './qrs-pattern';
import { renderStep } from './templates';
import { trajectoryMove } from './trajectory-direction';
import { CRBBB_TOUR, LAFB_TOUR, TOURS } from './tours';

const ROOT = resolve(import.meta.dirname, '../../..');
const open = (id: string): PreparedEcg =>
  prepareEcg(loadRecord(readRecordFiles(resolve(ROOT, `public/cases/ptbxl-${id}/${id}_hr.hea`))));
const lafb = open('00285');
const normal = open('00262');
// IG at the paper's budget on the LAFB case, stored by `cli explain` (src/core/xai/__fixtures__).
const igBuf = readFileSync(resolve(ROOT, 'src/core/xai/__fixtures__/ig-00285-paper.bin'));
const ig = new Float32Array(igBuf.buffer.slice(igBuf.byteOffset, igBuf.byteOffset + igBuf.byteLength));
const igPhi = bipolarPhi(ig.subarray(0, 2400), ig.subarray(2400));

const factsOf = (p: PreparedEcg, id: string, title: string, explained = false): CaseFacts =>
  caseFacts({
    caseId: id,
    title,
    prepared: p,
    explanation: explained ? { phi: igPhi, method: 'Integrated Gradients' } : null,
  });

describe('the frontal QRS axis (known answers)', () => {
  it('is 0° for I only, +90° for aVF only, −90° for a negative aVF and the hexaxial √3/2 for both', () => {
    expect(axisFromAreas(1, 0).degrees).toBeCloseTo(0, 9);
    expect(axisFromAreas(0, 1).degrees).toBeCloseTo(90, 9);
    expect(axisFromAreas(0, -1).degrees).toBeCloseTo(-90, 9);
    // a heart vector at −60°: I = cos(−60°) = 0.5, aVF = (√3/2)·sin(−60°) = −0.75
    expect(axisFromAreas(0.5, -0.75).degrees).toBeCloseTo(-60, 9);
    expect(axisFromAreas(0.5, -0.75).category).toBe('left axis deviation');
    expect(axisFromAreas(1, 0.2).category).toBe('normal');
    expect(() => axisFromAreas(0, 0)).toThrow(/no net QRS area/);
  });
});

describe('QRS patterns', () => {
  const fs = 1000;
  const wave = (parts: Array<[number, number]>) =>
    Float64Array.from(
      parts.flatMap(([amp, n]) => Array.from({ length: n }, (_, i) => amp * Math.sin((Math.PI * (i + 0.5)) / n))),
    );
  it('names a small q then a tall R as qR, a small r then a deep S as rS, and R′ after an S', () => {
    expect(
      qrsPattern(
        wave([
          [-0.2, 10],
          [1.2, 30],
        ]),
        0,
        40,
        0,
        fs,
      ).pattern,
    ).toBe('qR');
    expect(
      qrsPattern(
        wave([
          [0.2, 10],
          [-1, 30],
        ]),
        0,
        40,
        0,
        fs,
      ).pattern,
    ).toBe('rS');
    expect(
      qrsPattern(
        wave([
          [0.3, 10],
          [-0.4, 10],
          [0.9, 20],
        ]),
        0,
        40,
        0,
        fs,
      ).pattern,
    ).toBe('rsR′');
    expect(qrsPattern(wave([[-1, 40]]), 0, 40, 0, fs).pattern).toBe('QS');
    // a wiggle under 0.05 mV is not a wave
    expect(
      qrsPattern(
        wave([
          [0.03, 10],
          [-1, 30],
        ]),
        0,
        40,
        0,
        fs,
      ).pattern,
    ).toBe('QS');
    expect(patternMatches('qRs', 'qR')).toBe(true);
    expect(patternMatches('Rs', 'qR')).toBe(false);
    expect(patternMatches('rsR′', 'rsR′')).toBe(true);
  });
});

describe('attention and trajectory moves (hand-made inputs)', () => {
  it('finds the strongest span, the QRS share and the leads', () => {
    const T = 200;
    const phi = new Float32Array(T * 2);
    for (let t = 50; t < 70; t++) phi[t * 2 + 1] = 1; // lead B, 100–140 ms, for "abnormal"
    phi[150 * 2] = -1; // lead A, one sample at 300 ms
    const a = attentionFacts(phi, ['A', 'B'], 500, 120);
    expect([a.peakFromMs, a.peakToMs]).toEqual([100, 140]);
    expect(a.peakShare).toBeCloseTo(20 / 21, 9);
    expect(a.qrsShare).toBeCloseTo(10 / 21, 9);
    expect(a.leads[0]).toEqual({ lead: 'B', share: 20 / 21 });
    expect(a.peakSignedSum).toBeGreaterThan(0);
    expect(() => attentionFacts(new Float32Array(4), ['A', 'B'], 500, 100)).toThrow(/zero everywhere/);
  });
  it('says superior and leftward for a path going up and to the patient’s left', () => {
    const pts = Float64Array.from([0, 0, 0, 3, 1, 10]);
    const m = trajectoryMove(pts, 1000, 0, 1);
    expect(m.words).toEqual(['superior', 'leftward']);
    expect(m.frontalDeg).toBeCloseTo((Math.atan2(-10, 3) * 180) / Math.PI, 9);
  });
});

describe('the LAFB tour: every statement computed from the case', () => {
  const fL = factsOf(lafb, 'ptbxl-00285', 'LAFB case', true);
  const fN = factsOf(normal, 'ptbxl-00262', 'normal case');

  it('computes left axis deviation on the LAFB case, and the text flips on the normal case', () => {
    const step = LAFB_TOUR.steps[0];
    const onL = renderStep(step, fL).text.join(' ');
    const onN = renderStep(step, fN).text.join(' ');
    expect(fL.axis.degrees).toBeLessThan(-30);
    expect(fN.axis.degrees).toBeGreaterThan(-30);
    const d = (v: number) => `${v < 0 ? '−' : '+'}${Math.abs(Math.round(v))}°`;
    expect(onL).toContain(`is ${d(fL.axis.degrees)}`);
    expect(onL).toContain('That is left axis deviation');
    expect(onN).toContain(`is ${d(fN.axis.degrees)}`);
    expect(onN).toContain('That is a normal axis');
    expect(onN).toContain('not left axis deviation');
    expect(onL).not.toEqual(onN);
  });

  it('finds qR in aVL and rS in II and III on the LAFB case by the delineation, and says what aVF shows', () => {
    const r = renderStep(LAFB_TOUR.steps[1], fL);
    expect(patternMatches(fL.patterns.aVL.pattern, 'qR')).toBe(true);
    expect(r.text[0]).toContain('qR in aVL: seen');
    expect(r.text[1]).toContain(`aVF ${fL.patterns.aVF.pattern}`);
    expect(r.highlight).toEqual({ leads: ['aVL', 'II', 'III', 'aVF'], fromMs: 0, toMs: fL.qrsEndMs });
    const n = renderStep(LAFB_TOUR.steps[1], fN);
    expect(n.text[0]).toContain('qR in aVL: not seen');
  });

  it('reads where IG concentrates and follows the same span on the trajectory', () => {
    const a = fL.attention!;
    const r = renderStep(LAFB_TOUR.steps[2], fL);
    expect(r.text.join(' ')).toContain(`${Math.round(a.qrsShare * 100)}% of |Φ| lies inside the QRS`);
    expect(r.highlight?.leads).toEqual(a.leads.slice(0, 3).map((l) => l.lead));
    const t = renderStep(LAFB_TOUR.steps[3], fL);
    expect(t.highlight).toMatchObject({ fromMs: a.peakFromMs, toMs: a.peakToMs });
    const m = trajectoryMove(fL.trajectory!, fL.fsHz, a.peakFromMs, a.peakToMs);
    expect(t.text[0]).toContain(
      `${Math.abs(m.superiorMm).toFixed(0)} mm ${m.superiorMm >= 0 ? 'superior' : 'inferior'}`,
    );
    // before an explanation the step says it waits instead of inventing a number
    expect(renderStep(LAFB_TOUR.steps[2], fN).waitingFor).toBe('explanation');
  });

  it('contrasts with the normal case: two dials and two frontal paths', () => {
    const r = renderStep(LAFB_TOUR.steps[4], fL, fN);
    expect(r.dials.map((d) => d.category)).toEqual([fL.axis.category, fN.axis.category]);
    expect(r.paths).toHaveLength(2);
    expect(r.text[0]).toContain('normal case');
    expect(renderStep(LAFB_TOUR.steps[4], fL, null).waitingFor).toBe('contrast');
  });
});

describe('tours are data', () => {
  it('the CRBBB skeleton renders with the same templates on its own case', () => {
    const fR = factsOf(open('00195'), 'ptbxl-00195', 'CRBBB case');
    const texts = CRBBB_TOUR.steps.filter((s) => !s.needsExplanation).map((s) => renderStep(s, fR, fR).text.join(' '));
    expect(texts[0]).toContain(`lasts ${Math.round(fR.qrsEndMs)} ms`);
    expect(texts[1]).toContain(`V1 ${fR.patterns.V1.pattern}`);
    expect(new Set(TOURS.map((t) => t.id)).size).toBe(TOURS.length);
    expect(JSON.parse(JSON.stringify(CRBBB_TOUR))).toEqual(CRBBB_TOUR); // plain data
  });
});
