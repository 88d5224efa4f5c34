import { normaliseLeadName } from '../leads';
import type { StandardLead } from '../types';

/** SCP-ECG lead codes (EN 1064 table: also DICOM's "SCPECG" coding scheme 5.6.3-9-N and SCP section 3). */
const SCP_LEADS: Record<number, StandardLead> = {
  1: 'I',
  2: 'II',
  3: 'V1',
  4: 'V2',
  5: 'V3',
  6: 'V4',
  7: 'V5',
  8: 'V6',
  61: 'III',
  62: 'aVR',
  63: 'aVL',
  64: 'aVF',
};

export function scpLeadName(code: number): string {
  return SCP_LEADS[code] ?? `SCP lead ${code}`;
}

/** MDC (ISO/IEEE 11073) lead codes as HL7 aECG writes them: MDC_ECG_LEAD_I, …_AVR, …_V1. */
export function mdcLeadName(code: string): string {
  const m = /^MDC_ECG_LEAD_(.+)$/i.exec(code.trim());
  return m ? (normaliseLeadName(m[1]) ?? m[1]) : code;
}

/** A DICOM channel source: SCPECG code value "5.6.3-9-61" → III; MDC codes or the code meaning otherwise. */
export function dicomLeadName(
  codeValue: string | undefined,
  scheme: string | undefined,
  meaning: string | undefined,
): string {
  const scp = /^5\.6\.3-9-(\d+)$/.exec(codeValue?.trim() ?? '');
  if (scp && (scheme === undefined || /SCPECG/i.test(scheme)) && SCP_LEADS[Number(scp[1])])
    return SCP_LEADS[Number(scp[1])];
  if (codeValue && /^MDC_ECG_LEAD_/i.test(codeValue)) return mdcLeadName(codeValue);
  const byMeaning = meaning ? normaliseLeadName(meaning.replace(/\(.*\)/, '')) : null;
  return byMeaning ?? meaning ?? codeValue ?? 'unnamed channel';
}
