import { ErrorPanel } from '../errors/ErrorPanel';
import { modelLabel } from './modelText';
import { type ModelSlot, selectModelPrediction, selectPrediction } from '../store/inferenceSlice';
import type { AppState } from '../store/appStore';
import { useAppStore } from '../store/useAppStore';
import {
  describeDisagreement,
  describeMetrics,
  describeProbability,
  describeProgress,
  formatMs,
  modelName,
} from './describe';

/**
 * The model's output for the open case, next to the case summary: p(abnormal) with its label, which model,
 * backend and how long loading took, and a one-line caution. Loading and errors show in the same place.
 * `data-*` attributes carry the exact values for tests (full precision, as JavaScript prints numbers).
 */
export function PredictionPanel() {
  const status = useAppStore((s) => s.inferenceStatus);
  const progress = useAppStore((s) => s.modelProgress);
  const loaded = useAppStore((s) => s.loadedModel);
  const backends = useAppStore((s) => s.backends);
  const metrics = useAppStore((s) => s.modelMetrics);
  const error = useAppStore((s) => s.inferenceError);
  const caseStatus = useAppStore((s) => s.caseStatus);
  const prediction = useAppStore(selectPrediction);
  const primary = useAppStore((s) => (s.appModels ? s.models[s.appModels.primary.id] : null));
  // Stable references from the store; the list is derived in render (a selector returning new objects would loop).
  const appModels = useAppStore((s) => s.appModels);
  const models = useAppStore((s) => s.models);
  const caseRequest = useAppStore((s) => s.caseRequest);
  const companions = companionPredictions({ appModels, models, caseRequest, caseStatus });

  if (status === 'error' && error) return <ErrorPanel error={error} title="The model could not run" />;

  const available = backends?.filter((b) => b.available).map((b) => b.backend) ?? [];
  const chosen = loaded && backends?.find((b) => b.backend === loaded.backend);
  const metricsLine = describeMetrics(metrics);
  const companionsText = companions
    .map(({ meta, prediction: p }) => `${modelLabel(meta)}: ${describeProbability(p.pAbnormal)} (${meta.title})`)
    .join('\n');
  const disagreement =
    primary && prediction
      ? describeDisagreement(
          { name: primary.meta.shortTitle, p: prediction.pAbnormal },
          ...companions.map(({ meta, prediction: p }) => ({ name: meta.shortTitle, p: p.pAbnormal })),
        )
      : null;

  return (
    <section
      className="panel prediction-panel"
      aria-labelledby="prediction-title"
      aria-busy={!prediction}
      data-testid="prediction"
      data-status={prediction ? 'done' : status}
      data-backends-available={available.join(',')}
      {...(loaded && {
        'data-backend': loaded.backend,
        'data-load-ms': String(loaded.loadMs),
        'data-warm-up-ms': String(loaded.warmUpMs),
        'data-backend-ms': String(loaded.backendMs),
      })}
      {...(prediction && {
        'data-p-abnormal': String(prediction.pAbnormal),
        'data-predict-ms': String(prediction.ms),
        'data-label': prediction.label,
      })}
    >
      <p className="eyebrow" id="prediction-title">
        Model output
      </p>
      {prediction && loaded ? (
        <>
          <div className="prediction-main">
            <p className="prediction-value" data-testid="prediction-value">
              {describeProbability(prediction.pAbnormal)}
            </p>
            <div className="probability-bar" aria-hidden="true">
              <span style={{ width: `${(prediction.pAbnormal * 100).toFixed(1)}%` }} />
              <i className="probability-threshold" />
            </div>
          </div>
          <div className="prediction-lines">
            <p
              className="model-line"
              data-testid="model-line"
              title={chosen ? `${chosen.backend}: ${chosen.detail}` : undefined}
            >
              Model: {primary ? modelName(primary.meta) : '1D-ResNet'} · backend {loaded.backend} · loaded in{' '}
              {formatMs(loaded.loadMs)}
              <span className="muted"> · prediction {formatMs(prediction.ms)}</span>
            </p>
            {companionLines(companions).map((line) => (
              <p key={line[0].meta.id} className="model-line companion-line" title={companionsText}>
                {line.map(({ meta, prediction: p }, k) => (
                  <span
                    key={meta.id}
                    data-testid="companion-prediction"
                    data-model={meta.id}
                    data-p-abnormal={String(p.pAbnormal)}
                    title={meta.title}
                  >
                    {k > 0 && ' · '}
                    {modelLabel(meta)}: {describeProbability(p.pAbnormal)}
                  </span>
                ))}
              </p>
            ))}
            {disagreement && (
              <p
                className="models-disagree"
                role="note"
                data-testid="models-disagree"
                title="Their explanations argue for different answers: read both with that in mind."
              >
                {disagreement}
              </p>
            )}
            {metricsLine && <p className="model-metrics muted">{metricsLine}</p>}
            <p className="prediction-caution">A research model’s estimate for the 400 ms window, not a diagnosis.</p>
          </div>
        </>
      ) : (
        <p className="loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {status === 'ready'
            ? caseStatus === 'ready'
              ? `Running the model on the 400 ms window (${loaded?.backend})…`
              : 'Model ready; waiting for the ECG…'
            : describeProgress(progress)}
        </p>
      )}
    </section>
  );
}

/**
 * The strip has a fixed height (a prediction arriving never moves the views) with room for the primary model's line,
 * two more and a disagreement note: up to two companions get a line each, more share one line (cut with an ellipsis,
 * each whole on hover).
 */
function companionLines<T>(companions: T[]): T[][] {
  return companions.length <= 2 ? companions.map((c) => [c]) : [companions];
}

/** The companions (every registered model after the primary) with a prediction for the case on screen. */
function companionPredictions(
  s: Pick<AppState, 'appModels' | 'models' | 'caseRequest' | 'caseStatus'>,
): Array<{ meta: ModelSlot['meta']; prediction: NonNullable<ModelSlot['prediction']> }> {
  return (s.appModels?.companions ?? []).flatMap((meta) => {
    const prediction = selectModelPrediction(s, meta.id);
    return prediction ? [{ meta, prediction }] : [];
  });
}
