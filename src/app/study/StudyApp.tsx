import { useEffect, useState } from 'react';
import type { AppStore } from '../store/appStore';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { BlindView } from './BlindView';
import { CoordinatorEvaluation } from './CoordinatorEvaluation';
import { ExpertGate } from './ExpertGate';
import { connectStudyPersistence } from './persist';
import { restoreSession } from './studyController';
import { studyDb } from './studyDb';
import { parseStudy } from './studyFiles';
import { StudyHome } from './StudyHome';
import { StudyNoticeBar } from './StudyNoticeBar';
import { EXAMPLE_STUDY_URL, evaluateFromUrl, studyParamFromUrl, withoutEvaluate } from './studyUrl';
import './study.css';

/** Fetches and checks the shipped example study. */
export async function fetchExampleStudy() {
  const res = await fetch(EXAMPLE_STUDY_URL);
  if (!res.ok) throw new Error(`fetching ${EXAMPLE_STUDY_URL} gave HTTP ${res.status}`);
  return parseStudy(await res.json(), 'Example study');
}

let booted: Promise<void> | null = null;
/** Once per page: `?study=example` opens the example (resuming its expert), `?study` resumes the last session. */
function boot(appStore: AppStore): Promise<void> {
  booted ??= (async () => {
    const param = studyParamFromUrl(window.location.search);
    try {
      const wanted = param === 'example' ? await fetchExampleStudy() : undefined;
      if (param && param !== 'example')
        appStore.getState().setStudyNotice({
          kind: 'error',
          message: `There is no shipped study “${param}”; open a study file instead.`,
        });
      await restoreSession(appStore, studyDb, wanted);
    } catch (e) {
      appStore.getState().setStudyNotice({
        kind: 'error',
        message: `The study could not be opened: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  })();
  return booted;
}

/**
 * Study mode (paper 3.5): a coordinator builds or opens a study, an expert annotates it blind. A page of its own,
 * so that the viewer's model, worker and explanations are never started here.
 */
export function StudyApp() {
  const appStore = useAppStoreApi();
  const study = useAppStore((s) => s.study);
  const expert = useAppStore((s) => s.expert);
  const [ready, setReady] = useState(false);
  const [evaluate, setEvaluate] = useState(() => evaluateFromUrl(window.location.search));
  const closeEvaluation = () => {
    window.history.replaceState(null, '', `${window.location.pathname}${withoutEvaluate(window.location.search)}`);
    setEvaluate(false);
  };
  useEffect(() => connectStudyPersistence(appStore, studyDb).stop, []);
  useEffect(() => {
    let live = true;
    void boot(appStore).then(() => live && setReady(true));
    return () => void (live = false);
  }, []);

  return (
    <div
      className="st-app"
      data-testid="study-app"
      data-study-state={
        !ready
          ? 'loading'
          : !study
            ? 'home'
            : evaluate
              ? expert
                ? 'evaluate-locked'
                : 'evaluate'
              : !expert
                ? 'expert'
                : 'blind'
      }
    >
      <header className="st-header">
        <span className="st-brand">CineECG Explorer · Study</span>
        <span className="st-privacy">Everything stays in this browser (IndexedDB); nothing is uploaded.</span>
        <a className="st-btn st-link" href="./">
          Back to the viewer
        </a>
      </header>
      <StudyNoticeBar />
      {!ready && (
        <p className="st-loading" role="status">
          Opening the study…
        </p>
      )}
      {ready && !study && evaluate && (
        <p className="st-notice" role="note" data-testid="evaluate-pick">
          Coordinator’s evaluation: open the study to evaluate (the example or a study file); its tables follow.
        </p>
      )}
      {ready && !study && <StudyHome />}
      {ready && study && evaluate && <CoordinatorEvaluation study={study} expert={expert} onClose={closeEvaluation} />}
      {ready && study && !evaluate && !expert && <ExpertGate study={study} />}
      {ready && study && !evaluate && expert && <BlindView study={study} />}
    </div>
  );
}
