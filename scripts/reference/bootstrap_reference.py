#!/usr/bin/python3
"""Reference bootstrap intervals from SciPy for src/core/eval/bootstrap.test.ts.

Run with Debian's interpreter (python3-scipy 1.10, python3-numpy):
    /usr/bin/python3 scripts/reference/bootstrap_reference.py > src/core/eval/__fixtures__/bootstrap-reference.json

Two kinds of reference, for the mean of fixed samples:
  1. "sameDistribution": our resampling replayed in Python (mulberry32 seeded as in src/core/random.ts, indices
     floor(u * n), each resample mean summed in index order), handed to the public scipy.stats.bootstrap through
     bootstrap_result= with n_resamples=0, so SciPy computes BCa and percentile endpoints from exactly the bootstrap
     distribution ours draws. Ours must agree to rounding (1e-9).
  2. "scipyOwnRng": scipy.stats.bootstrap with its own generator and many resamples, repeated over 8 seeds; the
     spread of those 8 runs sizes the Monte-Carlo tolerance for ours run with as many resamples from its own seed.
The "skewed" sample (log-normal) has BCa and percentile endpoints far apart, so a percentile interval fails the
BCa test.
"""
import json
import sys

import numpy as np
import scipy
from scipy.stats import bootstrap
from scipy.stats._resampling import BootstrapResult  # the public result type; scipy 1.10 keeps it here

MASK = 0xFFFFFFFF


def mulberry32(seed):
    a = seed & MASK

    def imul(x, y):
        return (x * y) & MASK

    def draw():
        nonlocal a
        a = (a + 0x6D2B79F5) & MASK
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & MASK
        t &= MASK
        return ((t ^ (t >> 14)) & MASK) / 4294967296

    return draw


def our_distribution(x, resamples, seed):
    rnd = mulberry32(seed)
    n = len(x)
    out = []
    for _ in range(resamples):
        s = 0.0
        for _ in range(n):
            s += x[int(rnd() * n)]
        out.append(s / n)
    return np.array(out)


def interval(x, method, confidence, dist=None, resamples=0, rng=None):
    kw = dict(method=method, confidence_level=confidence, vectorized=True)
    if dist is not None:
        res = bootstrap((np.array(x),), np.mean, n_resamples=0,
                        bootstrap_result=BootstrapResult(confidence_interval=None, bootstrap_distribution=dist, standard_error=None), **kw)
    else:
        res = bootstrap((np.array(x),), np.mean, n_resamples=resamples, random_state=rng, **kw)
    return [float(res.confidence_interval.low), float(res.confidence_interval.high)]


rng = np.random.default_rng(20261201)
SAMPLES = {
    # Strongly right-skewed: BCa shifts the interval right of the percentile one.
    "skewed": [round(float(v), 6) for v in np.exp(rng.normal(0, 1.2, 16))],
    # Per-case Dice-like values in [0, 1], n = 20 (the paper's cohort size), mildly skewed.
    "dice20": [round(float(v), 6) for v in rng.beta(2, 3, 20)],
}

out = {"generatedBy": "scripts/reference/bootstrap_reference.py", "scipy": scipy.__version__, "numpy": np.__version__,
       "samples": SAMPLES, "sameDistribution": [], "scipyOwnRng": []}
print("mulberry32(42) first draws", [mulberry32(42)() for _ in range(1)], file=sys.stderr)
for name, x in SAMPLES.items():
    for seed, resamples, conf in [(7, 2000, 0.95), (11, 2000, 0.9)]:
        dist = our_distribution(x, resamples, seed)
        out["sameDistribution"].append({
            "sample": name, "seed": seed, "resamples": resamples, "confidence": conf, "mean": float(np.mean(x)),
            "bca": interval(x, "BCa", conf, dist=dist), "percentile": interval(x, "percentile", conf, dist=dist)})
    big = 100_000
    runs = {m: [interval(x, m, 0.95, resamples=big, rng=np.random.default_rng(s)) for s in range(8)] for m in ["BCa", "percentile"]}
    out["scipyOwnRng"].append({
        "sample": name, "resamples": big, "confidence": 0.95, "runs": 8,
        "bca": np.mean(runs["BCa"], axis=0).tolist(), "bcaSpread": np.ptp(runs["BCa"], axis=0).tolist(),
        "percentile": np.mean(runs["percentile"], axis=0).tolist(), "percentileSpread": np.ptp(runs["percentile"], axis=0).tolist()})
json.dump(out, sys.stdout, indent=1)
print()
