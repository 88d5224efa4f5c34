import { STANDARD_LEADS } from '../../core/ecg/types';
import { bipolarPhi, mappedPhi } from '../../core/xai/mapping';

/** What the exports are named after: the demo case's id (or the record's name for a local file) and the method. */
export function exportName(caseName: string, method: string, what: string, ext: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${safe(caseName)}-${safe(method)}-${what}.${ext}`;
}

/**
 * The attributions as CSV: one row per window sample, `t_ms` (after QRS onset), Φ per channel (eq. 1, logit units;
 * the 12 leads, or the CineECG model's x, y, z) and `phi_d` (eq. 2, the value that colours the trajectory).
 */
export function attributionsCsv(a: [Float32Array, Float32Array], channels: number, fsHz: number): string {
  const phi = bipolarPhi(a[0], a[1]);
  const T = phi.length / channels;
  if (!Number.isInteger(T))
    throw new Error(`${phi.length} attributions are not a whole number of rows of ${channels} channels`);
  const mapped = mappedPhi(phi, channels);
  const names =
    channels === 12
      ? [...STANDARD_LEADS]
      : channels === 3
        ? ['x_left', 'y_posterior', 'z_superior']
        : Array.from({ length: channels }, (_, c) => `ch${c + 1}`);
  const num = (v: number) => (v === 0 ? '0' : v.toPrecision(7));
  const rows = [['t_ms', ...names, 'phi_d'].join(',')];
  for (let t = 0; t < T; t++)
    rows.push(
      [
        String((t * 1000) / fsHz),
        ...Array.from(phi.subarray(t * channels, (t + 1) * channels), num),
        num(mapped[t]),
      ].join(','),
    );
  return rows.join('\n') + '\n';
}
