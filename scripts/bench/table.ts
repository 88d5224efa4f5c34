import { median } from '../../src/core/quantile';

/** One measured row of `npm run bench`: a workload on a runtime, the median of its runs (ms). */
export interface BenchRow {
  workload: string;
  runtime: string;
  medianMs: number | null;
  runs: number;
  /** CPU time of the process (all its threads) for the median run, where measurable (Node, PyTorch): robust to a busy machine. */
  cpuMs?: number;
  note?: string;
}


export function rowOf(workload: string, runtime: string, runsMs: number[], note?: string, cpuMs?: number[]): BenchRow {
  const cpu = cpuMs?.length ? Math.round(median(cpuMs)) : undefined;
  return { workload, runtime, medianMs: runsMs.length ? Math.round(median(runsMs) * 10) / 10 : null, runs: runsMs.length, ...(cpu !== undefined && { cpuMs: cpu }), ...(note && { note }) };
}

const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** A Markdown table: one row per workload, one column per runtime, "median (n runs)"; then our/PyTorch ratios. */
export function benchTable(rows: BenchRow[]): string {
  const workloads = [...new Set(rows.map((r) => r.workload))];
  const runtimes = [...new Set(rows.map((r) => r.runtime))];
  const head = `| workload | ${runtimes.join(' | ')} |\n|---|${runtimes.map(() => '---:|').join('')}`;
  const body = workloads.map((w) => {
    const cols = runtimes.map((rt) => {
      const r = rows.find((x) => x.workload === w && x.runtime === rt);
      if (!r) return '–';
      if (r.medianMs === null) return r.note ?? 'failed';
      return `${fmt(r.medianMs)} (n=${r.runs})${r.cpuMs !== undefined ? `, CPU ${fmt(r.cpuMs)}` : ''}`;
    });
    return `| ${w} | ${cols.join(' | ')} |`;
  });
  const ratios = workloads.flatMap((w) => {
    const torch = rows.find((r) => r.workload === w && r.runtime === 'pytorch-cpu')?.medianMs;
    if (!torch) return [];
    const torchCpu = rows.find((r) => r.workload === w && r.runtime === 'pytorch-cpu')?.cpuMs;
    return rows.filter((r) => r.workload === w && r.runtime !== 'pytorch-cpu' && r.medianMs).map((r) => `${w}: ${r.runtime} / pytorch-cpu = ${(r.medianMs! / torch).toFixed(1)}× wall${r.cpuMs && torchCpu ? `, ${(r.cpuMs / torchCpu).toFixed(1)}× CPU time` : ''}`);
  });
  return [head, ...body, '', ...ratios].join('\n');
}
