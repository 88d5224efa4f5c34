/** Factor that converts a value in `units` to millivolts, or null for a unit that is not a voltage. */
export function millivoltsPer(units: string): number | null {
  const u = units.trim().replace('μ', 'u').replace('µ', 'u').toLowerCase();
  const table: Record<string, number> = {
    mv: 1,
    millivolt: 1,
    millivolts: 1,
    uv: 1e-3,
    microvolt: 1e-3,
    microvolts: 1e-3,
    v: 1e3,
    volt: 1e3,
    volts: 1e3,
    nv: 1e-6,
  };
  return table[u] ?? null;
}
