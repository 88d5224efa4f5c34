import { lazy, Suspense, useEffect } from 'react';
import { QRS_REGION_MS } from '../../core/constants';
import { type Modality, type Study, TRAJECTORY_LEAD } from '../../core/eval/study-format';
import { type RawMark, selectOpenCase, selectProgress } from '../store/studySlice';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { AnnotationGrid } from './AnnotationGrid';
import { ANNOTATION_MM_PER_MV, ANNOTATION_MM_PER_S } from './annotationGridLayout';
import { CaseNotes } from './CaseNotes';
import { CineTimeline } from './CineTimeline';
import { ExportButtons, ImportAnnotationsButton } from './ImportExport';
import { MarkList } from './MarkList';
import { MODALITY_NAME, markingOpen } from './modalityGate';
import { leaveExpert } from './studyController';
import { studyDb } from './studyDb';
import { MADE_UP_NOTE } from './studyUrl';
import { useStudyCase } from './useStudyCase';
import { useStudyShortcuts } from './useStudyShortcuts';

// three.js loads on its own chunk, as in the viewer.
const StudyHeart = lazy(() => import('./StudyHeart'));

/**
 * Blind mode: "Case 3 of 10", the heart rate, the 12-lead window and the 3D CineECG side by side, marks, notes,
 * undo/redo and progress. Shows nothing of the case's title, label, the model's prediction or any attribution,
 * and starts no model or worker.
 */
