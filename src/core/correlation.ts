/** Pearson's correlation, one implementation for the core (beat choice in ecg/, rank statistics in eval/). */

/** Pearson's correlation; null when either side is constant (no variance) or the lengths differ / are < 2. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const n = a.length;
  if (n !== b.length || n < 2) return null;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) ((ma += a[i]), (mb += b[i]));
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return null;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
