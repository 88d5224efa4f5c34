/**
 * Generates the example study shipped with the app (public/studies/example/): the study file over the 10 bundled
 * PTB-XL cases and two MADE-UP annotators. Real expert annotations are not public; these exist so the evaluation
 * has realistic input, and the app says "made-up annotations, not real experts" wherever they appear.
 *
 *   npx tsx scripts/make-example-study.ts          # writes the three files
 *   npx tsx scripts/make-example-study.ts --check  # exits 1 if the files differ from what the rule gives
 *
 * The rule (deterministic; no randomness): each case's model window is delineated by the same code the 3D view uses
 * (src/core/ecg/waves.ts: QRS offset, T onset, peak and offset, ms after QRS onset). Lead salience = the largest
 * absolute band-passed amplitude of the lead inside the QRS (for QRS marks) or inside the T wave (for T marks).
 * - Annotator A ("thorough"): abnormal cases: the whole QRS [0, QRS offset] in the 4 leads with the largest QRS,
 *   and the T wave [T onset, T offset] in the 2 leads with the largest T; on the CineECG the QRS and the T wave.
 *   Normal cases: the QRS in the 2 leads with the largest QRS; on the CineECG the QRS.
 * - Annotator B ("focal"): abnormal cases: the terminal QRS [QRS offset / 2, QRS offset + 10] in the 3 leads with
 *   the largest QRS and a point at the T peak in the lead with the largest T; on the CineECG the same terminal QRS
 *   and a point at the T peak. Normal cases: a point at the R peak of the lead with the largest QRS; on the CineECG
 *   the QRS without its first and last 10 ms.
 * Every mark goes through the annotation protocol (25 / 50 ms minimal windows, points ±10 ms), as in the app.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { STANDARD_LEADS } from '../src/core/ecg/types';
import { loadRecord } from '../src/core/ecg/load';
import { prepareEcg } from '../src/core/ecg/prepare';
import { modelBeatWaves } from '../src/core/ecg/waves';
import {
  ANNOTATIONS_FORMAT,
  ANNOTATIONS_VERSION,
  type AnnotationFile,
  type CaseAnnotation,
  type Expert,
  type Segment,
  type Study,
  TRAJECTORY_LEAD,
} from '../src/core/eval/study-format';
import { parseManifest } from '../src/app/case/manifest';
import { windowLeads } from '../src/app/study/caseData';
import { applyProtocol } from '../src/core/eval/protocol';
import { buildStudy, draftFromEntry } from '../src/app/study/studyBuilder';
import { toJsonText } from '../src/app/study/studyFiles';
import { readRecordFiles } from './lib/record-files';

export const EXAMPLE_DIR = 'public/studies/example';
/** Normal and abnormal interleaved, so the order says nothing. */
const ORDER = [
  'ptbxl-00285',
  'ptbxl-00262',
  'ptbxl-00338',
  'ptbxl-00041',
  'ptbxl-00293',
  'ptbxl-00195',
  'ptbxl-00030',
  'ptbxl-00419',
  'ptbxl-00290',
  'ptbxl-00171',
];
const STAMP = '2026-12-01T00:00:00.000Z';
const EXPERTS: Record<'a' | 'b', Expert> = {
  a: { id: 'made-up-a', name: 'Made-up annotator A', madeUp: true },
  b: { id: 'made-up-b', name: 'Made-up annotator B', madeUp: true },
};

interface CaseFeatures {
  label: 'normal' | 'abnormal';
  qrsOff: number;
  t: { on: number; peak: number; off: number } | null;
  /** Lead indices by QRS / T amplitude, largest first; R peak time per lead. */
  byQrs: number[];
  byT: number[];
  rPeakMs: number[];
}

function features(recordPath: string, label: 'normal' | 'abnormal'): CaseFeatures {
  const prepared = prepareEcg(loadRecord(readRecordFiles(recordPath)));
  const w = modelBeatWaves(prepared);
  const leads = windowLeads(prepared);
  const dt = 1000 / prepared.fsHz;
  const peak = (x: Float32Array, fromMs: number, toMs: number) => {
    let best = 0;
    let at = fromMs;
    for (let i = Math.ceil(fromMs / dt); i * dt <= toMs && i < x.length; i++)
      if (Math.abs(x[i]) > best) [best, at] = [Math.abs(x[i]), i * dt];
    return { best, at };
  };
  const t =
    w.tOnsetMs !== null && w.tPeakMs !== null && w.tOffsetMs !== null
      ? { on: w.tOnsetMs, peak: w.tPeakMs, off: w.tOffsetMs }
      : null;
  const qrs = leads.map((x) => peak(x, 0, w.qrsOffsetMs));
  const tAmp = leads.map((x) => (t ? peak(x, t.on, t.off).best : 0));
  const rank = (v: number[]) => v.map((_, i) => i).sort((a, b) => v[b] - v[a] || a - b);
  return {
    label,
    qrsOff: w.qrsOffsetMs,
    t,
    byQrs: rank(qrs.map((q) => q.best)),
    byT: rank(tAmp),
    rPeakMs: qrs.map((q) => q.at),
  };
}

