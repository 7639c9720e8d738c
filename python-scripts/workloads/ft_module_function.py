# -*- coding: utf-8 -*-
"""Scaling pattern: a function of a shared Python module.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared module object and its dict.
Every thread works on its own data unless the description says the object is
shared; run(size) does `size` loop iterations and returns a number that
check() verifies exactly.
"""

import _ftshared

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'CPython Tools/ftscalingbench (module_function)'
KIND = "cpu"
DESCRIPTION = ('_ftshared.double(i): a Python function looked up on a shared'
               ' imported module object')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless the shared module object '
              'or its dict serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 470000


def run(size):
    total = 0
    for i in range(size):
        total += _ftshared.double(i)
    return total


def check(size, result):
    want = size * (size - 1)
    assert result == want, "%d calls gave %r, expected %d" % (
        size, result, want)
