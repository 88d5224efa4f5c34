import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './paths';

/** What `cli inspect` prints (scripts/cli.ts). */
export interface InspectResult {
  fsHz: number;
  durationS: number;
  leads: string[];
  qrsOnsetsMs: number[];
  windowStartMs: number;
  windowSamples: number;
  units: unknown;
}

/** Runs the project's CLI the way a user would and parses its JSON (ignoring any log lines around it). */
export function cliInspect(recordPath: string): InspectResult {
  const stdout = execFileSync('npx', ['tsx', 'scripts/cli.ts', 'inspect', recordPath], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error(`cli inspect printed no JSON:\n${stdout}`);
  return JSON.parse(stdout.slice(start, end + 1)) as InspectResult;
}