function annotate(who: 'a' | 'b', caseId: string, f: CaseFeatures): CaseAnnotation {
  const raw: Array<Omit<Segment, 'id'>> = [];
  const add = (modality: Segment['modality'], lead: string, startMs: number, endMs: number, point = false) => {
    const p = applyProtocol({ startMs, endMs, point });
    raw.push({ modality, lead, startMs: p.startMs, endMs: p.endMs, ...(point ? { point: true } : {}) });
  };
  const name = (i: number) => STANDARD_LEADS[i];
  if (who === 'a') {
    const qrsLeads = f.byQrs.slice(0, f.label === 'abnormal' ? 4 : 2);
    for (const i of qrsLeads) add('12-lead', name(i), 0, f.qrsOff);
    if (f.label === 'abnormal' && f.t) for (const i of f.byT.slice(0, 2)) add('12-lead', name(i), f.t.on, f.t.off);
    add('cinecg', TRAJECTORY_LEAD, 0, f.qrsOff);
    if (f.label === 'abnormal' && f.t) add('cinecg', TRAJECTORY_LEAD, f.t.on, f.t.off);
  } else if (f.label === 'abnormal') {
    for (const i of f.byQrs.slice(0, 3)) add('12-lead', name(i), f.qrsOff / 2, f.qrsOff + 10);
    if (f.t) add('12-lead', name(f.byT[0]), f.t.peak, f.t.peak, true);
    add('cinecg', TRAJECTORY_LEAD, f.qrsOff / 2, f.qrsOff + 10);
    if (f.t) add('cinecg', TRAJECTORY_LEAD, f.t.peak, f.t.peak, true);
  } else {
    const i = f.byQrs[0];
    add('12-lead', name(i), f.rPeakMs[i], f.rPeakMs[i], true);
    add('cinecg', TRAJECTORY_LEAD, 10, f.qrsOff - 10);
  }
  return {
    caseId,
    segments: raw.map((s, k) => ({ id: `${caseId}-${who}-${k + 1}`, ...s })),
    diagnosis: '',
    comments: `Made-up annotation (rule ${who.toUpperCase()} of scripts/make-example-study.ts), not a real expert.`,
    modalitiesDone: ['12-lead', 'cinecg'],
    updatedAt: STAMP,
  };
}

/** The three files, as text, from the bundled cases. */
export function makeExampleStudy(root = '.'): Record<string, string> {
  const manifest = parseManifest(JSON.parse(readFileSync(join(root, 'public/cases/manifest.json'), 'utf8')));
  const entries = ORDER.map((id) => {
    const e = manifest.cases.find((c) => c.id === id);
    if (!e) throw new Error(`public/cases/manifest.json has no case ${id}`);
    return e;
  });
  const study: Study = {
    ...buildStudy({
      id: 'example-v1',
      title: 'Example study: 10 PTB-XL records',
      modalityOrder: '12-lead-first',
      cases: entries.map(draftFromEntry),
      now: new Date(STAMP),
    }),
    example: true,
  };
  const feats = entries.map((e, k) =>
    features(join(root, 'public/cases', e.id, e.record), study.cases[k].label ?? 'abnormal'),
  );
  const file = (who: 'a' | 'b'): AnnotationFile => ({
    format: ANNOTATIONS_FORMAT,
    version: ANNOTATIONS_VERSION,
    studyId: study.id,
    expert: EXPERTS[who],
    cases: study.cases.map((c, k) => annotate(who, c.id, feats[k])),
  });
  return {
    'study.json': toJsonText(study),
    'annotations-made-up-a.json': toJsonText(file('a')),
    'annotations-made-up-b.json': toJsonText(file('b')),
  };
}

if (process.argv[1]?.endsWith('make-example-study.ts')) {
  const files = makeExampleStudy();
  const check = process.argv.includes('--check');
  let differ = 0;
  mkdirSync(EXAMPLE_DIR, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const path = join(EXAMPLE_DIR, name);
    if (check) {
      let old = '';
      try {
        old = readFileSync(path, 'utf8');
      } catch {
        // no file yet: it differs from the rule's output
      }
      if (old !== text) (differ++, console.error(`${path} differs from the rule's output`));
    } else writeFileSync(path, text);
  }
  if (check) process.exit(differ ? 1 : 0);
  console.log(`wrote ${Object.keys(files).join(', ')} to ${EXAMPLE_DIR}`);
}
