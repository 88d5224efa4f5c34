import { SHORTCUTS } from '../keyboard/shortcuts';
import type { CaseEntry } from '../case/manifest';

/** Full citation of the open case's data, as its license asks. */
export function AppFooter({ entry }: { entry: CaseEntry | null }) {
  return (
    <footer className="app-footer">
      {entry && (
        <p className="footer-credit" title={`${entry.credit} ${entry.license.name}`}>
          <span className="muted">Demo data: </span>
          {entry.credit}{' '}
          <a href={entry.license.url} target="_blank" rel="noreferrer">
            {entry.license.name}
          </a>
        </p>
      )}
      <p className="muted footer-note">Research prototype; all processing happens in this browser tab.</p>
      <details className="footer-keys">
        <summary>Keyboard shortcuts</summary>
        <p className="muted shortcuts" data-testid="shortcuts">
          Keys:{' '}
          {SHORTCUTS.map((s, i) => (
            <span key={s.keys}>
              {i > 0 && ' · '}
              <kbd>{s.keys}</kbd> {s.does}
            </span>
          ))}
        </p>
      </details>
    </footer>
  );
}
