import { useAppStoreApi } from '../store/useAppStore';
import { useEffect, useState } from 'react';
import type { Expert, Study } from '../../core/eval/study-format';
import { downloadText, fileStem } from './download';
import { ImportAnnotationsButton } from './ImportExport';
import { chooseExpert } from './studyController';
import { studyDb } from './studyDb';
import { toJsonText } from './studyFiles';
import { MADE_UP_NOTE } from './studyUrl';

/** A stable id from a name or initials ("Dr. A. Smith" → "dr-a-smith"). */
export const expertIdOf = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Who is annotating: asked once per study (then remembered), with the experts who already have work here. */
export function ExpertGate({ study }: { study: Study }) {
  const appStore = useAppStoreApi();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [known, setKnown] = useState<Expert[]>([]);
  useEffect(() => void studyDb.expertsOf(study.id).then(setKnown, () => setKnown([])), [study.id]);
  const expertId = expertIdOf(id || name);
  const start = (e: Expert) => void chooseExpert(appStore, studyDb, e);

  return (
    <main className="st-home">
      <section className="st-card" aria-labelledby="st-expert-title">
        <p className="st-eyebrow">Study · {study.cases.length} cases</p>
        <h1 id="st-expert-title">{study.title}</h1>
        <form
          className="st-form-row"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (expertId) start({ id: expertId, name: name.trim() || expertId });
          }}
        >
          <label>
            Your name{' '}
            <input className="st-input" value={name} onChange={(e) => setName(e.target.value)} autoFocus required />
          </label>
          <label>
            Id or initials (optional){' '}
            <input
              className="st-input"
              value={id}
              onChange={(e) => setId(e.target.value)}
              placeholder={expertIdOf(name) || 'e.g. as'}
            />
          </label>
          <button type="submit" className="st-btn st-primary" disabled={!expertId}>
            Start annotating
          </button>
        </form>
        <p className="st-muted st-small">
          Blind mode hides each case’s title, label, the model’s prediction and any explanation. Your marks are saved in
          this browser as you make them.
        </p>
        {known.length > 0 && (
          <div className="st-row" aria-label="Continue">
            {known.map((e) => (
              <button key={e.id} type="button" className="st-btn" onClick={() => start(e)}>
                Continue as {e.name}
                {e.madeUp ? ` (${MADE_UP_NOTE})` : ''}
              </button>
            ))}
          </div>
        )}
      </section>
      <section className="st-card" aria-labelledby="st-coord-title">
        <h2 id="st-coord-title">Coordinator</h2>
        <div className="st-row">
          <button
            type="button"
            className="st-btn"
            onClick={() => downloadText(`${fileStem(study.title)}.study.json`, toJsonText(study))}
          >
            Export the study file
          </button>
          <ImportAnnotationsButton study={study} label="Import an expert’s annotations…" />
          <button
            type="button"
            className="st-btn"
            onClick={() => void studyDb.clearSession().then(() => appStore.getState().studyClosed())}
          >
            Close this study
          </button>
        </div>
        <p className="st-muted st-small">
          The evaluation (labels, predictions, Tables 1–5) is not offered on this screen, which experts see: the
          coordinator opens it from the study start page.
        </p>
        {study.example && (
          <p className="st-muted st-small">
            This is the shipped example study. Its two annotators (in public/studies/example) are {MADE_UP_NOTE}.
          </p>
        )}
      </section>
    </main>
  );
}
