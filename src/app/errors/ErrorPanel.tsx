import { useId } from 'react';
import type { AppError } from './appError';

const HINTS: Partial<Record<AppError['code'], string>> = {
  network: 'The case files could not be fetched. Check that the app is served over http(s) and reload.',
  'bad-manifest': 'The list of bundled cases is malformed.',
  'unknown-case': 'Pick one of the bundled cases.',
  unexpected: 'This is a bug in the app. The message below helps to find it.',
  'model-load': 'The model files could not be fetched or read. The ECG itself is unaffected; reload to try again.',
  'model-integrity':
    'A model file is not the one this app was built with (its SHA-256 differs from the recorded one), so no prediction or explanation runs on it. Reload; if it persists, the installation is damaged.',
  'backend-unavailable':
    'This browser cannot run the model on the backend asked for. Remove ?backend= from the address to pick one automatically.',
  'no-backend': 'This browser offers none of WebGPU, WebGL, WebAssembly or plain JavaScript for the model.',
  'worker-failed':
    'The background worker that runs the model stopped. It is restarted automatically: run the job again. If it keeps stopping, reload the page.',
  'backend-lost':
    'The graphics device the model ran on was lost and no other backend could take over. Reload the page.',
  'bad-input': 'The model window does not have the shape the model expects.',
  'bad-heart-asset': 'The bundled heart geometry is damaged; the ECG views are unaffected. Reload to fetch it again.',
};

/** The one place errors are shown: code, message and where, with a hint when we have one. */
export function ErrorPanel({ error, title = 'The ECG could not be opened' }: { error: AppError; title?: string }) {
  const hint = HINTS[error.code];
  const titleId = useId(); // two panels can show at once (the heart and its trajectory)
  return (
    <section className="error-panel" role="alert" aria-labelledby={titleId} data-error-code={error.code}>
      <h2 id={titleId}>{title}</h2>
      <p className="error-message">
        <code className="error-code">{error.code}</code> {error.message}
      </p>
      {(error.file || error.field) && (
        <p className="error-where">
          {error.file && (
            <>
              File <code>{error.file}</code>
            </>
          )}
          {error.file && error.field && ', '}
          {error.field && (
            <>
              field <code>{error.field}</code>
            </>
          )}
        </p>
      )}
      {hint && <p className="error-hint">{hint}</p>}
    </section>
  );
}
