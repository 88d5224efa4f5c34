/**
 * Statement templates: each turns a step's parameters and the computed CaseFacts into text, a highlight on the grid
 * and the 3D view's settings. Every number and every claim ("left axis deviation", "seen", "superior") is decided
 * here from the facts, so a different case gives a different text.
 */
import type { StandardLead } from '../ecg/types';
import type { CaseFacts } from './case-facts';
import { deg, list, mm, ms, pct, signed } from './format';
import { AXIS_LIMITS_DEG, type AxisCategory } from './qrs-axis';
import { patternMatches } from './qrs-pattern';
import { type TrajectoryMove, trajectoryMove } from './trajectory-direction';
import type { TourStep, TourStepView } from './tour-types';

/** Used by the trajectory steps before (or without) an explanation: the mid-QRS, as scripts/validate-cine.ts reads it. */
export const DEFAULT_INTERVAL_MS: [number, number] = [20, 60];

export interface Highlight {
  leads: string[];
  fromMs: number;
  toMs: number;
}

/** One dial: the frontal QRS axis of a case. */
export interface AxisDial {
  caseId: string;
  label: string;
  degrees: number;
  category: AxisCategory;
}

export interface RenderedStep {
  id: string;
  title: string;
  /** Paragraphs, every number in them computed. */
  text: string[];
  highlight: Highlight | null;
  camera: TourStep['view']['camera'] | null;
  cursorMs: number | null;
  dials: AxisDial[];
  /** Frontal-plane (x: left, y: superior) QRS paths of the cases shown, for the side-by-side sketch. */
  paths: Array<{ caseId: string; label: string; points: Array<[number, number]>; move: TrajectoryMove | null }>;
  /** What the step still waits for (the text says so too). */
  waitingFor: 'explanation' | 'contrast' | null;
}

const dialOf = (f: CaseFacts, label: string): AxisDial => ({
  caseId: f.caseId,
  label,
  degrees: f.axis.degrees,
  category: f.axis.category,
});

function cursorOf(view: TourStepView, h: Highlight | null): number | null {
  if (!h || !view.cursor) return null;
  return view.cursor === 'start' ? h.fromMs : view.cursor === 'end' ? h.toMs : (h.fromMs + h.toMs) / 2;
}

function intervalOf(spec: 'attention' | [number, number], f: CaseFacts): { range: [number, number]; why: string } {
  const span = (a: number, b: number) => `${Math.round(a)}–${ms(b)}`;
  if (spec !== 'attention') return { range: spec, why: span(spec[0], spec[1]) };
  if (f.attention)
    return {
      range: [f.attention.peakFromMs, f.attention.peakToMs],
      why: `${span(f.attention.peakFromMs, f.attention.peakToMs)}, where Φ concentrates`,
    };
  return {
    range: DEFAULT_INTERVAL_MS,
    why: `${span(DEFAULT_INTERVAL_MS[0], DEFAULT_INTERVAL_MS[1])} (mid-QRS; explain the case to use the span where Φ concentrates)`,
  };
}

function moveOf(f: CaseFacts, range: [number, number]): TrajectoryMove | null {
  return f.trajectory
    ? trajectoryMove(
        f.trajectory,
        f.fsHz,
        range[0],
        Math.min(range[1], (f.trajectory.length / 3 - 1) * (1000 / f.fsHz)),
      )
    : null;
}

function describeMove(m: TrajectoryMove): string {
  const parts = [
    `${mm(m.superiorMm)} ${m.superiorMm >= 0 ? 'superior' : 'inferior'}`,
    `${mm(m.leftMm)} ${m.leftMm >= 0 ? 'leftward' : 'rightward'}`,
    `${mm(m.posteriorMm)} ${m.posteriorMm >= 0 ? 'posterior' : 'anterior'}`,
  ];
  return `${list(parts)}: ${list(m.words)} (frontal direction ${deg(m.frontalDeg)})`;
}

