/** Number formatting for the tour's sentences: one place, so every statement reads the same. */

/** Degrees with an explicit sign and the true minus: "−47°", "+16°". */
export const deg = (v: number): string => `${v < 0 ? '−' : '+'}${Math.abs(Math.round(v))}°`;

/** A signed value with the true minus, `digits` decimals. */
export const signed = (v: number, digits = 1): string => `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(digits)}`;

export const pct = (share: number): string => `${Math.round(share * 100)}%`;

export const ms = (v: number): string => `${Math.round(v)} ms`;

export const mm = (v: number): string => `${Math.abs(v).toFixed(0)} mm`;

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
