import { useEffect, useRef, useState } from 'react';
import { type EvaluationReport, evaluatePool } from '../../../core/eval/evaluation';
import { POOL_MODEL_KINDS, type PoolModels, poolModelIds, poolModelsOf } from '../../../core/eval/pool-models';
import type { PoolCase } from '../../../core/eval/pool-types';
import type { AnnotationFile, Study } from '../../../core/eval/study-format';
import { reportToCsv, reportToMarkdown } from '../../../core/eval/tables-format';
import { fetchJson } from '../../../core/net/fetch-file';
import { modelFilePath, readAppModels } from '../../../core/registry/app-models';
import { createInferenceClient, type InferenceClient, spawnInferenceWorker } from '../../../worker/client';
import { loadStudyCase } from '../caseData';
import { downloadText, fileStem } from '../download';
import { studyDb } from '../studyDb';
import { parseAnnotations, parseAnnotationsText } from '../studyFiles';
import { EXAMPLE_ANNOTATION_URLS, MADE_UP_NOTE } from '../studyUrl';
import { EvaluationTables } from './EvaluationTables';
import { workerKeyFor } from '../../inference/modelInput';
import { BUDGETS, type Budget, computeStudyPhi, type PhiProgress } from './studyPhi';

type Source = { key: string; file: AnnotationFile; origin: string };

/** A page-relative path (the registry's, e.g. models/index.json) as an absolute URL: the worker needs those. */
const pageUrl = (path: string) => new URL(path, document.baseURI).href;

/**
 * The registry's models for the evaluation (models/index.json, read like the viewer reads it) in a new inference
 * worker: the primary model as the worker's default, the CineECG model under its id (workerKeyFor).
 */
async function startEvaluationWorker(): Promise<{ client: InferenceClient; models: PoolModels }> {
  const models = poolModelsOf(await readAppModels((path) => fetchJson(pageUrl(path))));
  const client = createInferenceClient(spawnInferenceWorker());
  try {
    for (const kind of POOL_MODEL_KINDS) {
      const url = pageUrl(modelFilePath(models[kind].id));
      const key = workerKeyFor(models[kind].id, models['12-lead'].id);
      if (key === undefined) await client.load(url);
      else await client.loadExtra(key, url);
    }
  } catch (e) {
    client.terminate();
    throw e;
  }
  return { client, models };
}

async function availableSources(study: Study): Promise<Source[]> {
  const out: Source[] = [];
  for (const e of await studyDb.expertsOf(study.id).catch(() => [])) {
    const work = await studyDb.loadWork(study, e.id).catch(() => null);
    if (work)
      out.push({
        key: `db:${e.id}`,
        origin: 'saved in this browser',
        file: {
          format: 'cineecg-annotations',
          version: 1,
          studyId: study.id,
          expert: work.expert,
          cases: study.cases.map((c) => work.annotations[c.id]).filter((c) => !!c),
        },
      });
  }
  if (study.example) {
    for (const url of EXAMPLE_ANNOTATION_URLS) {
      const res = await fetch(url).catch(() => null);
      if (res?.ok)
        out.push({
          key: `example:${url}`,
          origin: 'shipped with the example',
          file: parseAnnotations(await res.json(), study),
        });
    }
  }
  return out.filter((s, i, all) => all.findIndex((t) => t.file.expert.id === s.file.expert.id) === i);
}

/**
 * The evaluation of the open study (paper 3.6, Tables 1–5): Φ of every case from the two models in the inference
 * worker (a budget choice, with progress), the experts' annotations chosen here, evaluatePool from src/core/eval,
 * and the tables with CSV / Markdown export. Labels and predictions appear here, so this is the coordinator's view.
 */
