/**
 * The paper's own numbers (Tables 1–5, 20 PTB-XL cases, two cardiologists), exactly as printed, keyed by the same
 * row labels tables.ts produces, so a table can show them beside a study's results. Mean (95% BCa interval).
 */
export interface PaperRow {
  labels: string[];
  dice: string;
  iou: string;
  spearman: string;
}

const C = 'CineECG Signal';
const L = '12-Lead Signal';

export const PAPER_TABLES: Record<'table1' | 'table2' | 'table3' | 'table4' | 'table5', PaperRow[]> = {
  table1: [
    { labels: [C], dice: '0.56 (0.51–0.62)', iou: '0.40 (0.35–0.47)', spearman: '0.22 (0.11–0.29)' },
    { labels: [L], dice: '0.47 (0.44–0.52)', iou: '0.32 (0.29–0.37)', spearman: '0.18 (0.12–0.23)' },
  ],
  table2: [
    {
      labels: ['Diagnosis', C, 'Abnormal'],
      dice: '0.59 (0.48–0.71)',
      iou: '0.44 (0.33–0.57)',
      spearman: '0.19 (0.02–0.33)',
    },
    {
      labels: ['Diagnosis', C, 'Normal'],
      dice: '0.53 (0.49–0.55)',
      iou: '0.36 (0.33–0.38)',
      spearman: '0.24 (0.09–0.31)',
    },
    {
      labels: ['Diagnosis', L, 'Abnormal'],
      dice: '0.49 (0.39–0.60)',
      iou: '0.35 (0.26–0.46)',
      spearman: '0.17 (0.01–0.26)',
    },
    {
      labels: ['Diagnosis', L, 'Normal'],
      dice: '0.46 (0.44–0.48)',
      iou: '0.30 (0.28–0.32)',
      spearman: '0.19 (0.12–0.23)',
    },
    {
      labels: ['Agreement', C, 'Agreement'],
      dice: '0.50 (0.47–0.52)',
      iou: '0.34 (0.31–0.35)',
      spearman: '0.07 (-0.31–0.27)',
    },
    {
      labels: ['Agreement', C, 'Disagreement'],
      dice: '0.57 (0.50–0.63)',
      iou: '0.41 (0.35–0.49)',
      spearman: '0.24 (0.14–0.31)',
    },
    {
      labels: ['Agreement', L, 'Agreement'],
      dice: '0.47 (0.42–0.50)',
      iou: '0.31 (0.27–0.34)',
      spearman: '0.19 (0.03–0.30)',
    },
    {
      labels: ['Agreement', L, 'Disagreement'],
      dice: '0.48 (0.43–0.52)',
      iou: '0.32 (0.29–0.38)',
      spearman: '0.18 (0.10–0.23)',
    },
  ],
  table3: [
    { labels: [C, 'Gradient SHAP'], dice: '0.52 (0.47–0.58)', iou: '0.36 (0.32–0.43)', spearman: '0.09 (0.03–0.14)' },
    {
      labels: [C, 'Integrated Grad.'],
      dice: '0.56 (0.51–0.62)',
      iou: '0.40 (0.35–0.47)',
      spearman: '0.22 (0.11–0.29)',
    },
    {
      labels: [C, 'Kernel SHAP'],
      dice: '0.46 (0.41–0.53)',
      iou: '0.31 (0.27–0.39)',
      spearman: '< 0.01 (-0.01–< 0.01)',
    },
    { labels: [C, 'LIME'], dice: '0.46 (0.42–0.54)', iou: '0.31 (0.27–0.40)', spearman: '0.01 (-0.01–0.04)' },
    { labels: [L, 'Gradient SHAP'], dice: '0.47 (0.44–0.52)', iou: '0.32 (0.29–0.37)', spearman: '0.17 (0.10–0.23)' },
    {
      labels: [L, 'Integrated Grad.'],
      dice: '0.47 (0.43–0.51)',
      iou: '0.32 (0.29–0.38)',
      spearman: '0.18 (0.12–0.23)',
    },
    {
      labels: [L, 'Kernel SHAP'],
      dice: '0.42 (0.38–0.47)',
      iou: '0.28 (0.24–0.34)',
      spearman: '< 0.01 (> -0.01–< 0.01)',
    },
    { labels: [L, 'LIME'], dice: '0.42 (0.38–0.47)', iou: '0.28 (0.25–0.33)', spearman: '0.01 (< 0.01–0.01)' },
  ],
  table4: [
    { labels: [C, 'CineECG Attr.'], dice: '0.49 (0.43–0.56)', iou: '0.33 (0.29–0.41)', spearman: '0.03 (-0.07–0.12)' },
    {
      labels: [C, '12-Lead (Mapped)'],
      dice: '0.56 (0.51–0.62)',
      iou: '0.40 (0.35–0.47)',
      spearman: '0.22 (0.11–0.29)',
    },
    { labels: [L, '12-Lead Attr.'], dice: '0.47 (0.44–0.52)', iou: '0.32 (0.29–0.37)', spearman: '0.18 (0.11–0.23)' },
  ],
  table5: [
    {
      labels: ['CineECG Attributions', 'Absolute'],
      dice: '0.49 (0.43–0.55)',
      iou: '0.33 (0.29–0.41)',
      spearman: '0.03 (-0.08–0.12)',
    },
    {
      labels: ['CineECG Attributions', 'Positive'],
      dice: '0.47 (0.42–0.54)',
      iou: '0.32 (0.27–0.39)',
      spearman: '0.01 (-0.03–0.07)',
    },
    {
      labels: ['CineECG Attributions', 'Scaled'],
      dice: '0.49 (0.43–0.56)',
      iou: '0.34 (0.29–0.41)',
      spearman: '0.01 (-0.07–0.08)',
    },
    {
      labels: ['12-Lead Attributions', 'Absolute'],
      dice: '0.47 (0.44–0.52)',
      iou: '0.32 (0.29–0.37)',
      spearman: '0.18 (0.11–0.23)',
    },
    {
      labels: ['12-Lead Attributions', 'Positive'],
      dice: '0.43 (0.40–0.48)',
      iou: '0.28 (0.26–0.34)',
      spearman: '0.08 (0.06–0.10)',
    },
    {
      labels: ['12-Lead Attributions', 'Scaled'],
      dice: '0.43 (0.40–0.48)',
      iou: '0.28 (0.26–0.35)',
      spearman: '0.04 (0.03–0.06)',
    },
    {
      labels: ['12-Lead (Mapped)', 'Absolute'],
      dice: '0.52 (0.48–0.58)',
      iou: '0.36 (0.32–0.44)',
      spearman: '-0.07 (-0.18–0.08)',
    },
    {
      labels: ['12-Lead (Mapped)', 'Positive'],
      dice: '0.52 (0.47–0.59)',
      iou: '0.37 (0.32–0.44)',
      spearman: '0.17 (0.08–0.25)',
    },
    {
      labels: ['12-Lead (Mapped)', 'Scaled'],
      dice: '0.56 (0.51–0.62)',
      iou: '0.40 (0.35–0.47)',
      spearman: '0.22 (0.11–0.29)',
    },
  ],
};

/** The paper's row with these labels, if it printed one. */
export function paperRow(tableId: keyof typeof PAPER_TABLES, labels: readonly string[]): PaperRow | undefined {
  return PAPER_TABLES[tableId].find(
    (r) => r.labels.length === labels.length && r.labels.every((l, i) => l === labels[i]),
  );
}
