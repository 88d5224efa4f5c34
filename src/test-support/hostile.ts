/** Test-only: what every hostile input must end in — an EcgError naming the file and the problem, quickly. */
import { expect } from 'vitest';
import { EcgError, type EcgErrorCode } from '../core/errors';
import { loadRecordAsync } from '../core/ecg/load';
import type { EcgRecord, RecordFiles } from '../core/ecg/types';

/** A hang guard, not a benchmark: each read takes milliseconds; this bound only catches a loop or a huge decode. */
export const HANG_GUARD_MS = 2000;

export interface Outcome {
  record?: EcgRecord;
  error?: EcgError;
  ms: number;
}

/** Load, timing the reading itself; anything thrown that is not an EcgError fails the test (a crash). */
export async function timedLoad(files: RecordFiles): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const record = await loadRecordAsync(files);
    return { record, ms: performance.now() - t0 };
  } catch (e) {
    const ms = performance.now() - t0;
    if (!(e instanceof EcgError)) throw new Error(`crash instead of a clear refusal: ${String(e)}`, { cause: e });
    return { error: e, ms };
  }
}

/** Refused with `code`, the message starting with the file's name and matching `problem`, within the hang guard. */
export async function expectRefused(
  files: RecordFiles,
  file: string,
  code: EcgErrorCode,
  problem: RegExp | string,
): Promise<EcgError> {
  const { error, record, ms } = await timedLoad(files);
  expect(record, `${file} was accepted; expected ${code}`).toBeUndefined();
  expect(error!.code, error!.message).toBe(code);
  expect(error!.file).toBe(file);
  expect(error!.message.startsWith(`${file}: `)).toBe(true);
  if (typeof problem === 'string') expect(error!.message).toContain(problem);
  else expect(error!.message).toMatch(problem);
  expect(ms).toBeLessThan(HANG_GUARD_MS);
  return error!;
}

/** Whatever the bytes: a usable record (12 finite leads) or a refusal naming one of the given files — quickly. */
export async function expectLoadsOrRefuses(files: RecordFiles): Promise<Outcome> {
  const out = await timedLoad(files);
  expect(out.ms).toBeLessThan(HANG_GUARD_MS);
  if (out.record) {
    expect(out.record.leadsMv).toHaveLength(12);
    for (const lead of out.record.leadsMv) expect(lead.every(Number.isFinite)).toBe(true);
  } else {
    expect(out.error!.message.length).toBeGreaterThan(10);
    if (out.error!.file !== undefined) expect([...files.keys()]).toContain(out.error!.file);
  }
  return out;
}
