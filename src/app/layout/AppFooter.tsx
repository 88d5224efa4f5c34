import { SHORTCUTS } from '../keyboard/shortcuts';
import type { CaseEntry } from '../case/manifest';

/** Full citation of the open case's data, as its license asks. */
export function AppFooter({ entry }: { entry: CaseEntry | null }) {
  return (
    <footer className="app-footer">
      {entry && (
        <p>
          <span className="muted">Demo data: </span>
          {entry.credit}{' '}
          <a href={entry.license.url} target="_blank" rel="noreferrer">
            {entry.license.name}
          </a>
        </p>
      )}
      <p className="muted">CineECG Explorer is a research prototype. All processing happens in this browser tab.</p>
      <p className="muted shortcuts" data-testid="shortcuts">
        Keys:{' '}
        {SHORTCUTS.map((s, i) => (
          <span key={s.keys}>
            {i > 0 && ' · '}
            <kbd>{s.keys}</kbd> {s.does}
          </span>
        ))}
      </p>
    </footer>
  );
}
