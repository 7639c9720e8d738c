# -*- coding: utf-8 -*-
"""Beazley's countdown: the classic CPU-bound GIL demonstration.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.
"""

GROUP = "benchmark"
ORIGIN = "David Beazley, Understanding the Python GIL (2010)"
KIND = "cpu"
DESCRIPTION = "Beazley's countdown: a pure-Python loop 'while n > 0: n -= 1'"
PREDICTION = ("CPU-bound: with a GIL only one thread runs Python code at a "
              "time, so N threads are no faster than 1 (CPython 2.7's old "
              "GIL is even slower); without a GIL (Jython) N threads on N "
              "cores approach an N-fold speedup")
# About 0.1 s on one thread for CPython 3.11 here once warm (its adaptive
# interpreter specialises a function only after ~8 calls: the first 8 runs
# take ~0.14 s), 0.08 s on Jython, 0.1 s on CPython 2.7.
DEFAULT_SIZE = 7000000


def run(size):
    n = size
    while n > 0:
        n -= 1
    return n


def check(size, result):
    assert result == 0, "countdown(%d) ended at %r, expected 0" % (size, result)