/** The frontal projection of the QRS part of the path: x = patient's left, y = superior (mm). */
function frontalPath(f: CaseFacts): Array<[number, number]> {
  if (!f.trajectory) return [];
  const n = Math.min(f.trajectory.length / 3, Math.round((f.qrsEndMs * f.fsHz) / 1000) + 1);
  return Array.from({ length: n }, (_, t): [number, number] => [f.trajectory![3 * t], f.trajectory![3 * t + 2]]);
}

const axisRange = (c: AxisCategory): string =>
  c === 'normal'
    ? `${deg(AXIS_LIMITS_DEG.normalFrom)} to ${deg(AXIS_LIMITS_DEG.normalTo)}`
    : c === 'left axis deviation'
      ? `${deg(AXIS_LIMITS_DEG.normalFrom)} to −90°`
      : c === 'right axis deviation'
        ? `${deg(AXIS_LIMITS_DEG.normalTo)} to +180°`
        : '−90° to −180°';

type Base = Pick<RenderedStep, 'id' | 'title'>;

/** Renders one step of a tour with the case's facts (and the contrast case's, when loaded). */
export function renderStep(step: TourStep, f: CaseFacts, contrast: CaseFacts | null = null): RenderedStep {
  const base: Base = { id: step.id, title: step.title };
  const empty: Omit<RenderedStep, 'id' | 'title' | 'text'> = {
    highlight: null,
    camera: step.view.camera ?? null,
    cursorMs: null,
    dials: [],
    paths: [],
    waitingFor: null,
  };
  switch (step.template) {
    case 'qrs-axis': {
      const a = f.axis;
      const meets = a.category === step.params.expect;
      const text = [
        `The frontal QRS axis of this beat is ${deg(a.degrees)} (net QRS area ${signed(a.areaIMvMs / 1000, 3)} mV·s in I, ${signed(a.areaAvfMvMs / 1000, 3)} mV·s in aVF, over the ${ms(f.qrsEndMs)} QRS).`,
        `That is ${a.category === 'normal' ? 'a normal axis' : a.category} (${axisRange(a.category)})${meets ? '' : `, not ${step.params.expect}`}.` +
          (step.params.expect === 'left axis deviation'
            ? ` ${a.inLafbRange ? 'It lies' : 'It does not lie'} within LAFB's ${deg(AXIS_LIMITS_DEG.lafbAtMost)} to −90°.`
            : ''),
      ];
      const highlight: Highlight = { leads: ['I', 'aVF'], fromMs: 0, toMs: f.qrsEndMs };
      return {
        ...base,
        ...empty,
        text,
        highlight,
        cursorMs: cursorOf(step.view, highlight),
        dials: [dialOf(f, f.title)],
      };
    }
    case 'qrs-shapes': {
      const text: string[] = [];
      const leads: string[] = [];
      for (const { leads: names, shape } of step.params.shapes) {
        const seen = names.filter((l) => patternMatches(f.patterns[l as StandardLead]?.pattern ?? '', shape));
        const other = names.filter((l) => !seen.includes(l));
        leads.push(...names);
        const found = names.map((l) => `${l} ${f.patterns[l as StandardLead]?.pattern || 'no deflection ≥ 0.05 mV'}`);
        const verdict =
          other.length === 0
            ? `${shape} in ${list(names)}: seen`
            : seen.length === 0
              ? `${shape} in ${list(names)}: not seen`
              : `${shape} seen in ${list(seen)}, not in ${list(other)}`;
        text.push(`${verdict} (the delineated QRS, 0–${ms(f.qrsEndMs)}: ${list(found)}).`);
      }
      const highlight: Highlight = { leads, fromMs: 0, toMs: f.qrsEndMs };
      return { ...base, ...empty, text, highlight, cursorMs: cursorOf(step.view, highlight) };
    }
    case 'qrs-duration': {
      const { atLeastMs, condition } = step.params;
      const ok = f.qrsEndMs >= atLeastMs;
      const text = [
        `The QRS of this beat lasts ${ms(f.qrsEndMs)}${f.qrsEndClamped ? ' (the delineation clamped it)' : ''}; ${condition} needs at least ${ms(atLeastMs)}: ${ok ? 'met' : 'not met by this delineation'}.`,
      ];
      const highlight: Highlight = { leads: ['V1', 'V6'], fromMs: 0, toMs: f.qrsEndMs };
      return { ...base, ...empty, text, highlight, cursorMs: cursorOf(step.view, highlight) };
    }
    case 'attention': {
      const a = f.attention;
      if (!a)
        return {
          ...base,
          ...empty,
          text: ['Explaining the case… the statement appears when the explanation is ready.'],
          waitingFor: 'explanation',
        };
      const top = a.leads.slice(0, 3);
      const text = [
        `${f.method ?? 'The explanation'}: ${pct(a.qrsShare)} of |Φ| lies inside the QRS (0–${ms(a.qrsEndMs)}), the rest in ST-T.`,
        `The strongest ${ms(a.peakToMs - a.peakFromMs)} is ${Math.round(a.peakFromMs)}–${ms(a.peakToMs)} (${pct(a.peakShare)} of |Φ|), evidence for ${a.peakSignedSum >= 0 ? 'abnormal' : 'normal'} (ΣΦ ${signed(a.peakSignedSum, 2)}).`,
        `Leads carrying most of it: ${list(top.map((l) => `${l.lead} ${pct(l.share)}`))} (an even share would be ${pct(1 / a.leads.length)}).`,
      ];
      const highlight: Highlight = { leads: top.map((l) => l.lead), fromMs: a.peakFromMs, toMs: a.peakToMs };
      return { ...base, ...empty, text, highlight, cursorMs: cursorOf(step.view, highlight) };
    }
    case 'trajectory-interval': {
      const { range, why } = intervalOf(step.params.interval, f);
      const m = moveOf(f, range);
      if (!m) return { ...base, ...empty, text: ['The CineECG trajectory could not be computed for this case.'] };
      const expected = step.params.expect;
      const agree = expected.filter((w) => (m.words as string[]).includes(w));
      const text = [
        `Over ${why}, the CineECG trajectory (LPS heart frame) moves ${describeMove(m)}.`,
        expected.length
          ? `Expected for this conduction pattern: ${list(expected)}; here ${agree.length === expected.length ? 'both are seen' : agree.length ? `${list(agree)} is seen, ${list(expected.filter((w) => !agree.includes(w)))} is not` : 'neither is seen'}.`
          : '',
      ].filter(Boolean);
      const highlight: Highlight = { leads: [], fromMs: range[0], toMs: range[1] };
      return {
        ...base,
        ...empty,
        text,
        highlight,
        cursorMs: cursorOf(step.view, highlight),
        paths: [{ caseId: f.caseId, label: f.title, points: frontalPath(f), move: m }],
      };
    }
    case 'contrast': {
      if (!contrast) return { ...base, ...empty, text: ['Loading the contrast case…'], waitingFor: 'contrast' };
      const { range, why } = intervalOf(step.params.interval, f);
      const [m1, m2] = [moveOf(f, range), moveOf(contrast, range)];
      const patt = (x: CaseFacts, l: StandardLead) => x.patterns[l].pattern || '—';
      const text = [
        `Frontal QRS axis: ${deg(f.axis.degrees)} (${f.axis.category}) here, ${deg(contrast.axis.degrees)} (${contrast.axis.category}) in ${contrast.title}.`,
        `QRS shapes here / there: ${list((['aVL', 'II', 'III', 'aVF'] as StandardLead[]).map((l) => `${l} ${patt(f, l)} / ${patt(contrast, l)}`))}.`,
        m1 && m2
          ? `Trajectory over ${why.split(',')[0]}: here ${list(m1.words)} (${deg(m1.frontalDeg)}), there ${list(m2.words)} (${deg(m2.frontalDeg)}).`
          : 'A trajectory could not be computed for one of the cases.',
      ];
      return {
        ...base,
        ...empty,
        text,
        dials: [dialOf(f, f.title), dialOf(contrast, contrast.title)],
        paths: [
          { caseId: f.caseId, label: f.title, points: frontalPath(f), move: m1 },
          { caseId: contrast.caseId, label: contrast.title, points: frontalPath(contrast), move: m2 },
        ],
      };
    }
  }
}
