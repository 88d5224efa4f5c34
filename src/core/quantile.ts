/**
 * Medians and quantiles, one implementation for the project (core, worker, scripts).
 *
 * The definition is linear interpolation between order statistics, Hyndman & Fan type 7 (numpy's default
 * `np.percentile(..., method='linear')`, R's default): the value at fractional position p · (n − 1) of the sorted
 * values. The median is its p = 0.5 case, the mean of the two middle values for an even count.
 *
 * Two callers pick a different definition on purpose; they use the explicitly named variants below so that changing
 * the default never changes them silently:
 *   - `quantileNearestSorted` (numpy 'nearest'): QRS detection thresholds (always an observed sample value);
 *   - `quantileRankSorted` (the value at rank ⌊p · n⌋, the upper middle for the median): the dataset and validation
 *     reports and the backend timing, whose published figures and tests use it.
 */

/** Type-7 quantile of values already sorted ascending; p is clamped to [0, 1]; NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const pos = Math.min(1, Math.max(0, p)) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/** Ascending copy (numbers compared as numbers, not as strings). */
export const sortedCopy = (xs: ArrayLike<number>): Float64Array => Float64Array.from(xs).sort();

/** Type-7 quantile of unsorted values (sorts a copy). */
export const quantile = (xs: ArrayLike<number>, p: number): number => quantileSorted(sortedCopy(xs), p);

/** Median: the middle value, or the mean of the two middle values for an even count; NaN when empty. */
export function median(xs: ArrayLike<number>): number {
  const s = sortedCopy(xs);
  const m = s.length >> 1;
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** numpy 'nearest' (halves round up): the sorted value at the rounded position p · (n − 1), an observed value. */
export function quantileNearestSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))];
}

/** The sorted value at 0-based rank ⌊p · n⌋ (clamped): the reports' quantile; for p = 0.5 the upper middle value. */
export function quantileRankSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(p * sorted.length)))];
}
