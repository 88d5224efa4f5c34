/** Binary classification metrics; class 1 = abnormal is the positive class. */

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export function confusion(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < yTrue.length; i++) {
    if (yPred[i] === 1) yTrue[i] === 1 ? c.tp++ : c.fp++;
    else yTrue[i] === 1 ? c.fn++ : c.tn++;
  }
  return c;
}

export function accuracy(c: Confusion): number {
  return (c.tp + c.tn) / (c.tp + c.tn + c.fp + c.fn);
}

/** Mean of the F1 of each class (each class in turn positive); a class with no support and no prediction scores 0. */
export function macroF1(c: Confusion): number {
  const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
  return (f1(c.tp, c.fp, c.fn) + f1(c.tn, c.fn, c.fp)) / 2;
}

/**
 * Area under the ROC curve as the Mann–Whitney probability that a random positive scores above a random
 * negative (ties count half). NaN when one class is absent.
 */
export function auroc(yTrue: ArrayLike<number>, score: ArrayLike<number>): number {
  const idx = Array.from({ length: yTrue.length }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let nPos = 0;
  let rankSumPos = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && score[idx[j + 1]] === score[idx[i]]) j++;
    const midRank = (i + j) / 2 + 1; // average rank of the tie group (1-based)
    for (let k = i; k <= j; k++) if (yTrue[idx[k]] === 1) (nPos++, (rankSumPos += midRank));
    i = j + 1;
  }
  const nNeg = yTrue.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
