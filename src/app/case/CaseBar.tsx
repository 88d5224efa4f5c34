import { CaseBrowser } from './CaseBrowser';
import { OpenFiles } from './OpenFiles';

/** Choosing what to look at: a bundled case, or the user's own files. */
export function CaseBar() {
  return (
    <section className="panel case-bar" aria-label="Choose a case">
      <CaseBrowser />
      <OpenFiles />
    </section>
  );
}
