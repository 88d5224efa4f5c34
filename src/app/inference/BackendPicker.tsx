import { BACKEND_PRIORITY } from '../../worker/protocol';
import { useAppStore } from '../store/useAppStore';
import { backendFromUrl } from './startInference';

/** URL of this page with ?backend= set (or removed for automatic): the worker starts fresh on it. */
export function urlWithBackend(href: string, backend: string): string {
  const url = new URL(href);
  if (backend === 'auto') url.searchParams.delete('backend');
  else url.searchParams.set('backend', backend);
  return url.href;
}

/**
 * Lets the user override the measured backend choice. Switching reloads the page with ?backend=, so the new
 * backend starts in a fresh worker (TF.js keeps per-backend state that is simplest to drop whole).
 */
export function BackendPicker() {
  const backends = useAppStore((s) => s.backends);
  const requested = backendFromUrl(window.location.search) ?? 'auto';
  return (
    <label className="backend-picker">
      <span>Backend</span>
      <select
        aria-label="Backend"
        value={requested}
        onChange={(e) => window.location.assign(urlWithBackend(window.location.href, e.target.value))}
      >
        <option value="auto">automatic (fastest measured)</option>
        {BACKEND_PRIORITY.map((b) => {
          const s = backends?.find((x) => x.backend === b);
          return (
            <option key={b} value={b} disabled={s ? !s.available : false} title={s?.detail}>
              {b}
              {s?.software ? ' (software GPU)' : ''}
              {s && !s.available ? ' — not available here' : ''}
            </option>
          );
        })}
      </select>
    </label>
  );
}