export function EvaluationView({ study, onClose }: { study: Study; onClose: () => void }) {
  const [sources, setSources] = useState<Source[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [budget, setBudget] = useState<Budget>('quick');
  const [progress, setProgress] = useState<PhiProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<EvaluationReport | null>(null);
  const worker = useRef<{ client: InferenceClient; models: PoolModels } | null>(null);
  const phiCache = useRef(new Map<Budget, PoolCase[]>());
  const stop = useRef(false);
  useEffect(() => {
    void availableSources(study).then(
      (s) => {
        setSources(s);
        setChosen(new Set(s.map((x) => x.key)));
      },
      (e: unknown) => setError(String(e)),
    );
    return () => worker.current?.client.terminate();
  }, [study]);

  const addFiles = async (files: FileList | null) => {
    for (const f of files ?? []) {
      try {
        const file = parseAnnotationsText(await f.text(), study);
        const key = `file:${file.expert.id}`;
        setSources((s) => [...s.filter((x) => x.file.expert.id !== file.expert.id), { key, origin: f.name, file }]);
        setChosen((c) => new Set([...c, key]));
      } catch (e) {
        setError(`${f.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };

  const run = async () => {
    setError(null);
    setReport(null);
    stop.current = false;
    try {
      let cases = phiCache.current.get(budget);
      if (!cases) {
        if (!worker.current) {
          setProgress({ caseIndex: 0, cases: study.cases.length, step: 'loading the two models', fraction: 0 });
          worker.current = await startEvaluationWorker();
        }
        cases = await computeStudyPhi(study, budget, {
          ...worker.current,
          caseData: (i) => loadStudyCase(study.id, study.cases[i]),
          onProgress: setProgress,
          shouldStop: () => stop.current,
        });
        phiCache.current.set(budget, cases);
      }
      setProgress({ caseIndex: 0, cases: study.cases.length, step: 'agreement and bootstrap intervals', fraction: 1 });
      await new Promise((r) => setTimeout(r, 0));
      setReport(
        evaluatePool(
          cases,
          sources.filter((s) => chosen.has(s.key)).map((s) => s.file),
          { modelIds: poolModelIds(worker.current!.models) },
        ),
      );
    } catch (e) {
      setError(stop.current ? 'Stopped.' : `The evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setProgress(null);
    }
  };

  const picked = sources.filter((s) => chosen.has(s.key));
  return (
    <main className="st-home">
      <section className="st-card" aria-labelledby="st-eval-title">
        <p className="st-eyebrow">Coordinator · {study.title}</p>
        <h1 id="st-eval-title">Evaluation: explanations against the experts</h1>
        <fieldset className="st-fieldset">
          <legend>Annotations</legend>
          {sources.length === 0 && (
            <p className="st-small st-muted">No annotations yet: annotate, or add expert files.</p>
          )}
          <ul className="st-list">
            {sources.map((s) => (
              <li key={s.key}>
                <label className="st-check">
                  <input
                    type="checkbox"
                    checked={chosen.has(s.key)}
                    onChange={() =>
                      setChosen((c) => {
                        const n = new Set(c);
                        if (n.has(s.key)) n.delete(s.key);
                        else n.add(s.key);
                        return n;
                      })
                    }
                  />
                  {s.file.expert.name}{' '}
                  <span className="st-muted">
                    · {s.file.cases.length} cases · {s.origin}
                    {s.file.expert.madeUp ? ` · ${MADE_UP_NOTE}` : ''}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <label className="st-btn st-file">
            Add annotation files…
            <input
              type="file"
              multiple
              accept=".json,application/json"
              aria-label="Add annotation files"
              onChange={(e) => void addFiles(e.target.files).then(() => (e.target.value = ''))}
            />
          </label>
        </fieldset>
        <fieldset className="st-fieldset" role="radiogroup" aria-label="Attribution budget">
          <legend>Attributions</legend>
          {(Object.keys(BUDGETS) as Budget[]).map((b) => (
            <label key={b} className="st-check">
              <input type="radio" name="budget" checked={budget === b} onChange={() => setBudget(b)} />{' '}
              {BUDGETS[b].label}
              {phiCache.current.has(b) ? ' (computed)' : ''}
            </label>
          ))}
        </fieldset>
        <div className="st-row">
          <button
            type="button"
            className="st-btn st-primary"
            disabled={!!progress || picked.length === 0}
            onClick={() => void run()}
          >
            Compute the tables
          </button>
          {progress && (
            <button type="button" className="st-btn" onClick={() => (stop.current = true)}>
              Stop
            </button>
          )}
          <button type="button" className="st-btn" onClick={onClose}>
            Back
          </button>
          {report && (
            <>
              <button
                type="button"
                className="st-btn"
                onClick={() =>
                  downloadText(`${fileStem(study.id)}-tables.md`, reportToMarkdown(report), 'text/markdown')
                }
              >
                Export Markdown
              </button>
              <button
                type="button"
                className="st-btn"
                onClick={() => downloadText(`${fileStem(study.id)}-tables.csv`, reportToCsv(report), 'text/csv')}
              >
                Export CSV
              </button>
            </>
          )}
        </div>
        {progress && (
          <div role="status" className="st-eval-progress" data-testid="eval-progress">
            <progress max={1} value={progress.fraction} aria-label="Evaluation progress" />{' '}
            {Math.round(progress.fraction * 100)}% · {progress.step}
          </div>
        )}
        {error && (
          <p className="st-notice st-notice-error" role="alert">
            {error}
          </p>
        )}
      </section>
      {report && (
        <section className="st-card" aria-label="Tables">
          <EvaluationTables report={report} />
        </section>
      )}
    </main>
  );
}
