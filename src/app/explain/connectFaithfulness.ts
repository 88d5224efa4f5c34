import {
  DEFAULT_FAITHFULNESS_STEPS,
  evidenceFor,
  expandOverChannels,
  randomisationCorrelation,
} from '../../core/eval/faithfulness';
import { bipolarPhi, mappedPhi } from '../../core/xai/mapping';
import { type InferenceClient, InferenceFailure } from '../../worker/client';
import { toAppError } from '../errors/appError';
import { modelInputNow, type ModelInput } from '../inference/modelInput';
import type { AppState, AppStore } from '../store/appStore';
import type { CaseExplanation } from '../store/explainSlice';
import { faithfulnessKey, selectFaithfulness, selectRandomisation } from '../store/faithfulnessSlice';

/** The seed of the re-initialised weights: `cli evaluate --randomisation` uses the same (its --seed, 0 by default). */
export const RANDOMISATION_SEED = 0;

export interface FaithfulnessController {
  /** Explains the case on screen again with a re-initialised copy of the model and rank-correlates the maps. */
  runRandomisation(): void;
  cancelRandomisation(): void;
  /** Stops following the store and cancels the curves it asked for (the worker and client are the caller's). */
  dispose(): void;
}

/** The predicted class of an explanation: 1 (abnormal) when its abnormal logit is the larger. */
export const predictedClassOf = (e: Pick<CaseExplanation, 'logits'>): 0 | 1 => (e.logits[1] > e.logits[0] ? 1 : 0);

/** The window the explanation's model reads and the worker's key for it; null when it cannot be had now. */
function inputOf(s: AppState, e: CaseExplanation): ModelInput | null {
  try {
    return modelInputNow(s, e.source);
  } catch {
    return null; // reported as "not available" (the explanation itself would have failed first)
  }
}

/**
 * Faithfulness beside every attribution map (issue 10; the paper did not measure it): when an explanation's final
 * map arrives, the worker computes its deletion and insertion curves (core deletionInsertion, following the logit
 * margin of the predicted class, samples ranked by the evidence for that class); for the 12-lead model also those of
 * the mapped Φd of eq. 2 that colours the 3D trajectory, as `cli evaluate` pools them. Sent after the explanation has
 * finished, so "Explanation ready" never waits for it; a new case cancels it. Also runs, on request, the
 * model-randomisation check (Adebayo et al. 2018) with a seeded re-initialised copy of the explained model.
 */
