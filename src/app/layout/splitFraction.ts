/**
 * The grid | heart split as a fraction of the workspace width given to the grid side. Pure: clamping, keyboard
 * steps, and reading/writing the remembered value (any Storage-like object; the app passes localStorage).
 */
export const SPLIT_KEY = 'cineecg.split.grid';
export const DEFAULT_SPLIT = 0.56;
export const MIN_SPLIT = 0.3;
export const MAX_SPLIT = 0.8;
/** Arrow keys move the splitter by this fraction; Page keys by four times it. */
export const SPLIT_STEP = 0.02;

export const clampSplit = (f: number): number =>
  Number.isFinite(f) ? Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, f)) : DEFAULT_SPLIT;

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** The remembered split, or the default when none (or garbage) is stored or storage is unavailable. */
export function loadSplit(storage: StorageLike | null | undefined): number {
  try {
    const raw = storage?.getItem(SPLIT_KEY);
    return raw === null || raw === undefined || raw === '' ? DEFAULT_SPLIT : clampSplit(Number(raw));
  } catch {
    return DEFAULT_SPLIT; // private mode / blocked storage: just do not remember
  }
}

export function saveSplit(storage: StorageLike | null | undefined, f: number): void {
  try {
    storage?.setItem(SPLIT_KEY, clampSplit(f).toFixed(3));
  } catch {
    /* quota or blocked storage: the split still works, it is only not remembered */
  }
}

/** The split after a key press on the separator, or null for keys it does not handle. */
export function splitAfterKey(f: number, key: string): number | null {
  switch (key) {
    case 'ArrowLeft':
      return clampSplit(f - SPLIT_STEP);
    case 'ArrowRight':
      return clampSplit(f + SPLIT_STEP);
    case 'PageDown':
      return clampSplit(f - 4 * SPLIT_STEP);
    case 'PageUp':
      return clampSplit(f + 4 * SPLIT_STEP);
    case 'Home':
      return MIN_SPLIT;
    case 'End':
      return MAX_SPLIT;
    default:
      return null;
  }
}
