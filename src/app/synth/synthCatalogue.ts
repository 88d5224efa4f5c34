import type { CaseEntry } from '../case/manifest';

/**
 * The app's synthetic cases (issue 16): one per pathology, generated in the browser by the core generator
 * (src/core/synth, loaded lazily by makeSynthCase.ts) from a fixed seed, so `?case=synth-lafb` always opens the same
 * record, bit for bit the one `cli synth --seed 16 --count 2 --pathology lafb` writes as synth-16-1. Every case has a
 * healthy twin `<id>-healthy` (same beats and noise, nothing injected). This file holds only names and words: it
 * sits in the page's first chunk, the generator does not.
 *
 * Seed 16, record 1 was chosen because its window (1414 ms) is the same in the record and its twin, so the two open at
 * the same beat; every pathology of it shares one healthy heart (the twin of each is the `normal` record).
 */
export const SYNTH_CASE_SEED = 16;
export const SYNTH_CASE_INDEX = 1;

export const SYNTH_CASE_PATHOLOGIES = ['lafb', 'bbb', 'st', 't-inversion', 'normal'] as const;
export type SynthCasePathology = (typeof SYNTH_CASE_PATHOLOGIES)[number];

const TITLES: Record<SynthCasePathology, { title: string; what: string }> = {
  lafb: {
    title: 'Synthetic LAFB-like',
    what: 'left-anterior-fascicular-block-like: mid/late QRS forces shifted superior and leftward',
  },
  bbb: {
    title: 'Synthetic bundle-branch-block-like',
    what: 'bundle-branch-block-like: QRS widened with a terminal delay',
  },
  st: { title: 'Synthetic ST change', what: 'ST elevation or depression in one territory' },
  't-inversion': { title: 'Synthetic T-wave inversion', what: 'T vector turned away from one territory' },
  normal: { title: 'Synthetic normal', what: 'nothing injected (a normal record is its own twin)' },
};

const TWIN_SUFFIX = '-healthy';

export interface SynthCaseRef {
  pathology: SynthCasePathology;
  /** The healthy twin of the pathology's record. */
  twin: boolean;
}

/** `synth-lafb` → {lafb, record}; `synth-lafb-healthy` → {lafb, twin}; anything else → null. */
export function parseSynthCaseId(id: string | null | undefined): SynthCaseRef | null {
  if (!id?.startsWith('synth-')) return null;
  const rest = id.slice('synth-'.length);
  const twin = rest.endsWith(TWIN_SUFFIX);
  const name = twin ? rest.slice(0, -TWIN_SUFFIX.length) : rest;
  const pathology = SYNTH_CASE_PATHOLOGIES.find((p) => p === name);
  if (!pathology || (twin && pathology === 'normal')) return null;
  return { pathology, twin };
}

export const isSynthCaseId = (id: string | null | undefined): boolean => parseSynthCaseId(id) !== null;

export const synthCaseId = (pathology: SynthCasePathology, twin = false): string =>
  `synth-${pathology}${twin ? TWIN_SUFFIX : ''}`;

/** The other half of the pair: record ↔ twin (null for `normal`, which has none besides itself). */
export function pairedSynthCaseId(id: string): string | null {
  const ref = parseSynthCaseId(id);
  if (!ref || ref.pathology === 'normal') return null;
  return synthCaseId(ref.pathology, !ref.twin);
}

export const SYNTH_NOTICE = 'Synthetic ECG generated in this browser from a cardiac dipole model: not a patient.';

/** A manifest-shaped entry, so the header, footer and case summary treat a synthetic case like any other. */
export function synthCaseEntry(id: string | null | undefined): CaseEntry | null {
  const ref = parseSynthCaseId(id);
  if (!ref) return null;
  const t = TITLES[ref.pathology];
  const title = ref.twin ? `Healthy twin of ${t.title.replace('Synthetic', 'synthetic')}` : t.title;
  const what = ref.twin ? `the same beats and noise as ${synthCaseId(ref.pathology)}, nothing injected` : t.what;
  return {
    id: id!,
    title: `${title} (not a patient)`,
    record: `synth-${SYNTH_CASE_SEED}-${SYNTH_CASE_INDEX}${ref.twin ? TWIN_SUFFIX : ''}`,
    format: 'WFDB format 16 (generated)',
    files: [`synth-${SYNTH_CASE_SEED}-${SYNTH_CASE_INDEX}.hea`],
    diagnosis: {
      statements: [
        {
          code: ref.twin ? 'SYNTH-TWIN' : `SYNTH-${ref.pathology.toUpperCase()}`,
          description: ref.twin ? 'Healthy twin (synthetic)' : `${t.title.replace('Synthetic ', '')} (synthetic)`,
        },
      ],
      report: `Synthetic, known by construction: ${what}.`,
    },
    source: {
      dataset: 'CineECG Explorer synthetic generator (src/core/synth)',
      samplingHz: 500,
      durationS: 10,
      url: 'https://doi.org/10.1109/TBME.2003.808805',
    },
    modelSplit: 'none',
    license: { name: 'generated, no data licence', url: 'https://doi.org/10.1109/TBME.2003.808805' },
    creditShort: `Synthetic (seed ${SYNTH_CASE_SEED}, record ${SYNTH_CASE_INDEX})`,
    credit: `${SYNTH_NOTICE} Dipole model after McSharry et al. 2003 (IEEE TBME 50:289), Dower projection.`,
  };
}

/** The picker's list: each pathology's record (twins are one click away from it). */
export const SYNTH_CASE_IDS: readonly string[] = SYNTH_CASE_PATHOLOGIES.map((p) => synthCaseId(p));
