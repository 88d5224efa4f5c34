import { type EcgErrorCode, isEcgError } from '../../core/errors';
import { InferenceFailure } from '../../worker/client';
import type { WorkerErrorCode } from '../../worker/protocol';

/** Codes the app adds to the core's: things that go wrong before or around parsing. */
export type AppOnlyErrorCode = 'network' | 'bad-manifest' | 'unknown-case' | 'unexpected';
/** The core's codes, the app's own, and the inference worker's (src/worker/protocol.ts). */
export type AppErrorCode = EcgErrorCode | AppOnlyErrorCode | WorkerErrorCode;

/** What the store keeps and `ErrorPanel` renders: plain data, no Error instance. */
export interface AppError {
  code: AppErrorCode;
  message: string;
  file?: string;
  field?: string;
}

/** Thrown by the app's own loaders; carries an AppError. */
export class AppFailure extends Error {
  readonly detail: AppError;

  constructor(detail: AppError) {
    super(detail.message);
    this.name = 'AppFailure';
    this.detail = detail;
  }
}

/** Anything caught → something the UI can show. Never loses the message. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppFailure) return e.detail;
  if (e instanceof InferenceFailure) return { code: e.detail.code, message: e.detail.message };
  if (isEcgError(e)) {
    const { code, message, file, field } = e.toJSON();
    return { code, message, ...(file ? { file } : {}), ...(field ? { field } : {}) };
  }
  if (e instanceof Error) return { code: 'unexpected', message: e.message || e.name };
  return { code: 'unexpected', message: String(e) };
}
