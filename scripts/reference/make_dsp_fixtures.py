#!/usr/bin/env python3
"""Reference values for src/core/ecg/dsp, computed with scipy.

Rerun after changing a case:  python3 scripts/reference/make_dsp_fixtures.py
Needs numpy and scipy (dev machine only; the TypeScript tests read the JSON and never call python).
Deterministic: fixed seed, inputs rounded to 6 decimals so the JSON holds them exactly.
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import signal

OUT = pathlib.Path(__file__).resolve().parents[2] / 'src' / 'core' / 'ecg' / 'dsp' / 'fixtures'
HEADER = {
    'generator': 'scripts/reference/make_dsp_fixtures.py',
    'numpy': np.__version__,
    'scipy': scipy.__version__,
}


def full(a):
    """Every float to the last bit (repr round-trips)."""
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def sig(a, digits):
    """Outputs only need `digits` significant digits for the tolerances the tests use."""
    return [float(f'{v:.{digits}g}') for v in np.asarray(a, dtype=np.float64).ravel()]


def write(name, payload):
    path = OUT / name
    path.write_text(json.dumps({**HEADER, **payload}, separators=(',', ':')) + '\n')
    print(f'wrote {path} ({path.stat().st_size} bytes)')


def butterworth_cases():
    cases = []
    for order, low, high, fs in [(4, 0.5, 40, 500), (4, 0.5, 40, 1000), (3, 0.5, 40, 500),
                                 (2, 1.0, 30, 360), (5, 5.0, 15, 250), (1, 0.05, 100, 500)]:
        sos = signal.butter(order, [low, high], btype='band', fs=fs, output='sos')
        cases.append({'kind': 'bandpass', 'order': order, 'lowHz': low, 'highHz': high, 'fsHz': fs,
                      'sos': [full(s) for s in sos]})
    for order, cut, fs in [(4, 40, 500), (5, 100, 1000), (1, 10, 250), (8, 150, 500), (3, 20, 500)]:
        sos = signal.butter(order, cut, btype='low', fs=fs, output='sos')
        cases.append({'kind': 'lowpass', 'order': order, 'cutHz': cut, 'fsHz': fs,
                      'sos': [full(s) for s in sos]})
    return {'cases': cases}


def cplx(values):
    return [[float(np.real(v)), float(np.imag(v))] for v in values]


def zpk2sos_cases():
    """Hand-picked sets that walk every branch of the 'nearest' pairing (real/complex, odd counts)."""
    sets = [
        ([], [], 2.0),
        ([-1, -1, 0.5j, -0.5j], [0.9, 0.2 + 0.7j, 0.2 - 0.7j, -0.3], 0.5),
        ([1, -1, -1], [0.5, 0.8, -0.2], 3.0),
        ([0.3 + 0.9j, 0.3 - 0.9j, 0.7], [0.6 + 0.6j, 0.6 - 0.6j, 0.95], 1.5),
        ([], [0.9 + 0.1j, 0.9 - 0.1j, 0.5], 0.01),
        ([-1, 1, 0.2 + 0.98j, 0.2 - 0.98j], [0.7, 0.8 + 0.1j, 0.8 - 0.1j, 0.1], 2.0),
    ]
    cases = []
    for z, p, k in sets:
        sos = signal.zpk2sos(z, p, k)
        cases.append({'z': cplx(z), 'p': cplx(p), 'k': k, 'sos': [full(s) for s in sos]})
    return {'cases': cases}


def filtfilt_case():
    fs = 500
    rng = np.random.default_rng(20240611)
    n = 2000
    t = np.arange(n) / fs
    x = (0.8 + np.sin(2 * np.pi * 1.3 * t) + 0.5 * np.sin(2 * np.pi * 17 * t)
         + 0.2 * np.sin(2 * np.pi * 60 * t) + 0.3 * (t > 2.0) + 0.05 * rng.standard_normal(n))
    x = np.round(x, 6)
    b, a = signal.butter(4, [0.5, 40], btype='band', fs=fs)
    sos = signal.butter(4, [0.5, 40], btype='band', fs=fs, output='sos')
    # filtfilt's default padlen for (b, a) is 3 * max(len(a), len(b)) = 27; sosfiltfilt with the same
    # padlen is the same filter computed in a numerically stable form.
    by_ba = signal.filtfilt(b, a, x)
    by_sos = signal.sosfiltfilt(sos, x, padlen=3 * max(len(a), len(b)))
    # Odd-order low-pass: filtfilt(b, a) pads 3 * (order + 1) = 18, not 3 * (2 * sections + 1) = 21.
    n_lp = 600
    b5, a5 = signal.butter(5, 40, btype='low', fs=fs)
    lp = signal.filtfilt(b5, a5, x[:n_lp])
    return {
        'fsHz': fs,
        'x': full(x),
        'bandpass': {'order': 4, 'lowHz': 0.5, 'highHz': 40,
                     'filtfiltBa': sig(by_ba, 15), 'sosfiltfiltSamePad': sig(by_sos, 15)},
        'lowpass': {'order': 5, 'cutHz': 40, 'n': n_lp, 'filtfiltBa': sig(lp, 15)},
    }


def resample_cases():
    rng = np.random.default_rng(7)
    cases = []
    for from_hz, seconds, tones in [(1000, 1.0, [(3, 1.0), (45, 0.4), (120, 0.2), (400, 0.1)]),
                                    (100, 2.0, [(1.1, 1.0), (7, 0.5), (33, 0.25)]),
                                    (360, 1.0, [(2, 1.0), (25, 0.5), (150, 0.3)]),
                                    (257, 1.0, [(4, 1.0), (60, 0.3)])]:
        n = int(round(from_hz * seconds))
        t = np.arange(n) / from_hz
        x = 0.5 + sum(amp * np.sin(2 * np.pi * f * t + f) for f, amp in tones)
        x = np.round(x + 0.02 * rng.standard_normal(n), 6)
        g = np.gcd(500, from_hz)
        up, down = 500 // g, from_hz // g
        y = signal.resample_poly(x, up, down)
        cases.append({'fromHz': from_hz, 'toHz': 500, 'up': int(up), 'down': int(down),
                      'x': full(x), 'y': sig(y, 12)})
    firwin = {'numtaps': 41, 'cutoff': 0.5, 'beta': 5.0,
              'h': full(signal.firwin(41, 0.5, window=('kaiser', 5.0)))}
    return {'cases': cases, 'firwin': firwin}


if __name__ == '__main__':
    OUT.mkdir(parents=True, exist_ok=True)
    write('butterworth.json', butterworth_cases())
    write('zpk2sos.json', zpk2sos_cases())
    write('filtfilt.json', filtfilt_case())
    write('resample.json', resample_cases())
