/** The evaluation report as Markdown (the paper's layout, with its numbers beside) and as CSV (one row per table row). */
import type { EvaluationReport } from './evaluation';
import type { Estimate, PoolTable, TableRow } from './pool-types';

const f2 = (v: number | null) => (v === null ? '–' : v.toFixed(2));

/** "0.56 (0.51–0.62)" as the paper prints it; "–" when there is nothing to average. */
export function formatEstimate(e: Estimate): string {
  if (e.mean === null) return '–';
  return e.low === null || e.high === null
    ? `${f2(e.mean)} (n = ${e.n})`
    : `${f2(e.mean)} (${f2(e.low)}–${f2(e.high)})`;
}

const configText = (r: TableRow) => `${r.config.method} · ${r.config.postprocess} · ${r.config.source}`;

function markdownTable(t: PoolTable): string {
  const headings = t.columns.slice(0, t.columns.length - 3);
  const cols = [
    ...headings,
    'Configuration',
    'θ*',
    'n',
    'Dice Score',
    'IoU Score',
    'Spearman Cor.',
    'Paper: Dice · IoU · Spearman',
  ];
  const lines = [`**${t.title}**`, '', `| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`];
  for (const r of t.rows) {
    const p = r.paper ? `${r.paper.dice} · ${r.paper.iou} · ${r.paper.spearman}` : '';
    const cells = [
      ...r.labels.slice(-headings.length),
      configText(r),
      f2(r.threshold),
      String(r.dice.n),
      formatEstimate(r.dice),
      formatEstimate(r.iou),
      formatEstimate(r.spearman),
      p,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('', `Note: ${t.note}`);
  return lines.join('\n');
}

export function reportToMarkdown(r: EvaluationReport): string {
  const out: string[] = [];
  const madeUp = r.experts.some((e) => e.madeUp);
  out.push(
    `Experts: ${r.experts.map((e) => `${e.name}${e.madeUp && !/made.up/i.test(e.name) ? ' (made up)' : ''}`).join(', ')}; ${r.rows} (case, expert) rows.`,
  );
  if (madeUp) out.push('', '> These annotations are made up for demonstration; they are not real expert judgements.');
  if (r.skipped.length)
    out.push(
      '',
      `Skipped: ${r.skipped.map((s) => `${s.caseId}${s.expertId ? ` (${s.expertId})` : ''}: ${s.reason}`).join('; ')}.`,
    );
  for (const t of r.tables) out.push('', markdownTable(t));
  out.push(
    '',
    '**Inter-expert agreement (Dice between experts on shared cases)**',
    '',
    '| Modality | Cases | Mean per-case Dice | Pooled Dice |',
    '|---|---|---|---|',
  );
  for (const m of r.interExpert)
    out.push(`| ${m.modality} | ${m.cases.length} | ${f2(m.meanDice)} | ${f2(m.pooledDice)} |`);
  if (r.faithfulness.length) {
    out.push(
      '',
      '**Faithfulness (not in the paper): area under the deletion and insertion curves of the explained logit**',
      '',
      '| Method | Source | n | Deletion AUC (lower = more faithful) | Insertion AUC (higher = more faithful) |',
      '|---|---|---|---|---|',
    );
    for (const f of r.faithfulness)
      out.push(
        `| ${f.labels.join(' | ')} | ${f.deletionAuc.n} | ${formatEstimate(f.deletionAuc)} | ${formatEstimate(f.insertionAuc)} |`,
      );
  }
  out.push(
    '',
    `Settings: ${r.settings.interval} ${Math.round(r.settings.confidence * 100)}% intervals, ${r.settings.resamples} resamples, seed ${r.settings.seed}; θ step ${r.settings.thresholdStep}.`,
  );
  return `${out.join('\n')}\n`;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV for all tables: table, labels, configuration, θ*, then mean/low/high/n of each metric. */
export function reportToCsv(r: EvaluationReport): string {
  const header = [
    'table',
    'labels',
    'method',
    'postprocess',
    'source',
    'threshold',
    ...['dice', 'iou', 'spearman'].flatMap((m) => [`${m}_mean`, `${m}_low`, `${m}_high`, `${m}_n`]),
  ];
  const lines = [header.join(',')];
  for (const t of r.tables) {
    for (const row of t.rows) {
      const est = (e: Estimate) => [e.mean, e.low, e.high, e.n];
      lines.push(
        [
          t.id,
          row.labels.join(' / '),
          row.config.method,
          row.config.postprocess,
          row.config.source,
          row.threshold,
          ...est(row.dice),
          ...est(row.iou),
          ...est(row.spearman),
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Inter-expert agreement as CSV: one row per shared case and modality, then a "(pooled)" and a "(mean)" row each. */
export function interExpertToCsv(r: Pick<EvaluationReport, 'interExpert'>): string {
  const lines = ['modality,case,experts,dice'];
  for (const m of r.interExpert) {
    for (const c of m.cases) lines.push([m.modality, c.caseId, c.experts.join(' '), c.dice].map(csvCell).join(','));
    lines.push(
      [m.modality, '(pooled)', '', m.pooledDice].map(csvCell).join(','),
      [m.modality, '(mean)', '', m.meanDice].map(csvCell).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
