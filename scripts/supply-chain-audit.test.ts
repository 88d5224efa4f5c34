import { describe, expect, it } from 'vitest';
import { judgeAudit } from './supply-chain-audit.mjs';

const report = (vulns: Record<string, number>, entries: Record<string, { name: string; severity: string }> = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: entries,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...vulns } },
  });

describe('the npm audit gate', () => {
  it('passes with no high or critical finding, whatever the moderate ones', () => {
    expect(judgeAudit({ status: 1, stdout: report({ moderate: 2 }), stderr: '' })).toMatchObject({
      verdict: 'pass',
      reason: '0 critical, 0 high, 2 moderate, 0 low, 0 info',
    });
  });

  it('fails on a high or critical finding and names the package', () => {
    const r = judgeAudit({
      status: 1,
      stdout: report(
        { critical: 1 },
        { 'fast-xml-parser': { name: 'fast-xml-parser', severity: 'critical' }, x: { name: 'x', severity: 'low' } },
      ),
      stderr: '',
    });
    expect(r).toMatchObject({
      verdict: 'fail',
      reason: '1 critical, 0 high, 0 moderate, 0 low, 0 info: fast-xml-parser (critical)',
    });
  });

  it('is skipped, saying why, when the audit service cannot be reached (offline, or a mirror without it)', () => {
    // What this machine's registry answers (2026-12-01): the bulk advisory endpoint is not offered.
    const mirror = judgeAudit({
      status: 1,
      stdout: JSON.stringify({
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
      }),
      stderr: 'npm error audit endpoint returned an error',
    });
    expect(mirror.verdict).toBe('skipped');
    expect(mirror.reason).toMatch(/^the registry's audit service could not be reached \(405 Method Not Allowed/);
    expect(
      judgeAudit({ status: 1, stdout: '', stderr: 'npm error code ENOTFOUND getaddrinfo registry.npmjs.org' }).verdict,
    ).toBe('skipped');
  });

  it('fails (not skips) on an unexplained error with no report', () => {
    expect(
      judgeAudit({ status: 1, stdout: '', stderr: 'npm error code ELOCKVERIFY lockfile is broken' }),
    ).toMatchObject({ verdict: 'fail' });
  });
});