export function BlindView({ study }: { study: Study }) {
  const appStore = useAppStoreApi();
  const expert = useAppStore((s) => s.expert)!;
  const caseIndex = useAppStore((s) => s.caseIndex);
  const annotations = useAppStore((s) => s.annotations);
  const selectedId = useAppStore((s) => s.selectedMarkId);
  const canUndo = useAppStore((s) => s.undoStack.length > 0);
  const canRedo = useAppStore((s) => s.redoStack.length > 0);
  const open = selectOpenCase({ study, annotations, caseIndex })!;
  const progress = selectProgress({ study, annotations });
  const state = useStudyCase(study, caseIndex);
  const gate = markingOpen(study.modalityOrder, open.modalitiesDone);
  const n = study.cases.length;
  useStudyShortcuts();
  useEffect(() => appStore.getState().setCursorMs(null), [caseIndex]);

  const ecgMarks = open.segments.filter((s) => s.modality === '12-lead');
  const cineMarks = open.segments.filter((s) => s.modality === 'cinecg');
  const mark = (m: RawMark) => {
    if (study.modalityOrder === 'free' && !open.modalitiesDone.includes(m.modality))
      appStore.getState().modalityDone(m.modality);
    appStore.getState().addMark(m);
  };
  const del = (id: string) => appStore.getState().deleteMark(id);
  const sel = (id: string | null) => appStore.getState().selectMark(id);
  const step = (m: Modality) =>
    study.modalityOrder === 'free' ? null : open.modalitiesDone.includes(m) ? 'done' : gate[m] ? 'now' : 'locked';

  return (
    <main className="st-blind" data-testid="blind-view" data-case-index={caseIndex}>
      <div className="st-bar">
        <h1 className="st-case-title" aria-live="polite">
          Case {caseIndex + 1} of {n}
        </h1>
        <p className="st-hr" data-testid="heart-rate">
          Heart rate{' '}
          <strong>
            {state.status === 'ready' && state.data.heartRateBpm !== null ? `${state.data.heartRateBpm} bpm` : '–'}
          </strong>
        </p>
        <div className="st-progress">
          <progress max={n} value={progress.done} aria-label="Cases finished (both modalities done)" />
          <span data-testid="study-progress" title="A case is finished when both its modalities are marked done">
            {progress.done}/{n} finished{progress.started > 0 && `, ${progress.started} started`}
          </span>
        </div>
        <div className="st-row">
          <button
            type="button"
            className="st-btn"
            disabled={caseIndex === 0}
            onClick={() => appStore.getState().goToCase(caseIndex - 1)}
            title="Previous case (Alt+← or Page Up)"
          >
            ← Previous
          </button>
          <button
            type="button"
            className="st-btn st-primary"
            disabled={caseIndex >= n - 1}
            onClick={() => appStore.getState().goToCase(caseIndex + 1)}
            title="Next case (Alt+→ or Page Down)"
          >
            Next →
          </button>
          <button
            type="button"
            className="st-btn"
            disabled={!canUndo}
            onClick={() => appStore.getState().undo()}
            title="Undo (Ctrl+Z)"
          >
            Undo
          </button>
          <button
            type="button"
            className="st-btn"
            disabled={!canRedo}
            onClick={() => appStore.getState().redo()}
            title="Redo (Ctrl+Shift+Z)"
          >
            Redo
          </button>
        </div>
        <span className="st-expert st-end" data-testid="expert-name">
          {expert.name}
          {expert.madeUp && <strong className="st-madeup"> · {MADE_UP_NOTE}</strong>}
        </span>
        <details className="st-menu">
          <summary className="st-btn">Files ▾</summary>
          <div className="st-menu-body">
            <ExportButtons />
            <ImportAnnotationsButton study={study} label="Import JSON or CSV…" />
            <button type="button" className="st-btn" onClick={() => void leaveExpert(appStore, studyDb)}>
              Switch expert
            </button>
          </div>
        </details>
      </div>

      {state.status === 'error' && (
        <p className="st-notice st-notice-error" role="alert">
          This case could not be opened: {state.message}
        </p>
      )}
      <div className="st-views">
        <section
          className="st-panel st-ecg"
          aria-labelledby="st-ecg-title"
          data-marking={gate['12-lead'] ? 'open' : 'locked'}
        >
          <header className="st-panel-head">
            <h2 id="st-ecg-title">12-lead ECG</h2>
            <span
              className="st-muted st-small"
              title="Time 0 is the QRS onset of the chosen beat; every lead has its own row."
            >
              400 ms · {ANNOTATION_MM_PER_S} mm/s (box 4 ms) · {ANNOTATION_MM_PER_MV} mm/mV
            </span>
            <StepControl modality="12-lead" step={step('12-lead')} />
          </header>
          {!gate['12-lead'] && (
            <p className="st-locked">
              Finish the {MODALITY_NAME.cinecg} first: the modalities are annotated independently.
            </p>
          )}
          {state.status === 'ready' ? (
            <AnnotationGrid
              windowLeadsMv={state.data.windowLeadsMv}
              fsHz={state.data.prepared.fsHz}
              segments={ecgMarks}
              selectedId={selectedId}
              enabled={gate['12-lead']}
              onMark={mark}
              onSelect={sel}
              onDelete={del}
            />
          ) : (
            state.status === 'loading' && (
              <p className="st-loading" role="status">
                Loading the case…
              </p>
            )
          )}
          <MarkList modality="12-lead" segments={ecgMarks} selectedId={selectedId} enabled={gate['12-lead']} />
        </section>
        <section
          className="st-panel st-cine"
          aria-labelledby="st-cine-title"
          data-marking={gate.cinecg ? 'open' : 'locked'}
        >
          <header className="st-panel-head">
            <h2 id="st-cine-title">CineECG in 3D</h2>
            <StepControl modality="cinecg" step={step('cinecg')} />
          </header>
          {!gate.cinecg && (
            <p className="st-locked">
              Finish the {MODALITY_NAME['12-lead']} first: the modalities are annotated independently.
            </p>
          )}
          {state.status === 'ready' && (
            <Suspense fallback={<p className="st-loading">Loading the 3D view…</p>}>
              <StudyHeart
                prepared={state.data.prepared}
                segments={cineMarks}
                selectedId={selectedId}
                enabled={gate.cinecg}
                onPickMs={(ms) =>
                  mark({ modality: 'cinecg', lead: TRAJECTORY_LEAD, startMs: ms, endMs: ms, point: true })
                }
              />
            </Suspense>
          )}
          <CineTimeline
            segments={cineMarks}
            selectedId={selectedId}
            enabled={gate.cinecg}
            onMark={mark}
            onSelect={sel}
            onDelete={del}
          />
          <p className="st-help">
            Move along the track to follow the marker on the trajectory; drag to mark a segment, click for a point.
            Shaded: the QRS region (0–{QRS_REGION_MS} ms).
          </p>
          <MarkList modality="cinecg" segments={cineMarks} selectedId={selectedId} enabled={gate.cinecg} />
        </section>
      </div>
      <CaseNotes diagnosis={open.diagnosis} comments={open.comments} />
    </main>
  );
}

function StepControl({ modality, step }: { modality: Modality; step: 'done' | 'now' | 'locked' | null }) {
  const appStore = useAppStoreApi();
  if (step === null) return null;
  if (step === 'done') return <span className="st-step st-step-done">Done ✓</span>;
  return (
    <button
      type="button"
      className="st-btn st-step"
      disabled={step === 'locked'}
      onClick={() => appStore.getState().modalityDone(modality)}
    >
      {MODALITY_NAME[modality]} done
    </button>
  );
}
