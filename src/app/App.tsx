import { lazy, Suspense } from 'react';
import { CaseSummary } from './case/CaseSummary';
import { DropZone } from './case/DropZone';
import { LocalCaseSummary } from './case/LocalCaseSummary';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { ErrorPanel } from './errors/ErrorPanel';
import { ExplainPanel } from './explain/ExplainPanel';
import { SynthCaseSummary } from './synth/SynthCaseSummary';
import { isSynthCaseId } from './synth/synthCatalogue';
import { FaultNotices } from './faults/FaultNotices';
import { PanelBoundary } from './faults/PanelBoundary';
import { ExplainProgressOverlay } from './explain/ExplainProgressOverlay';
import { useExplainEstimate } from './explain/useExplainEstimate';
import { EcgPanel } from './grid/EcgPanel';
import { PredictionPanel } from './inference/PredictionPanel';
import { useShortcuts } from './keyboard/useShortcuts';
import { AppFooter } from './layout/AppFooter';
import { AppHeader } from './layout/AppHeader';
import { Workspace } from './layout/Workspace';
import { selectCaseEntry, selectCaseLabel } from './store/caseSlice';
import { useAppStore } from './store/useAppStore';
import { useTour } from './tour/useTour';
import { useTourKeys } from './tour/useTourKeys';

// three.js and the heart view load on their own chunk, so the first screen does not wait for them.
const HeartPanel = lazy(() => import('./heart/HeartPanel'));
// The tour computes its statements with the CineECG walk: its own chunk, loaded when a tour starts.
const TourBand = lazy(() => import('./tour/TourBand'));

/**
 * The workstation: a header with the case picker, one strip with the case and the model's output, the explanation
 * bar, and the grid beside the heart filling the rest of the screen (no page scroll at ≥ 1280×720 landscape;
 * narrow or portrait screens stack and scroll).
 */
export function App() {
  const status = useAppStore((s) => s.caseStatus);
  const prepared = useAppStore((s) => s.prepared);
  const error = useAppStore((s) => s.caseError);
  const entry = useAppStore(selectCaseEntry);
  const localFiles = useAppStore((s) => s.localFiles);
  const caseLabel = useAppStore(selectCaseLabel);
  const openingFiles = useAppStore((s) => s.openingFiles);
  const fileError = useAppStore((s) => s.fileError);
  const estimate = useExplainEstimate();

  useShortcuts();
  useTourKeys();
  const touring = useTour((s) => s.tourId !== null);

  return (
    <div className="app" data-case-status={status}>
      <AppHeader />
      <DropZone />
      <FaultNotices />
      <main className="app-main">
        <ErrorBoundary>
          {openingFiles && (
            <p className="panel loading" data-testid="opening-files" aria-live="polite">
              <span className="spinner" aria-hidden="true" /> Opening {openingFiles.join(', ')}…
            </p>
          )}
          {fileError && (
            <ErrorPanel
              error={fileError}
              title={`This file could not be opened; ${prepared ? 'the case shown is unchanged' : 'nothing else was changed'}`}
            />
          )}
          {(entry || localFiles) && (
            <div className="case-row">
              {entry ? (
                isSynthCaseId(entry.id) ? (
                  <SynthCaseSummary entry={entry} prepared={prepared} />
                ) : (
                  <CaseSummary entry={entry} prepared={prepared} />
                )
              ) : (
                localFiles && <LocalCaseSummary fileNames={localFiles} prepared={prepared} />
              )}
              {status !== 'error' && <PredictionPanel />}
            </div>
          )}
          {status === 'error' && error && <ErrorPanel error={error} />}
          {(status === 'idle' || status === 'loading') && (
            <p className="panel loading" role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" /> Loading {caseLabel}…
            </p>
          )}
          {status === 'ready' && prepared && <ExplainPanel />}
          {touring && (
            <Suspense fallback={null}>
              <TourBand />
            </Suspense>
          )}
          {status === 'ready' && prepared && (
            <Workspace
              left={<EcgPanel prepared={prepared} caseTitle={entry?.title ?? prepared.record.name} />}
              right={
                <PanelBoundary panel="heart" label="The 3D heart">
                  <Suspense
                    fallback={
                      <p className="panel loading" role="status">
                        <span className="spinner" aria-hidden="true" /> Loading the 3D view…
                      </p>
                    }
                  >
                    <HeartPanel />
                  </Suspense>
                </PanelBoundary>
              }
              overlay={<ExplainProgressOverlay estimateMs={estimate?.ms ?? null} />}
            />
          )}
        </ErrorBoundary>
      </main>
      <AppFooter entry={entry} />
    </div>
  );
}
