import { useEffect, useMemo, useState } from 'react';
import { type CaseFacts, caseFacts } from '../../core/tour/case-facts';
import type { TourDefinition } from '../../core/tour/tour-types';
import { METHOD_LABELS } from '../../core/xai/catalogue';
import { bipolarPhi } from '../../core/xai/mapping';
import { fetchCaseFiles } from '../case/fetchCase';
import { openCase } from '../case/openCase';
import { type AppError, toAppError } from '../errors/appError';
import { selectExplanationOf } from '../store/explainSlice';
import { useAppStore } from '../store/useAppStore';

export type FactsState =
  { status: 'waiting'; why: string } | { status: 'ready'; facts: CaseFacts } | { status: 'error'; error: AppError };

/** The open case's facts for the tour: computed from the prepared record and the final 12-lead explanation, if any. */
export function useTourCaseFacts(tour: TourDefinition | null): FactsState {
  const prepared = useAppStore((s) => s.prepared);
  const caseId = useAppStore((s) => s.caseId);
  const status = useAppStore((s) => s.caseStatus);
  const manifest = useAppStore((s) => s.manifest);
  const explanation = useAppStore((s) => {
    const e = selectExplanationOf(s, s.appModels?.primary.id ?? null);
    return e && !e.refining ? e : null;
  });
  return useMemo((): FactsState => {
    if (!tour) return { status: 'waiting', why: 'no tour' };
    if (status !== 'ready' || !prepared || caseId !== tour.caseId)
      return { status: 'waiting', why: 'Opening the tour’s case…' };
    try {
      const title = manifest?.cases.find((c) => c.id === caseId)?.title ?? caseId;
      const phi = explanation
        ? {
            phi: bipolarPhi(explanation.attributions[0], explanation.attributions[1]),
            method: METHOD_LABELS[explanation.method],
          }
        : null;
      return { status: 'ready', facts: caseFacts({ caseId, title, prepared, explanation: phi }) };
    } catch (e) {
      return { status: 'error', error: toAppError(e) };
    }
  }, [tour, status, prepared, caseId, manifest, explanation]);
}

const contrastCache = new Map<string, Promise<CaseFacts>>();

/** The contrast case's facts: its files fetched and prepared beside the open case (it is not opened). */
export function useContrastFacts(caseId: string | undefined, wanted: boolean): CaseFacts | null {
  const manifest = useAppStore((s) => s.manifest);
  const [facts, setFacts] = useState<CaseFacts | null>(null);
  useEffect(() => {
    const entry = manifest?.cases.find((c) => c.id === caseId);
    if (!wanted || !entry) return;
    let live = true;
    let p = contrastCache.get(entry.id);
    if (!p) {
      p = fetchCaseFiles(entry).then((files) =>
        caseFacts({ caseId: entry.id, title: entry.title, prepared: openCase(files) }),
      );
      contrastCache.set(entry.id, p);
      p.catch(() => contrastCache.delete(entry.id));
    }
    p.then(
      (f) => live && setFacts(f),
      () => live && setFacts(null),
    );
    return () => void (live = false);
  }, [manifest, caseId, wanted]);
  return facts;
}
