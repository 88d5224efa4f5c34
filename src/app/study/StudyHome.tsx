import { useEffect, useState } from 'react';
import type { Study } from '../../core/eval/study-format';
import { fetchManifest } from '../case/fetchCase';
import type { CaseEntry } from '../case/manifest';
import type { AppStore } from '../store/appStore';
import { useAppStoreApi } from '../store/useAppStore';
import { encodeBase64 } from './caseData';
import { downloadText, fileStem } from './download';
import { openStudy } from './studyController';
import { studyDb } from './studyDb';
import { parseStudyText, StudyFileError, toJsonText } from './studyFiles';
import { buildStudy, type DraftCase, draftFromEntry, moveItem } from './studyBuilder';
import { MADE_UP_NOTE } from './studyUrl';
import { fetchExampleStudy } from './StudyApp';

const ORDERS: Array<{ value: Study['modalityOrder']; label: string }> = [
  { value: '12-lead-first', label: '12-lead first, then 3D' },
  { value: 'cinecg-first', label: '3D first, then 12-lead' },
  { value: 'free', label: 'Free switch (the order used is recorded)' },
];

const failIn = (appStore: AppStore) => (e: unknown) =>
  appStore.getState().setStudyNotice({
    kind: 'error',
    message:
      e instanceof StudyFileError
        ? e.message
        : `Could not open the study: ${e instanceof Error ? e.message : String(e)}`,
  });

/** Opens a study file picked by the user; a corrupt file or another version is refused and nothing changes. */
export async function openStudyFile(appStore: AppStore, file: File): Promise<void> {
  try {
    const study = parseStudyText(await file.text());
    appStore.getState().setStudyNotice(null);
    await openStudy(appStore, studyDb, study);
  } catch (e) {
    failIn(appStore)(e);
  }
}

