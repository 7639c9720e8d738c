# -*- coding: utf-8 -*-
"""Recursive Fibonacci: CPU-bound, dominated by Python function calls.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.
"""

GROUP = "benchmark"
ORIGIN = "gillab"
KIND = "cpu"
DESCRIPTION = "size calls of the naive recursive fib(15) (1973 Python calls each)"
PREDICTION = ("CPU-bound, call-heavy: with a GIL N threads are no faster "
              "than 1; without one (Jython) N threads on N cores approach "
              "an N-fold speedup; a JIT (PyPy, GraalPy) inlines the calls")
# ~35 ms on one thread for CPython 3.11 here (fib(15) takes ~55 us).
DEFAULT_SIZE = 600
N = 15
FIB_N = 610  # fib(15)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def run(size):
    total = 0
    i = 0
    while i < size:
        total += fib(N)
        i += 1
    return total


def check(size, result):
    assert result == FIB_N * size, \
        "%d calls of fib(%d) summed to %r, expected %d" % (
            size, N, result, FIB_N * size)
