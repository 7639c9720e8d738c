# -*- coding: utf-8 -*-
"""The Computer Language Benchmarks Game's spectral-norm, n = 100.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.
"""
import threading

GROUP = "benchmark"
ORIGIN = "The Computer Language Benchmarks Game"
KIND = "cpu"
DESCRIPTION = ("benchmarks-game spectral-norm of the 100x100 matrix A: "
               "size power-method iterations (2 x AtA.u each)")
PREDICTION = ("CPU-bound, float arithmetic in list comprehensions: with a "
              "GIL N threads are no faster than 1; without one (Jython) N "
              "threads on N cores approach an N-fold speedup")
# ~35 ms on one thread for CPython 3.11 here (~4.4 ms per iteration).
DEFAULT_SIZE = 8
N = 100
# The benchmarks game's answer for n = 100 (9 decimals) and the converged
# value (CPython 3.11; 3.12+ sum() compensates, so allow a few ulps).
KNOWN = 1.274219991
LIMIT = 1.2742199912349306
# how close the estimate is after k iterations (k >= 3: converged)
TOLERANCE = {1: 1e-3, 2: 1e-8}


def eval_A(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def A_times_u(u, n):
    return [sum([eval_A(i, j) * u[j] for j in range(n)]) for i in range(n)]


def At_times_u(u, n):
    return [sum([eval_A(j, i) * u[j] for j in range(n)]) for i in range(n)]


def AtA_times_u(u, n):
    return At_times_u(A_times_u(u, n), n)


def run(size):
    """size power iterations; returns the estimate sqrt(u.v / v.v)."""
    if size <= 0:
        return None
    n = N
    u = [1.0] * n
    v = u
    for _ in range(size):
        # Rescale before each step: every iteration multiplies by about
        # 2.6, which overflows to inf (then NaN) after ~350 iterations, a
        # size a JIT reaches through calibration.  The estimate below is
        # scale-free (u = AtA.v exactly), so the result does not change.
        top = max(u)
        u = [x / top for x in u]
        v = AtA_times_u(u, n)
        u = AtA_times_u(v, n)
    vBv = 0.0
    vv = 0.0
    for i in range(n):
        vBv += u[i] * v[i]
        vv += v[i] * v[i]
    return (vBv / vv) ** 0.5


_seen = {}
_seen_lock = threading.Lock()


def check(size, result):
    if size <= 0:
        assert result is None, "0 iterations returned %r" % (result,)
        return
    tolerance = TOLERANCE.get(size, 1e-12)
    assert isinstance(result, float) and abs(result - LIMIT) < tolerance, \
        "spectral norm after %d iterations %r, expected %r (+- %g)" % (
            size, result, LIMIT, tolerance)
    if size >= 3:
        assert "%.9f" % result == "%.9f" % KNOWN, \
            "spectral norm %.9f, the benchmarks game says %.9f" % (
                result, KNOWN)
    with _seen_lock:
        first = _seen.setdefault(size, result)
    assert first == result, \
        "%d iterations gave %r, an earlier run %r" % (size, result, first)
