import { METHOD_LABELS } from '../../core/xai/catalogue';
import { RadioGroup } from '../controls/RadioGroup';
import { ErrorPanel } from '../errors/ErrorPanel';
import { BackendPicker } from '../inference/BackendPicker';
import { formatMs } from '../inference/describe';
import { selectExplainSource, selectExplanation } from '../store/explainSlice';
import type { ModelSlot } from '../store/inferenceSlice';
import { channelLabels, modelLabel, perChannel } from '../inference/modelText';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { AttributionMap } from './AttributionMap';
import type { AttributionDisplay } from './attributionView';
import { describeBackendChoice, describeDelta } from './describe';
import { downloadExplanation } from './download';
import { fractionAbove } from './drawAttributionCurves';
import { ExplainParamsForm } from './ExplainParamsForm';
import { FaithfulnessPanel } from './FaithfulnessPanel';
import { useAttributionView } from './useAttributionView';

/** One radio per registered model, described by what it reads; a model still loading or failed cannot be chosen. */
function sourceOptions(slots: ModelSlot[]) {
  return slots.map(({ meta, status, error }) => {
    const what =
      meta.input.kind === '12-lead'
        ? `Explain the ${meta.title}; eq. 2 maps its attributions onto the CineECG trajectory (paper Fig. 4c)`
        : `Explain the ${meta.title}, which reads the 3D trajectory itself (paper Fig. 4b)`;
    const unavailable = status !== 'ready';
    const title = unavailable
      ? `The ${modelLabel(meta)} is ${status === 'error' ? `unavailable: ${error?.message}` : 'loading'}`
      : what;
    return { value: meta.id, label: modelLabel(meta), title, disabled: unavailable };
  });
}

const MAP_STYLES = [
  { value: 'heat', label: 'Heat map' },
  { value: 'curves', label: 'Curves + threshold (Fig. 3)' },
] as const;

const DISPLAYS: Array<{ value: AttributionDisplay; label: string }> = [
  { value: 'signed', label: 'Signed Φ' },
  { value: 'positive', label: 'Positive' },
  { value: 'absolute', label: 'Absolute' },
  { value: 'scaled', label: 'Scaled' },
];

/**
 * The explanation drawer: which model is explained, the method's parameters (paper 3.3), the backend, how the
 * attributions are displayed (signed Φ or paper 3.6's post-processing; heat map or Fig. 3 curves), the map itself,
 * Download JSON, and how long each run took.
 */
export function ExplainDetails({ running, open = true }: { running: boolean; open?: boolean }) {
  const appStore = useAppStoreApi();
  const method = useAppStore((s) => s.explainMethod);
  const status = useAppStore((s) => s.explainStatus);
  const error = useAppStore((s) => s.explainError);
  const timings = useAppStore((s) => s.explainTimings);
  const loaded = useAppStore((s) => s.loadedModel);
  const prepared = useAppStore((s) => s.prepared);
  const explanation = useAppStore(selectExplanation);
  const display = useAppStore((s) => s.attributionDisplay);
  const mapStyle = useAppStore((s) => s.mapStyle);
  const threshold = useAppStore((s) => s.threshold);
  const source = useAppStore(selectExplainSource);
  const models = useAppStore((s) => s.models);
  const primaryId = useAppStore((s) => s.appModels?.primary.id);
  const explainedMeta = explanation ? (models[explanation.source]?.meta ?? null) : null;
  const view = useAttributionView();
  return (
    <>
      {source !== null && (
        <RadioGroup
          label="Model explained"
          value={source}
          disabled={running}
          onChange={(v) => appStore.getState().setExplainSource(v)}
          options={sourceOptions(Object.values(models))}
        />
      )}
      <ExplainParamsForm method={method} disabled={running} />
      {loaded && (
        <div className="backend-row">
          <p className="muted backend-line" data-testid="backend-choice">
            {describeBackendChoice(loaded)}
          </p>
          <BackendPicker />
        </div>
      )}
      {status === 'error' && error && <ErrorPanel error={error} title="The explanation could not run" />}
      {/* The map is drawn only while the drawer is open: redrawing it unseen for every refinement cost frames. */}
      {open && view && explanation && explainedMeta && prepared && (
        <figure className="attribution-figure">
          <div className="panel-toolbar">
            <RadioGroup
              label="Attribution display"
              value={display}
              options={DISPLAYS}
              onChange={(v) => appStore.getState().setAttributionDisplay(v)}
            />
            <RadioGroup
              label="Map style"
              value={mapStyle}
              options={MAP_STYLES}
              onChange={(v) => appStore.getState().setMapStyle(v)}
            />
            {mapStyle === 'curves' && (
              <label className="threshold">
                <span>Threshold</span>
                <input
                  type="range"
                  min={0}
                  max={1}
                  step={0.01}
                  value={threshold}
                  aria-label="Threshold"
                  onChange={(e) => appStore.getState().setThreshold(Number(e.target.value))}
                />
                <span className="muted" data-testid="threshold-readout">
                  {threshold.toFixed(2)}: keeps {Math.round(fractionAbove(view, threshold) * 100)}% of samples
                </span>
              </label>
            )}
            <button type="button" className="button" onClick={() => downloadExplanation(explanation, prepared)}>
              Download JSON
            </button>
          </div>
          <AttributionMap
            view={view}
            leadNames={channelLabels(explainedMeta)}
            fsHz={prepared.fsHz}
            style={mapStyle}
            threshold={threshold}
            input={explainedMeta.input.kind === '12-lead' ? prepared.window : null}
            label={`${METHOD_LABELS[explanation.method]} attributions of the ${modelLabel(explainedMeta)} ${perChannel(explainedMeta)} over the 400 ms window`}
          />
          <figcaption className="muted">
            {display === 'signed'
              ? `Φ = (A_abnormal − A_normal)/2 per lead; red = evidence for abnormal, blue = for normal; ±1 = ${view.scale.toPrecision(3)} logit units.`
              : `Paper 3.6 ${display} post-processing (sign flipped for a case the model calls normal), 1 = strongest.`}{' '}
            Φd(t) = Σ leads Φ / max |Σ leads Φ| (eq. 2) colors the CineECG trajectory.{' '}
            {explanation.refining ? (
              <span data-testid="refining">
                refining… ({explanation.refining.copiesDone} of {explanation.refining.copies} noisy copies so far)
              </span>
            ) : (
              describeDelta(explanation.delta)
            )}
          </figcaption>
        </figure>
      )}
      {open && explanation && !explanation.refining && <FaithfulnessPanel />}
      {timings.length > 0 && (
        <table className="timings" aria-label="Explanation timings">
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Backend</th>
              <th scope="col">Wall time</th>
            </tr>
          </thead>
          <tbody>
            {timings.map((t, i) => (
              <tr key={i} data-method={t.method} data-ms={String(t.ms)}>
                <td>
                  {METHOD_LABELS[t.method]}
                  {t.source !== primaryId ? ` (${modelLabel(models[t.source]?.meta ?? null)})` : ''}
                </td>
                <td>{t.backend}</td>
                <td>{formatMs(t.ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
