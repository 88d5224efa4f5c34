export interface AuditVerdict {
  verdict: 'pass' | 'fail' | 'skipped';
  reason: string;
  counts: Record<string, number> | null;
}
export function judgeAudit(r: { status: number | null; stdout: string; stderr: string }): AuditVerdict;
export function runAudit(): AuditVerdict;