export function connectFaithfulness(
  store: AppStore,
  client: InferenceClient,
  /** Absolute URL of a registered model's model.json (the randomisation check loads a re-initialised copy). */
  modelUrl: (id: string) => string,
): FaithfulnessController {
  const running = new Set<number>();
  const randomModels = new Map<string, Promise<unknown>>();
  let lastCase = store.getState().caseRequest;
  let lastJob = store.getState().explainJob;

  const cancelAll = () => {
    for (const id of running) void client.cancel(id).catch(() => {});
    running.clear();
  };

  const startCurves = (s: AppState, e: CaseExplanation) => {
    const key = faithfulnessKey(e);
    const params = s.explainParams[e.method];
    const input = inputOf(s, e);
    if (!input)
      return s.faithfulnessSet(key, {
        of: e,
        params,
        status: 'error',
        error: 'the model’s input for this case is not available',
      });
    const target = predictedClassOf(e);
    const phi = bipolarPhi(e.attributions[0], e.attributions[1]);
    const T = input.T;
    const opts = { steps: DEFAULT_FAITHFULNESS_STEPS, targetClass: target, model: input.key };
    const job = client.faithfulness(input.x, evidenceFor(phi, target), T, input.C, opts);
    const mappedJob =
      // A 12-lead model's Φ is also mapped onto the trajectory (eq. 2): its curves are measured too.
      s.models[e.source]?.meta.input.kind === '12-lead'
        ? client.faithfulness(
            input.x,
            expandOverChannels(evidenceFor(mappedPhi(phi, input.C), target), input.C),
            T,
            input.C,
            opts,
          )
        : null;
    const ids = [job.id, ...(mappedJob ? [mappedJob.id] : [])];
    ids.forEach((id) => running.add(id));
    s.faithfulnessSet(key, { of: e, params, status: 'running', jobId: job.id });
    const still = () => store.getState().faithfulness[key]?.jobId === job.id;
    const strip = ({ type: _t, id: _id, ...r }: Awaited<typeof job.result>) => r;
    Promise.all([job.result, mappedJob?.result]).then(
      ([own, mapped]) => {
        ids.forEach((id) => running.delete(id));
        if (still())
          store.getState().faithfulnessSet(key, {
            of: e,
            params,
            status: 'done',
            result: strip(own),
            ...(mapped && { mapped: strip(mapped) }),
          });
      },
      (err: unknown) => {
        ids.forEach((id) => running.delete(id));
        const cancelled = err instanceof InferenceFailure && err.detail.code === 'cancelled';
        if (still())
          store.getState().faithfulnessSet(key, {
            of: e,
            params,
            status: cancelled ? 'cancelled' : 'error',
            error: cancelled ? undefined : toAppError(err).message,
          });
      },
    );
  };

  const unsubscribe = store.subscribe((s) => {
    if (s.caseRequest !== lastCase) {
      lastCase = s.caseRequest;
      cancelAll();
      if (Object.keys(s.faithfulness).length || Object.keys(s.randomisation).length) s.faithfulnessCleared();
      return;
    }
    // A new explanation started: a randomisation run would hold the worker's queue before it; stop that run.
    if (s.explainJob && s.explainJob !== lastJob) {
      const r = Object.values(s.randomisation).find((v) => v?.status === 'running' && v.jobId !== undefined);
      if (r?.jobId !== undefined) void client.cancel(r.jobId).catch(() => {});
    }
    lastJob = s.explainJob;
    for (const e of Object.values(s.explanations)) {
      if (!e || e.refining || e.caseRequest !== s.caseRequest) continue;
      // Fresh state each time: starting one job sets the store, which re-enters this listener.
      const now = store.getState();
      if (now.faithfulness[faithfulnessKey(e)]?.of !== e) startCurves(now, e);
    }
  });

  return {
    runRandomisation() {
      const s = store.getState();
      const f = selectFaithfulness(s);
      const e = f?.of;
      if (!e || e.refining || s.explainJob) return;
      const current = selectRandomisation(s);
      if (current && (current.status === 'loading' || current.status === 'running')) return;
      const input = inputOf(s, e);
      if (!input) return;
      const key = faithfulnessKey(e);
      const randomKey = `${e.source}-randomised`;
      const t0 = performance.now();
      const set = (patch: Partial<Parameters<AppState['randomisationSet']>[1]>) => {
        const cur = store.getState().randomisation[key];
        if (cur?.of === e) store.getState().randomisationSet(key, { ...cur, ...patch });
      };
      s.randomisationSet(key, { of: e, status: 'loading', seed: RANDOMISATION_SEED });
      if (!randomModels.has(randomKey)) {
        const loading = client.loadExtra(randomKey, modelUrl(e.source), RANDOMISATION_SEED);
        loading.catch(() => randomModels.delete(randomKey));
        randomModels.set(randomKey, loading);
      }
      const fail = (err: unknown) => {
        const cancelled = err instanceof InferenceFailure && err.detail.code === 'cancelled';
        set({
          status: cancelled ? 'cancelled' : 'error',
          error: cancelled ? undefined : toAppError(err).message,
          jobId: undefined,
        });
      };
      randomModels.get(randomKey)!.then(() => {
        if (store.getState().randomisation[key]?.of !== e) return;
        const job = client.explain(
          e.method,
          input.x,
          input.T,
          input.C,
          f.params,
          (p) => set({ fraction: p.fraction }),
          randomKey,
        );
        set({ status: 'running', jobId: job.id, fraction: 0 });
        job.result.then((r) => {
          const real = bipolarPhi(e.attributions[0], e.attributions[1]);
          const rand = bipolarPhi(r.attributions[0], r.attributions[1]);
          set({
            status: 'done',
            ...randomisationCorrelation(real, rand),
            ms: performance.now() - t0,
            jobId: undefined,
          });
        }, fail);
      }, fail);
    },
    cancelRandomisation() {
      const r = selectRandomisation(store.getState());
      if (r?.jobId !== undefined) void client.cancel(r.jobId).catch(() => {});
    },
    dispose() {
      unsubscribe();
      cancelAll();
    },
  };
}
