#!/usr/bin/python3
"""Reference agreement metrics (issue 10 definitions 1-5) computed independently with NumPy and SciPy, for
src/core/eval/agreement-reference.test.ts. Run with Debian's interpreter:
    /usr/bin/python3 scripts/reference/agreement_reference.py > src/core/eval/__fixtures__/agreement-reference.json

A seeded cohort in the `cli agreement` input format: [T][L] and [T] maps, a normal case (sign flip), leads without
marks (left out), a case without marks (null), a constant map (Spearman null), values rounded to 2 decimals so
that M hits thresholds exactly and ranks tie.
"""
import json
import sys

import numpy as np
from scipy.stats import spearmanr

rng = np.random.default_rng(42)


def make_case(i, label, T, L, marked_leads):
    mask = np.zeros((T, L), dtype=int)
    for lead in marked_leads:
        a = int(rng.integers(0, T - 10))
        mask[a:a + int(rng.integers(3, 12)), lead] = 1
    # Noise plus evidence for the case's class where the expert marked, so θ* falls inside (0, 1).
    sign = -1 if label == "normal" else 1
    phi = np.round(rng.normal(0, 0.6, (T, L)) + sign * 1.5 * mask, 2)
    return {"id": f"case{i}", "label": label, "phi": phi.tolist(), "mask": mask.tolist()}


cases = [
    make_case(0, "abnormal", 40, 3, [0, 2]),
    make_case(1, "normal", 40, 3, [1]),
    make_case(2, "abnormal", 40, 3, [0, 1, 2]),
    make_case(3, "normal", 40, 3, [2]),
    make_case(4, "abnormal", 40, 3, []),  # no marks: excluded
]
const = make_case(5, "abnormal", 40, 3, [1])
const["phi"] = [[0.5, 0.5, 0.5] for _ in range(40)]  # constant: Spearman null, M all 1 (positive) or 0 (scaled)
cases.append(const)
flat = make_case(6, "normal", 40, 1, [0])  # a [T] map
flat["phi"] = [r[0] for r in flat["phi"]]
flat["mask"] = [r[0] for r in flat["mask"]]
cases.append(flat)


def as_matrix(v):
    a = np.asarray(v, dtype=float)
    return a[:, None] if a.ndim == 1 else a


def importance(phi_aligned, mode):
    if mode == "scaled":
        lo, hi = phi_aligned.min(), phi_aligned.max()
        return np.zeros_like(phi_aligned) if hi == lo else (phi_aligned - lo) / (hi - lo)
    m = np.maximum(0.0, phi_aligned) if mode == "positive" else np.abs(phi_aligned)
    mx = m.max()
    return m if mx == 0 else m / mx


def evaluate(mode):
    thetas = [k / 100 for k in range(101)]
    per_case = []
    for c in cases:
        phi = as_matrix(c["phi"])
        mask = as_matrix(c["mask"]).astype(int)
        leads = [l for l in range(phi.shape[1]) if mask[:, l].any()]
        if not leads:
            per_case.append(None)
            continue
        aligned = (-phi if c["label"] == "normal" else phi)[:, leads].T.reshape(-1)  # lead after lead
        g = mask[:, leads].T.reshape(-1).astype(bool)
        m = importance(aligned, mode)
        dice, iou = [], []
        for t in thetas:
            p = m >= t
            inter = np.sum(p & g)
            dice.append(2 * inter / (p.sum() + g.sum()))
            iou.append(inter / np.sum(p | g))
        rho = None if np.all(m == m[0]) or np.all(g == g[0]) else float(spearmanr(m, g.astype(float)).correlation)
        per_case.append((dice, iou, rho))
    ev = [pc for pc in per_case if pc is not None]
    means = [np.mean([pc[0][k] for pc in ev]) for k in range(101)]
    k = int(np.argmax(means))  # argmax returns the first (smallest θ) maximum
    return {
        "threshold": thetas[k], "meanDice": float(means[k]),
        "cases": [{"id": c["id"], "dice": None if pc is None else float(pc[0][k]), "iou": None if pc is None else float(pc[1][k]),
                   "spearman": None if pc is None else pc[2]} for c, pc in zip(cases, per_case)],
    }


out = {"generatedBy": "scripts/reference/agreement_reference.py", "input": {"cases": cases},
       "expected": {mode: evaluate(mode) for mode in ["positive", "absolute", "scaled"]}}
json.dump(out, sys.stdout)
print()
