#!/usr/bin/python3
"""
Integrated Gradients' Φ = (A¹ − A⁰)/2 (eq. 1) of many windows by the PyTorch rebuild of a TF.js model (bench/torch_ig.py:
the same network layer by layer, checked there against ours to 2e-7), for the synthetic benchmark at the paper's full
budget, which our wasm backend cannot finish on a shared 2-core machine in useful time (scripts/synth/torch-phi.ts
writes the input, checks the result against our own IG, and reads it back).

  /usr/bin/python3 scripts/synth/torch_phi.py JOB.json

JOB.json: {model, T, C, cases, copies, alphas, weights, input, output, threads}; `input` is float32 [cases × copies ×
T × C] (the noisy copies of each window, made by our noisyCopies), `output` receives float32 [cases × T × C].
Baseline zeros; one backward pass of (f₁ − f₀)/2 per path point. Prints one JSON line (seconds, cases).
"""
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
from torch_ig import TfjsNet, ig, load_tfjs  # noqa: E402


def main():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    torch.set_num_threads(job.get("threads", 1))
    net = TfjsNet(*load_tfjs(job["model"])).eval()
    T, C, n, k = job["T"], job["C"], job["cases"], job["copies"]
    data = np.fromfile(job["input"], dtype="<f4").reshape(n, k, T, C)
    alphas = torch.tensor(job["alphas"], dtype=torch.float32)
    weights = torch.tensor(job["weights"], dtype=torch.float32)
    direction = [torch.tensor([-0.5, 0.5])]
    out = np.zeros((n, T, C), dtype="<f4")
    t0 = time.perf_counter()
    for i in range(n):
        copies = torch.from_numpy(data[i].copy())
        out[i] = ig(net, copies, alphas, weights, torch.zeros(T, C), direction, job.get("batch", 500))[0].detach().numpy()
        print(f"torch_phi: case {i + 1}/{n}, {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    out.tofile(job["output"])
    print(json.dumps({"cases": n, "seconds": round(time.perf_counter() - t0, 2)}))


if __name__ == "__main__":
    main()
