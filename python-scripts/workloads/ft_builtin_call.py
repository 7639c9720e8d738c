# -*- coding: utf-8 -*-
"""Scaling pattern: builtin function calls.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared builtin function objects.
Every thread works on its own data unless the description says the object is
shared; run(size) does `size` loop iterations and returns a number that
check() verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'gillab, after CPython Tools/ftscalingbench (builtin calls)'
KIND = "cpu"
DESCRIPTION = ('len(), abs() and min() on thread-private values: calls of '
               'shared builtin functions')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless the shared builtin '
              'function objects serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 143000


def run(size):
    pair = (3, 5)
    total = 0
    for i in range(size):
        total += len(pair) + abs(-i) + min(i, 7)
    return total


def check(size, result):
    small = min(size, 8)
    want = 2 * size + size * (size - 1) // 2 + \
        small * (small - 1) // 2 + 7 * (size - small)
    assert result == want, "%d iterations gave %r, expected %d" % (
        size, result, want)
