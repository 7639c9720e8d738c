# -*- coding: utf-8 -*-
"""Scaling pattern: float arithmetic with constants.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared float constants.  Every thread
works on its own data unless the description says the object is shared;
run(size) does `size` loop iterations and returns a number that check()
verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'CPython Tools/ftscalingbench (mult_constant)'
KIND = "cpu"
DESCRIPTION = ('x *= 2.0; x *= 0.5 on a float: arithmetic with float '
               'constants shared by every thread')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless the shared constant '
              'objects serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 789000


def run(size):
    x = 1.0
    total = 0.0
    for i in range(size):
        x *= 2.0
        x *= 0.5
        total += x
    return total


def check(size, result):
    # x * 2.0 * 0.5 is exactly x, so total is exactly size (< 2**53)
    assert result == float(size), "%d iterations gave %r, expected %d" % (
        size, result, size)
