import type { MouseEvent } from 'react';
import type { CaseNavigation } from '../case/caseNavigation';
import { useServices } from '../services/AppServices';
import { urlWithCase } from '../case/caseNavigation';
import { parseSynthCaseId, pairedSynthCaseId, SYNTH_CASE_IDS, synthCaseEntry } from './synthCatalogue';

/** Opens a case in place on a plain click; a modified click is the browser's (new tab/window). */
export function openInPlace(e: MouseEvent<HTMLAnchorElement>, id: string, navigation: CaseNavigation | null): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  void navigation?.openDemo(id);
}

/**
 * The case picker's "Synthetic (known truth)" group: one generated record per pathology, said to be synthetic in its
 * heading and in every entry. The open case's row is marked current whether the record or its twin is open.
 */
export function SynthCaseLinks({ currentId }: { currentId: string | null }) {
  const { navigation } = useServices();
  const current = parseSynthCaseId(currentId);
  return (
    <section className="synth-cases" aria-labelledby="synth-cases-title" data-testid="synth-case-list">
      <h3 id="synth-cases-title" className="eyebrow">
        Synthetic (known truth)
      </h3>
      <p className="muted synth-cases-note">
        Generated here from a dipole model, not patients; each has a healthy twin.
      </p>
      <ul className="case-list">
        {SYNTH_CASE_IDS.map((id) => {
          const entry = synthCaseEntry(id)!;
          const isCurrent = current !== null && (currentId === id || pairedSynthCaseId(id) === currentId);
          return (
            <li key={id} className="case-link" data-case-id={id} data-current={isCurrent || undefined}>
              <a
                href={urlWithCase(window.location.href, id)}
                aria-current={isCurrent ? 'page' : undefined}
                onClick={(e) => openInPlace(e, id, navigation)}
              >
                {entry.title}
              </a>
              <span className="case-link-details">
                <span className="case-link-dx">{entry.diagnosis.statements[0].description}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
