import { useEffect, useState } from 'react';
import type { Study } from '../../core/eval/study-format';
import { type StudyCaseData, loadStudyCase } from './caseData';

export type StudyCaseState =
  { status: 'loading' } | { status: 'ready'; data: StudyCaseData } | { status: 'error'; message: string };

/** The open case's record (and the next one fetched ahead, so "Next" is instant). */
export function useStudyCase(study: Study, index: number): StudyCaseState {
  const [state, setState] = useState<StudyCaseState>({ status: 'loading' });
  useEffect(() => {
    const c = study.cases[index];
    if (!c) return;
    let live = true;
    setState({ status: 'loading' });
    loadStudyCase(study.id, c).then(
      (data) => {
        if (!live) return;
        setState({ status: 'ready', data });
        const next = study.cases[index + 1];
        if (next) void loadStudyCase(study.id, next).catch(() => undefined);
      },
      (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => void (live = false);
  }, [study, index]);
  return state;
}
