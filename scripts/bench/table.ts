/** One measured cell: where, which backend, which method, the wall times of its runs (ms). */
export interface BenchCell {
  env: 'node' | 'chromium';
  backend: string;
  method: string;
  runsMs: number[];
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/** A Markdown table: one row per environment × backend, one column per method, "median (n runs)". */
export function benchTable(cells: BenchCell[], methods: string[]): string {
  const rows = [...new Set(cells.map((c) => `${c.env}|${c.backend}`))];
  const head = `| where | backend | ${methods.join(' | ')} |\n|---|---|${methods.map(() => '---:|').join('')}`;
  const body = rows.map((r) => {
    const [env, backend] = r.split('|');
    const cols = methods.map((m) => {
      const c = cells.find((x) => x.env === env && x.backend === backend && x.method === m);
      if (!c) return '–';
      if (c.runsMs.length === 0) return c.note ?? 'failed';
      return `${fmt(median(c.runsMs))} (n=${c.runsMs.length})`;
    });
    return `| ${env} | ${backend} | ${cols.join(' | ')} |`;
  });
  return [head, ...body].join('\n');
}
