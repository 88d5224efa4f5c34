import { useEffect } from 'react';
import { CaseSummary } from './case/CaseSummary';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { ErrorPanel } from './errors/ErrorPanel';
import { ExplainPanel } from './explain/ExplainPanel';
import { EcgPanel } from './grid/EcgPanel';
import { PredictionPanel } from './inference/PredictionPanel';
import { startInference } from './inference/startInference';
import { AppFooter } from './layout/AppFooter';
import { AppHeader } from './layout/AppHeader';
import { appStore } from './store/appStore';
import { selectCaseEntry } from './store/caseSlice';
import { useAppStore } from './store/useAppStore';

/** The shell: header, the open case, and exactly one of loading / error / ECG. */
export function App() {
  const status = useAppStore((s) => s.caseStatus);
  const prepared = useAppStore((s) => s.prepared);
  const error = useAppStore((s) => s.caseError);
  const entry = useAppStore(selectCaseEntry);

  // The model loads in its worker while the case loads (startInference is idempotent).
  useEffect(() => startInference(appStore, { search: window.location.search, baseUri: document.baseURI }), []);

  return (
    <div className="app" data-case-status={status}>
      <AppHeader />
      <main className="app-main">
        <ErrorBoundary>
          {entry && (
            <div className="case-row">
              <CaseSummary entry={entry} prepared={prepared} />
              {status !== 'error' && <PredictionPanel />}
            </div>
          )}
          {status === 'error' && error && <ErrorPanel error={error} />}
          {(status === 'idle' || status === 'loading') && (
            <p className="panel loading" role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" /> Loading {entry ? `“${entry.title}”` : 'demo case'}…
            </p>
          )}
          {status === 'ready' && prepared && <EcgPanel prepared={prepared} caseTitle={entry?.title ?? prepared.record.name} />}
          {status === 'ready' && prepared && <ExplainPanel />}
        </ErrorBoundary>
      </main>
      <AppFooter entry={entry} />
    </div>
  );
}
