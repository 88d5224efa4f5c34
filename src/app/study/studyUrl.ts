/** Study mode is a page of its own: `?study` (the coordinator's start, or the last session) or `?study=example`. */
export function studyParamFromUrl(search: string): string | null {
  const p = new URLSearchParams(search);
  return p.has('study') ? (p.get('study') ?? '').trim() : null;
}

export const EXAMPLE_STUDY_URL = 'studies/example/study.json';
export const EXAMPLE_ANNOTATION_URLS = ['studies/example/annotations-made-up-a.json', 'studies/example/annotations-made-up-b.json'];
/** Said wherever the example's annotators appear. */
export const MADE_UP_NOTE = 'made-up annotations, not real experts';
