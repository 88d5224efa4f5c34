import { CodedError } from '../core/errors';
import { BACKEND_PRIORITY, type BackendName, type BackendSupport } from './protocol';

/** Thrown between batches when the active backend was lost; the engine catches it and moves the job on. */
export class BackendLost extends CodedError<'backend-lost'> {
  readonly backend: BackendName;
  constructor(backend: BackendName, reason: string) {
    super('backend-lost', reason);
    this.name = 'BackendLost';
    this.backend = backend;
  }
}

/**
 * Where a job goes when `lost` stops working mid-run: the available backends after it in priority order
 * (webgpu → webgl → wasm → cpu), never one that was lost before. cpu needs nothing, so it is always last.
 */
export function fallbackOrder(
  support: readonly BackendSupport[] | null,
  lost: BackendName,
  lostBefore: ReadonlySet<BackendName>,
): BackendName[] {
  const after = BACKEND_PRIORITY.slice(BACKEND_PRIORITY.indexOf(lost) + 1);
  return after.filter(
    (b) => !lostBefore.has(b) && (b === 'cpu' || support?.some((s) => s.backend === b && s.available) === true),
  );
}
