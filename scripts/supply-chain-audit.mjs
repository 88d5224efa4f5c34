/**
 * The supply-chain gate of `npm test` (issue 15): `npm audit --omit=dev --audit-level=high` on the shipped
 * dependencies. A high or critical finding fails the run; when the registry's audit service cannot be reached
 * (offline, or a mirror that does not offer it) the step is *skipped* and says why, never passed silently.
 */
import { spawnSync } from 'node:child_process';

/** Network and service failures: the audit could not be performed, which is not a finding. */
const UNREACHABLE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|audit endpoint returned an error|network|\b(403|404|405|429|5\d\d)\b/i;

/**
 * Decides what `npm audit --json` said. Returns { verdict: 'pass' | 'fail' | 'skipped', reason, counts }.
 * @param {{ status: number | null, stdout: string, stderr: string }} r
 */
export function judgeAudit(r) {
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    // not JSON: decided from stderr below
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const high = (counts.high ?? 0) + (counts.critical ?? 0);
    const summary = ['critical', 'high', 'moderate', 'low', 'info'].map((k) => `${counts[k] ?? 0} ${k}`).join(', ');
    if (high > 0) {
      const names = Object.values(report.vulnerabilities ?? {})
        .filter((v) => v.severity === 'high' || v.severity === 'critical')
        .map((v) => `${v.name} (${v.severity})`);
      return { verdict: 'fail', reason: `${summary}: ${names.join(', ')}`, counts };
    }
    return { verdict: 'pass', reason: summary, counts };
  }
  const said = `${report?.message ?? ''} ${report?.error?.summary ?? ''} ${r.stderr}`.replace(/\s+/g, ' ').trim();
  if (UNREACHABLE.test(said))
    return {
      verdict: 'skipped',
      reason: `the registry's audit service could not be reached (${said.slice(0, 200)})`,
      counts: null,
    };
  return {
    verdict: 'fail',
    reason: `npm audit exited ${r.status} with no report: ${said.slice(0, 300) || 'no output'}`,
    counts: null,
  };
}

/** Runs the audit here (needs the registry). */
export function runAudit() {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return judgeAudit({
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: `${r.stderr ?? ''}${r.error ? ` ${r.error.message}` : ''}`,
  });
}
