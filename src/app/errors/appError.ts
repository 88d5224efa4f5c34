import type { GeometryErrorCode } from '../../core/cine/heart-mesh';
import { CodedError, type CodedErrorJson, type EcgErrorCode } from '../../core/errors';
import type { WorkerErrorCode } from '../../worker/protocol';

/** Codes the app adds to the core's: things that go wrong before or around parsing. */
export type AppOnlyErrorCode =
  'network' | 'bad-manifest' | 'unknown-case' | 'unexpected' | 'bad-study-file' | 'bad-stored-data';
/** The core's codes (records, heart geometry), the app's own, and the inference worker's (src/worker/protocol.ts). */
export type AppErrorCode = EcgErrorCode | GeometryErrorCode | AppOnlyErrorCode | WorkerErrorCode;

/** What the store keeps and `ErrorPanel` renders: plain data, no Error instance. */
export type AppError = CodedErrorJson<AppErrorCode>;

/** Thrown by the app's own loaders; `detail` is the AppError it carries. */
export class AppFailure extends CodedError<AppErrorCode> {
  constructor(detail: AppError) {
    super(detail.code, detail.message, detail);
    this.name = 'AppFailure';
  }

  get detail(): AppError {
    return this.toJSON();
  }
}

/**
 * Anything caught → something the UI can show, by code: every CodedError (EcgError, GeometryError, the worker's
 * InferenceFailure, AppFailure…) keeps its code; anything else is 'unexpected'. Never loses the message.
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof CodedError) return e.toJSON() as AppError;
  if (e instanceof Error) return { code: 'unexpected', message: e.message || e.name };
  return { code: 'unexpected', message: String(e) };
}
