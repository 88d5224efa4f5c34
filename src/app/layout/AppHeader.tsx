import { CaseBar } from '../case/CaseBar';

/** Product name, the case picker, and the two promises that matter (privacy, not a diagnosis), in one compact band. */
export function AppHeader() {
  return (
    <header className="app-header">
      <div className="brand-row">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">CineECG Explorer</span>
          <span className="brand-tagline">Why does the model call this ECG normal or abnormal?</span>
        </div>
        <CaseBar />
        <a
          className="button study-link"
          href="?study"
          title="Blind expert annotation: build a study, annotate cases without labels or predictions"
        >
          Study
        </a>
        <p className="privacy" data-testid="privacy-note">
          <LockIcon /> Your files never leave this browser
        </p>
        <p className="caution" role="note" data-testid="caution">
          <strong>Research tool, not a diagnosis.</strong> Not a medical device.
        </p>
      </div>
    </header>
  );
}

function LockIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
