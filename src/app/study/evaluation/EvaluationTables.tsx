import type { EvaluationReport } from '../../../core/eval/evaluation';
import type { PoolTable } from '../../../core/eval/pool-types';
import { formatEstimate } from '../../../core/eval/tables-format';
import { MADE_UP_NOTE } from '../studyUrl';

const f2 = (v: number | null) => (v === null ? '–' : v.toFixed(2));

function PoolTableView({ t }: { t: PoolTable }) {
  const headings = t.columns.slice(0, t.columns.length - 3);
  return (
    <figure className="st-table" data-testid={`eval-${t.id}`}>
      <figcaption>{t.title}</figcaption>
      <div className="st-table-scroll">
        <table>
          <thead>
            <tr>
              {headings.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
              <th scope="col">Configuration</th>
              <th scope="col">θ*</th>
              <th scope="col">n</th>
              <th scope="col">Dice</th>
              <th scope="col">IoU</th>
              <th scope="col">Spearman</th>
              <th scope="col">Paper: Dice · IoU · Spearman</th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.labels.join('|')}>
                {r.labels.slice(-headings.length).map((l, i) => (
                  <th key={i} scope="row">
                    {l}
                  </th>
                ))}
                <td>{`${r.config.method} · ${r.config.postprocess} · ${r.config.source}`}</td>
                <td>{f2(r.threshold)}</td>
                <td>{r.dice.n}</td>
                <td>{formatEstimate(r.dice)}</td>
                <td>{formatEstimate(r.iou)}</td>
                <td>{formatEstimate(r.spearman)}</td>
                <td className="st-muted">{r.paper ? `${r.paper.dice} · ${r.paper.iou} · ${r.paper.spearman}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="st-small st-muted">{t.note}</p>
    </figure>
  );
}

/** Tables 1–5 laid out like the paper's, with its numbers beside; inter-expert agreement; what was skipped. */
export function EvaluationTables({ report }: { report: EvaluationReport }) {
  const madeUp = report.experts.some((e) => e.madeUp);
  return (
    <div className="st-eval-results" data-testid="eval-results">
      <p>
        Experts: {report.experts.map((e) => `${e.name}${e.madeUp ? ` (${MADE_UP_NOTE})` : ''}`).join(', ')} ·{' '}
        {report.rows} (case, expert) rows · {report.settings.resamples} bootstrap resamples, {report.settings.interval}{' '}
        intervals.
      </p>
      {madeUp && (
        <p className="st-locked" role="note">
          These results use {MADE_UP_NOTE}: they show how the evaluation works, not how well any method agrees with
          cardiologists.
        </p>
      )}
      {report.skipped.length > 0 && (
        <p className="st-small st-muted">
          Skipped:{' '}
          {report.skipped.map((s) => `${s.caseId}${s.expertId ? ` (${s.expertId})` : ''}: ${s.reason}`).join('; ')}.
        </p>
      )}
      {report.tables.map((t) => (
        <PoolTableView key={t.id} t={t} />
      ))}
      <figure className="st-table" data-testid="eval-inter-expert">
        <figcaption>
          Inter-expert agreement (Dice between experts on shared cases): what any explanation can reach
        </figcaption>
        <table>
          <thead>
            <tr>
              <th scope="col">Modality</th>
              <th scope="col">Cases</th>
              <th scope="col">Mean per-case Dice</th>
              <th scope="col">Pooled Dice</th>
            </tr>
          </thead>
          <tbody>
            {report.interExpert.map((m) => (
              <tr key={m.modality}>
                <th scope="row">{m.modality}</th>
                <td>{m.cases.length}</td>
                <td>{f2(m.meanDice)}</td>
                <td>{f2(m.pooledDice)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </div>
  );
}
