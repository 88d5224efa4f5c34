import { type MouseEvent, useEffect } from 'react';
import { useAppStore } from '../store/useAppStore';
import { useServices } from '../services/AppServices';
import { urlWithCase } from './caseNavigation';
import type { CaseEntry } from './manifest';
import { SPLIT_TEXT } from './modelSplit';
import { SynthCaseLinks } from '../synth/SynthCaseLinks';

/**
 * The bundled cases as a list of links (`?case=<id>`): keyboard and screen-reader friendly for free, and
 * each one linkable (middle-click opens it in a new tab). A plain click opens the case in place.
 * The link's name is the title; the diagnosis, credit and model split are its description.
 */
export function CaseBrowser() {
  const { navigation } = useServices();
  const manifest = useAppStore((s) => s.manifest);
  const caseId = useAppStore((s) => s.caseId);
  const local = useAppStore((s) => s.localFiles !== null);

  // Back/forward between cases opened here.
  useEffect(() => {
    const onPop = () => void navigation?.followAddress();
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  if (!manifest) return null;
  return (
    <nav className="case-browser" aria-labelledby="case-browser-title">
      <h2 id="case-browser-title" className="eyebrow">
        Demo cases
      </h2>
      <ul className="case-list">
        {manifest.cases.map((c) => (
          <CaseLink key={c.id} entry={c} current={!local && c.id === caseId} />
        ))}
      </ul>
      <SynthCaseLinks currentId={local ? null : caseId} />
    </nav>
  );
}

function CaseLink({ entry, current }: { entry: CaseEntry; current: boolean }) {
  const { navigation } = useServices();
  const detailsId = `case-link-details-${entry.id}`;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // new tab/window: the browser's job
    e.preventDefault();
    void navigation?.openDemo(entry.id);
  };
  const statements = entry.diagnosis.statements;
  return (
    <li className="case-link" data-case-id={entry.id} data-current={current || undefined}>
      <a
        href={urlWithCase(window.location.href, entry.id)}
        aria-current={current ? 'page' : undefined}
        aria-describedby={detailsId}
        onClick={onClick}
      >
        {entry.title}
      </a>
      <span id={detailsId} className="case-link-details">
        <span className="case-link-dx" title={statements.map((s) => `${s.code}: ${s.description}`).join('; ')}>
          {statements.map((s) => s.code).join(' · ')}
        </span>
        <span className="case-link-credit">
          {entry.creditShort} · {entry.license.name}
        </span>
        {entry.modelSplit && (
          <span className={`split-badge split-${entry.modelSplit}`}>{SPLIT_TEXT[entry.modelSplit].short}</span>
        )}
      </span>
    </li>
  );
}