/** The coordinator's start: open the example or a study file, or build a study from bundled and local records. */
export function StudyHome() {
  const appStore = useAppStoreApi();
  const fail = failIn(appStore);
  const [entries, setEntries] = useState<CaseEntry[]>([]);
  const [chosen, setChosen] = useState<DraftCase[]>([]);
  const [title, setTitle] = useState('');
  const [order, setOrder] = useState<Study['modalityOrder']>('12-lead-first');
  const [localLabel, setLocalLabel] = useState<'' | 'normal' | 'abnormal'>('');
  useEffect(() => void fetchManifest().then((m) => setEntries(m.cases), fail), []);

  const isChosen = (id: string) => chosen.some((c) => c.source.kind === 'bundled' && c.source.caseId === id);
  const toggle = (e: CaseEntry) =>
    setChosen((list) =>
      isChosen(e.id)
        ? list.filter((c) => !(c.source.kind === 'bundled' && c.source.caseId === e.id))
        : [...list, draftFromEntry(e)],
    );
  const addLocal = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    // Copied out at once: the input is cleared afterwards, which empties its live FileList.
    const picked = [...files];
    const label = localLabel;
    const embedded = await Promise.all(
      picked.map(async (f) => ({ name: f.name, base64: encodeBase64(new Uint8Array(await f.arrayBuffer())) })),
    );
    const title = picked.map((f) => f.name).join(', ');
    setChosen((list) => [...list, { source: { kind: 'embedded', files: embedded }, title, ...(label && { label }) }]);
  };
  const build = () => buildStudy({ title, modalityOrder: order, cases: chosen });

  return (
    <main className="st-home">
      <section className="st-card" aria-labelledby="st-open-title">
        <h1 id="st-open-title">Blind expert annotation</h1>
        <p className="st-muted">
          Experts mark the salient segments of each case on the 12-lead ECG and on the 3D CineECG, without seeing the
          label, the model’s prediction or any explanation (paper 3.5). Work is saved in this browser as it is made.
        </p>
        <div className="st-row">
          <button
            type="button"
            className="st-btn st-primary"
            onClick={() => void fetchExampleStudy().then((s) => openStudy(appStore, studyDb, s), fail)}
          >
            Open the example study
          </button>
          <label className="st-btn st-file">
            Open a study file…
            <input
              type="file"
              accept=".json,application/json"
              aria-label="Open a study file"
              onChange={(e) => void (e.target.files?.[0] && openStudyFile(appStore, e.target.files[0]))}
            />
          </label>
        </div>
        <p className="st-muted st-small">
          The example study: 10 PTB-XL records, with two annotators whose marks are {MADE_UP_NOTE}.
        </p>
      </section>

      <section className="st-card" aria-labelledby="st-eval-title">
        <h2 id="st-eval-title">Coordinator: evaluation</h2>
        <p className="st-muted st-small">
          Tables 1–5 (paper 4.1–4.5): the experts’ marks against the explanations. It shows labels and predictions, so
          it has its own entry, closed while an expert annotates blind in this browser.
        </p>
        <div className="st-row">
          <a className="st-btn" href="?study=example&evaluate">
            Evaluate the example study…
          </a>
          <a className="st-btn" href="?study&evaluate">
            Evaluate a study file…
          </a>
        </div>
      </section>

      <section className="st-card" aria-labelledby="st-build-title">
        <h2 id="st-build-title">Build a study</h2>
        <div className="st-form-row">
          <label>
            Title{' '}
            <input
              className="st-input"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="e.g. Pilot, 10 cases"
            />
          </label>
          <label>
            Modality order{' '}
            <select
              className="st-input"
              value={order}
              onChange={(e) => setOrder(e.target.value as Study['modalityOrder'])}
            >
              {ORDERS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="st-build">
          <fieldset className="st-fieldset">
            <legend>Bundled cases (label from PTB-XL)</legend>
            <ul className="st-list">
              {entries.map((e) => {
                const d = draftFromEntry(e);
                return (
                  <li key={e.id}>
                    <label className="st-check">
                      <input type="checkbox" checked={isChosen(e.id)} onChange={() => toggle(e)} /> {e.title}{' '}
                      <span className="st-muted">· {d.label ?? 'label unknown'}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
            <div className="st-row">
              <button type="button" className="st-btn" onClick={() => setChosen(entries.map(draftFromEntry))}>
                Add all
              </button>
              <label className="st-btn st-file">
                Add a local record…
                <input
                  type="file"
                  multiple
                  aria-label="Add a local record (all its files at once)"
                  onChange={(e) => void addLocal(e.target.files).then(() => (e.target.value = ''))}
                />
              </label>
              <label>
                its label{' '}
                <select
                  className="st-input"
                  value={localLabel}
                  onChange={(e) => setLocalLabel(e.target.value as typeof localLabel)}
                >
                  <option value="">unknown</option>
                  <option value="normal">normal</option>
                  <option value="abnormal">abnormal</option>
                </select>
              </label>
            </div>
          </fieldset>
          <fieldset className="st-fieldset">
            <legend>The study, in order ({chosen.length} cases)</legend>
            <ol className="st-list st-ordered" data-testid="study-order">
              {chosen.map((c, i) => (
                <li key={`${i}-${c.title}`}>
                  <span className="st-grow">
                    {c.title}{' '}
                    <span className="st-muted">
                      · {c.label ?? 'label unknown'}
                      {c.source.kind === 'embedded' ? ' · local file, embedded' : ''}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="st-btn st-icon"
                    aria-label={`Move ${c.title} up`}
                    onClick={() => setChosen((l) => moveItem(l, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="st-btn st-icon"
                    aria-label={`Move ${c.title} down`}
                    onClick={() => setChosen((l) => moveItem(l, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="st-btn st-icon"
                    aria-label={`Remove ${c.title}`}
                    onClick={() => setChosen((l) => l.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ol>
            <div className="st-row">
              <button
                type="button"
                className="st-btn"
                disabled={chosen.length === 0}
                onClick={() => {
                  const s = build();
                  downloadText(`${fileStem(s.title)}.study.json`, toJsonText(s));
                }}
              >
                Export the study file
              </button>
              <button
                type="button"
                className="st-btn st-primary"
                disabled={chosen.length === 0}
                onClick={() => void openStudy(appStore, studyDb, build()).catch(fail)}
              >
                Open it for annotation
              </button>
            </div>
          </fieldset>
        </div>
      </section>
    </main>
  );
}
