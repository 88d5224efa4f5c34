/** Study mode is a page of its own: `?study` (the coordinator's start, or the last session) or `?study=example`. */
export function studyParamFromUrl(search: string): string | null {
  const p = new URLSearchParams(search);
  return p.has('study') ? (p.get('study') ?? '').trim() : null;
}

export const EXAMPLE_STUDY_URL = 'studies/example/study.json';
export const EXAMPLE_ANNOTATION_URLS = [
  'studies/example/annotations-made-up-a.json',
  'studies/example/annotations-made-up-b.json',
];
/** Said wherever the example's annotators appear. */
export const MADE_UP_NOTE = 'made-up annotations, not real experts';

/**
 * `&evaluate` (with `?study` or `?study=example`): the coordinator's evaluation entry. The evaluation shows labels,
 * predictions and attributions, so it has its own entry and is never offered on an expert's screens.
 */
export function evaluateFromUrl(search: string): boolean {
  const p = new URLSearchParams(search);
  return p.has('study') && p.has('evaluate');
}

/** The same page without the evaluation entry (where closing the evaluation goes). */
export function withoutEvaluate(search: string): string {
  const p = new URLSearchParams(search);
  p.delete('evaluate');
  const s = p.toString().replace(/=(&|$)/g, '$1');
  return s ? `?${s}` : '';
}
