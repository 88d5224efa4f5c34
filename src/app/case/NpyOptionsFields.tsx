import { useStore } from 'zustand';
import { npyOptionsStore } from './npyOptions';

/** The two things a .npy cannot say about itself, asked before it is opened (used for .npy files only). */
export function NpyOptionsFields() {
  const { fsHz, zscored } = useStore(npyOptionsStore);
  return (
    <fieldset className="npy-options" data-testid="npy-options">
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
            if (v > 0) npyOptionsStore.setState({ fsHz: v });
          }}
        />{' '}
        Hz
      </label>
      <label>
        <input type="checkbox" checked={zscored} onChange={(e) => npyOptionsStore.setState({ zscored: e.target.checked })} /> already
        band-passed 0.5–40 Hz and z-scored (else mV)
      </label>
    </fieldset>
  );
}
