import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { loadRecord } from '../../core/ecg/load';
import { recordFilesOf, synthFiles } from '../../core/synth/files';
import { synthesizeRecord } from '../../core/synth/generate';
import { DEFAULT_GRID_SPEC, computeGridLayout, msToX } from '../grid/layout';
import { createAppStore } from '../store/appStore';
import { selectCaseEntry } from '../store/caseSlice';
import { selectShownTruth, selectSynthTruth } from '../store/synthSlice';
import { recordingContext } from '../testing/recordingContext';
import { drawTruthMask, truthRects } from './drawTruthMask';
import { makeSynthCase } from './makeSynthCase';
import { pairedSynthCaseId, parseSynthCaseId, SYNTH_CASE_IDS, synthCaseEntry } from './synthCatalogue';
import { truthInWindowUnion, truthSampleCount } from './synthTruth';
import { truthRuns } from './truthRuns';

describe('synthetic case ids', () => {
  it('name a pathology, optionally its twin; anything else is not synthetic', () => {
    expect(parseSynthCaseId('synth-lafb')).toEqual({ pathology: 'lafb', twin: false });
    expect(parseSynthCaseId('synth-t-inversion-healthy')).toEqual({ pathology: 't-inversion', twin: true });
    for (const bad of ['synth-normal-healthy', 'synth-', 'synth-afib', 'ptbxl-00285', null, ''])
      expect(parseSynthCaseId(bad)).toBeNull();
    expect(pairedSynthCaseId('synth-bbb')).toBe('synth-bbb-healthy');
    expect(pairedSynthCaseId('synth-bbb-healthy')).toBe('synth-bbb');
    expect(pairedSynthCaseId('synth-normal')).toBeNull();
    expect(SYNTH_CASE_IDS).toEqual(['synth-lafb', 'synth-bbb', 'synth-st', 'synth-t-inversion', 'synth-normal']);
    for (const id of SYNTH_CASE_IDS) expect(synthCaseEntry(id)!.title).toMatch(/\(not a patient\)$/);
  });
});

describe('makeSynthCase', () => {
  it('gives the bytes cli synth writes for seed 16 record 1, and its truth; the twin has none', () => {
    const { files, truth } = makeSynthCase('synth-lafb');
    const r = synthesizeRecord(16, 1, 'lafb');
    const cli = recordFilesOf(synthFiles(r), 'synth-16-1');
    expect([...files.keys()]).toEqual(['synth-16-1.hea', 'synth-16-1.dat']);
    expect(files.get('synth-16-1.dat')).toEqual(cli.get('synth-16-1.dat'));
    expect(truth).toMatchObject({ caseId: 'synth-lafb', pathology: 'lafb', twin: false, label: 'abnormal', fsHz: 500 });
    expect(truth.mask).toEqual(r.mask);
    expect(truthSampleCount(truth)).toBeGreaterThan(100);

    const twin = makeSynthCase('synth-lafb-healthy');
    expect([...twin.files.keys()]).toEqual(['synth-16-1-healthy.hea', 'synth-16-1-healthy.dat']);
    expect(twin.truth.label).toBe('normal');
    expect(truthSampleCount(twin.truth)).toBe(0);
    // The twin is the normal record of the same seed and index, bit for bit, through the ordinary reader.
    const normal = loadRecord(makeSynthCase('synth-normal').files);
    const twinRecord = loadRecord(twin.files);
    expect(twinRecord.leadsMv.map((l) => Array.from(l))).toEqual(normal.leadsMv.map((l) => Array.from(l)));
    expect(() => makeSynthCase('synth-afib')).toThrow(/no synthetic case "synth-afib"/);
  });
});

describe('truth in the window and along the path', () => {
  it('unions the leads inside the window and finds its runs', () => {
    const truth = {
      caseId: 'x',
      pathology: 'st',
      twin: false,
      label: 'abnormal' as const,
      fsHz: 500,
      injection: null,
      mask: {
        I: [[5, 8]] as [number, number][],
        V2: [
          [7, 12],
          [20, 30],
        ] as [number, number][],
      },
    };
    const u = truthInWindowUnion(truth, 6, 10);
    expect(Array.from(u).join('')).toBe('1111110000');
    expect(truthRuns(u)).toEqual([[0, 5]]);
    expect(truthRuns([0, 1, 1, 0, 1])).toEqual([
      [1, 2],
      [4, 4],
    ]);
    expect(truthSampleCount(truth)).toBe(3 + 5 + 10);
  });
});

describe('drawTruthMask', () => {
  const m = computeGridLayout({ ...DEFAULT_GRID_SPEC, durationMs: 10_000, leads: STANDARD_LEADS });
  it('outlines each range on its own lead row at its time, clipped to the row', () => {
    const rangesByLead = STANDARD_LEADS.map((_, l) => (l === 2 ? ([[500, 600]] as [number, number][]) : []));
    const rects = truthRects(m, { fsHz: 500, rangesByLead });
    expect(rects).toHaveLength(1);
    expect(rects[0].lead).toBe(2);
    expect(rects[0].x).toBeCloseTo(msToX(m, 1000));
    expect(rects[0].w).toBeCloseTo(msToX(m, 1200) - msToX(m, 1000));
    expect(rects[0].y).toBeCloseTo(m.rows[2].top + 2);
    const { ctx, of } = recordingContext();
    expect(drawTruthMask(ctx, m, { fsHz: 500, rangesByLead })).toBe(1);
    expect(of('rect').map((c) => c.args)).toEqual([
      [rects[0].x, rects[0].y, rects[0].w, rects[0].h],
      [rects[0].x, rects[0].y, rects[0].w, rects[0].h],
    ]); // outline, then the hatch's clip
    expect(of('stroke').length).toBe(2);
    expect(drawTruthMask(recordingContext().ctx, m, { fsHz: 500, rangesByLead: STANDARD_LEADS.map(() => []) })).toBe(0);
  });
});

describe('store: the truth belongs to the case it was made for', () => {
  it('is shown only while that synthetic case is open and the toggle is on; the entry says synthetic', () => {
    const store = createAppStore();
    const { truth } = makeSynthCase('synth-st');
    const s = store.getState();
    const req = s.caseLoadStarted('synth-st');
    s.synthTruthLoaded(truth);
    expect(selectSynthTruth(store.getState())).toBeNull(); // still loading
    store.getState().caseLoaded(req, {} as never);
    expect(selectSynthTruth(store.getState())).toBe(truth);
    expect(selectCaseEntry(store.getState())?.title).toBe('Synthetic ST change (not a patient)');
    store.getState().setShowTruth(false);
    expect(selectShownTruth(store.getState())).toBeNull();
    store.getState().setShowTruth(true);
    store.getState().caseLoadStarted('ptbxl-00285');
    expect(selectSynthTruth(store.getState())).toBeNull();
  });
});
