# -*- coding: utf-8 -*-
"""Scaling pattern: a function of a shared C module.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared module and its function object.
Every thread works on its own data unless the description says the object is
shared; run(size) does `size` loop iterations and returns a number that
check() verifies exactly.
"""

import math

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'CPython Tools/ftscalingbench (cmodule_function)'
KIND = "cpu"
DESCRIPTION = ('math.floor(i / 3.0) in a loop: a function looked up on the '
               'shared math module')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              "approach an N-fold speedup unless the shared module's dict "
              'or its function object serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 413000


def run(size):
    total = 0
    for i in range(size):
        total += math.floor(i / 3.0)
    return total


def check(size, result):
    # sum of i // 3 for i < size
    q, r = divmod(size, 3)
    want = 3 * q * (q - 1) // 2 + r * q
    assert result == want, "%d iterations gave %r, expected %d" % (
        size, result, want)
