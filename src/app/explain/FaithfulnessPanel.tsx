import { METHOD_LABELS } from '../../core/xai/catalogue';
import { formatMs } from '../inference/describe';
import { selectFaithfulness, selectRandomisation } from '../store/faithfulnessSlice';
import { useAppStore } from '../store/useAppStore';
import { RANDOMISATION_SEED } from './connectFaithfulness';
import { useServices } from '../services/AppServices';
import { curvesLayout, formatAuc, formatRho } from './faithfulnessChart';

const BOX = { width: 220, height: 96, pad: 6 };
const CLASS = ['normal', 'abnormal'] as const;

/**
 * Beside the attribution map: how faithful it is to the model (deletion and insertion curves and their areas,
 * computed in the worker after the explanation) and the model-randomisation sanity check on request.
 */
export function FaithfulnessPanel() {
  const f = useAppStore(selectFaithfulness);
  const r = useAppStore(selectRandomisation);
  const explaining = useAppStore((s) => !!s.explainJob);
  if (!f) return null;
  const e = f.of;
  const res = f.result;
  const mapped = f.mapped;
  const layout =
    res &&
    curvesLayout(
      {
        deletion: res.deletion,
        insertion: res.insertion,
        mappedDeletion: mapped?.deletion ?? [],
        mappedInsertion: mapped?.insertion ?? [],
      },
      BOX,
    );
  const cls = CLASS[res?.targetClass ?? (e.logits[1] > e.logits[0] ? 1 : 0)];
  const controller = useServices().faithfulness;
  const checking = r?.status === 'loading' || r?.status === 'running';
  return (
    <section
      className="faithfulness"
      aria-labelledby="faithfulness-title"
      data-testid="faithfulness"
      data-status={f.status}
      {...(res && {
        'data-deletion-auc': String(res.deletionAuc),
        'data-insertion-auc': String(res.insertionAuc),
        'data-target-class': String(res.targetClass),
      })}
      {...(mapped && {
        'data-mapped-deletion-auc': String(mapped.deletionAuc),
        'data-mapped-insertion-auc': String(mapped.insertionAuc),
      })}
    >
      <h3 id="faithfulness-title" className="faithfulness-title">
        Faithfulness of this map
      </h3>
      <div className="faithfulness-body">
        {layout && res ? (
          <svg
            className="faithfulness-chart"
            width={BOX.width}
            height={BOX.height}
            viewBox={`0 0 ${BOX.width} ${BOX.height}`}
            role="img"
            aria-label={`Deletion and insertion curves of the ${cls} logit margin over the fraction of samples removed or revealed: deletion area ${formatAuc(res.deletionAuc)}, insertion area ${formatAuc(res.insertionAuc)}${mapped ? `; dashed, those of the mapped Φd: ${formatAuc(mapped.deletionAuc)}, ${formatAuc(mapped.insertionAuc)}` : ''}`}
          >
            <rect x={0.5} y={0.5} width={BOX.width - 1} height={BOX.height - 1} className="fc-frame" />
            <line x1={BOX.pad} x2={BOX.width - BOX.pad} y1={layout.zeroY} y2={layout.zeroY} className="fc-zero" />
            {mapped && <polyline points={layout.points.mappedDeletion} className="fc-deletion fc-mapped" />}
            {mapped && <polyline points={layout.points.mappedInsertion} className="fc-insertion fc-mapped" />}
            <polyline points={layout.points.deletion} className="fc-deletion" />
            <polyline points={layout.points.insertion} className="fc-insertion" />
          </svg>
        ) : (
          <p className="muted faithfulness-wait" data-testid="faithfulness-wait">
            {f.status === 'running'
              ? 'Deletion and insertion curves: computing in the worker…'
              : f.status === 'cancelled'
                ? 'Curves cancelled.'
                : `The curves could not be computed: ${f.error ?? 'unknown error'}`}
          </p>
        )}
        {res && (
          <dl className="faithfulness-aucs">
            <div>
              <dt>
                <span className="fc-key fc-deletion-key" /> Deletion AUC
              </dt>
              <dd data-testid="deletion-auc">{formatAuc(res.deletionAuc)}</dd>
            </div>
            <div>
              <dt>
                <span className="fc-key fc-insertion-key" /> Insertion AUC
              </dt>
              <dd data-testid="insertion-auc">{formatAuc(res.insertionAuc)}</dd>
            </div>
            {mapped && (
              <div title="The mapped Φd of eq. 2, which colours the 3D trajectory, given to all 12 leads at each time (dashed curves)">
                <dt>Φd (3D colours, dashed): deletion · insertion</dt>
                <dd data-testid="mapped-aucs">
                  {formatAuc(mapped.deletionAuc)} · {formatAuc(mapped.insertionAuc)}
                </dd>
              </div>
            )}
          </dl>
        )}
      </div>
      {res && (
        <p className="muted faithfulness-note">
          The {cls} logit margin (the predicted class) as the most-attributed samples are replaced by the baseline
          (deletion: a faithful map falls fast, small area) or revealed from it (insertion: rises fast, large area);{' '}
          {res.fractions.length - 1} steps of {Math.round(100 / (res.fractions.length - 1))}%, {formatMs(res.ms)} on{' '}
          {res.backend}.
        </p>
      )}
      <div
        className="randomisation"
        data-testid="randomisation"
        data-status={r?.status ?? 'idle'}
        {...(r?.status === 'done' && {
          'data-spearman': String(r.spearman),
          'data-spearman-abs': String(r.spearmanAbs),
        })}
      >
        {checking ? (
          <button type="button" className="button" onClick={() => controller?.cancelRandomisation()}>
            Stop the check
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={!controller || explaining}
            onClick={() => controller?.runRandomisation()}
            title={`Explain this case again with ${METHOD_LABELS[e.method]} and the same parameters, on a copy of the model whose weights are re-initialised (seed ${RANDOMISATION_SEED})`}
          >
            Model-randomisation check
          </button>
        )}
        <span className="muted" aria-live="polite" data-testid="randomisation-result">
          {!r && 'Does the map depend on what the model learned?'}
          {r?.status === 'loading' && 'Loading the re-initialised model…'}
          {r?.status === 'running' &&
            `Explaining with the re-initialised model… ${Math.round((r.fraction ?? 0) * 100)}%`}
          {r?.status === 'cancelled' && 'Check cancelled.'}
          {r?.status === 'error' && `The check failed: ${r.error}`}
          {r?.status === 'done' && (
            <>
              Spearman ρ with the map of a re-initialised model (seed {r.seed}): <b>{formatRho(r.spearman)}</b> (of |Φ|:{' '}
              {formatRho(r.spearmanAbs)}), {formatMs(r.ms ?? 0)}.
            </>
          )}
        </span>
        {r?.status === 'done' && (
          <p className="muted faithfulness-note">
            Low |ρ| means the map depends on the learned weights, as it should; a high ρ would mean the method draws
            much the same map for an untrained model. (Maps that multiply by the input, as IG does, keep some of the
            input’s own shape, so ρ of |Φ| stays higher.)
          </p>
        )}
      </div>
    </section>
  );
}
