/**
 * The keyboard model of a WAI-ARIA radio group (https://www.w3.org/WAI/ARIA/apg/patterns/radio/), as pure functions
 * that RadioGroup.tsx uses and unit tests drive: one tab stop (the checked radio, else the first enabled one), arrow
 * keys move to the next / previous enabled radio and check it (wrapping), Home / End go to the first / last enabled.
 */

/** Index of the radio that is in the tab order, or -1 when every radio is disabled. */
export function tabStopIndex(checked: number, disabled: readonly boolean[]): number {
  if (checked >= 0 && checked < disabled.length && !disabled[checked]) return checked;
  return disabled.findIndex((d) => !d);
}

/** Where a key moves focus (and the check) from `from`; null when the key is not the group's or nothing is enabled. */
export function radioKeyTarget(key: string, from: number, disabled: readonly boolean[]): number | null {
  const n = disabled.length;
  const enabled = disabled.map((d, i) => (d ? -1 : i)).filter((i) => i >= 0);
  if (enabled.length === 0) return null;
  const step = (dir: 1 | -1): number => {
    for (let k = 1; k <= n; k++) {
      const i = (((from + dir * k) % n) + n) % n;
      if (!disabled[i]) return i;
    }
    return from;
  };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return step(1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return step(-1);
    case 'Home':
      return enabled[0];
    case 'End':
      return enabled[enabled.length - 1];
    default:
      return null;
  }
}
