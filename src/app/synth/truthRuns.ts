/** Contiguous runs of 1s in a 0/1 array, as [first, last] sample indices (inclusive). */
export function truthRuns(mask: ArrayLike<number>): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= mask.length; i++) {
    const on = i < mask.length && mask[i] === 1;
    if (on && start < 0) start = i;
    else if (!on && start >= 0) (runs.push([start, i - 1]), (start = -1));
  }
  return runs;
}
