import { useRef } from 'react';
import { CaseBrowser } from './CaseBrowser';
import { OpenFiles } from './OpenFiles';

/**
 * Choosing what to look at, compact: the bundled cases in a drop-down picker (a list of links inside a disclosure,
 * so each case stays linkable and keyboard-reachable), and Open files… for the user's own record.
 */
export function CaseBar() {
  const picker = useRef<HTMLDetailsElement>(null);
  const close = () => picker.current?.removeAttribute('open');
  return (
    <section className="case-bar" aria-label="Choose a case">
      <details
        ref={picker}
        className="case-picker"
        data-testid="case-picker"
        onKeyDown={(e) => e.key === 'Escape' && close()}
        onClick={(e) => (e.target as HTMLElement).closest('a') && close()}
      >
        <summary className="button">Demo cases</summary>
        <div className="case-picker-menu">
          <CaseBrowser />
        </div>
      </details>
      <OpenFiles />
    </section>
  );
}
