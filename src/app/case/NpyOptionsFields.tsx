import { useAppStore, useAppStoreApi } from '../store/useAppStore';

/**
 * The two things a .npy cannot say about itself, asked before it is opened (used for .npy files only). Folded into a
 * small disclosure beside "Open files…", so the one-line header stays one line; it opens as a popover.
 */
export function NpyOptionsFields() {
  const { fsHz, zscored } = useAppStore((s) => s.npyOptions);
  const store = useAppStoreApi();
  return (
    <details className="npy-options" data-testid="npy-options">
      <summary title="Rate and preparation of a NumPy .npy array, which the file cannot say itself">
        .npy options
      </summary>
      <fieldset className="npy-options-body">
        <legend>NumPy .npy (N × 12, I … V6)</legend>
        <label>
          sampling rate{' '}
          <input
            type="number"
            min={50}
            max={20000}
            step={1}
            value={fsHz}
            aria-label=".npy sampling rate in Hz"
            onChange={(e) => {
              const v = Number(e.target.value);
              if (v > 0) store.getState().setNpyOptions({ fsHz: v });
            }}
          />{' '}
          Hz
        </label>
        <label>
          <input
            type="checkbox"
            checked={zscored}
            onChange={(e) => store.getState().setNpyOptions({ zscored: e.target.checked })}
          />{' '}
          already band-passed 0.5–40 Hz and z-scored (else mV)
        </label>
      </fieldset>
    </details>
  );
}
