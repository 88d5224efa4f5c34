import { CaseSummary } from './case/CaseSummary';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { ErrorPanel } from './errors/ErrorPanel';
import { EcgPanel } from './grid/EcgPanel';
import { AppFooter } from './layout/AppFooter';
import { AppHeader } from './layout/AppHeader';
import { selectCaseEntry } from './store/caseSlice';
import { useAppStore } from './store/useAppStore';

/** The shell: header, the open case, and exactly one of loading / error / ECG. */
export function App() {
  const status = useAppStore((s) => s.caseStatus);
  const prepared = useAppStore((s) => s.prepared);
  const error = useAppStore((s) => s.caseError);
  const entry = useAppStore(selectCaseEntry);

  return (
    <div className="app" data-case-status={status}>
      <AppHeader />
      <main className="app-main">
        <ErrorBoundary>
          {entry && <CaseSummary entry={entry} prepared={prepared} />}
          {status === 'error' && error && <ErrorPanel error={error} />}
          {(status === 'idle' || status === 'loading') && (
            <p className="panel loading" role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" /> Loading {entry ? `“${entry.title}”` : 'demo case'}…
            </p>
          )}
          {status === 'ready' && prepared && <EcgPanel prepared={prepared} caseTitle={entry?.title ?? prepared.record.name} />}
        </ErrorBoundary>
      </main>
      <AppFooter entry={entry} />
    </div>
  );
}
