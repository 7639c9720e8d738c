# -*- coding: utf-8 -*-
"""Scaling pattern: creating closures.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared code object.  Every thread
works on its own data unless the description says the object is shared;
run(size) does `size` loop iterations and returns a number that check()
verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'CPython Tools/ftscalingbench (create_closure)'
KIND = "cpu"
DESCRIPTION = ('def inside the loop, then call it: a new closure per '
               'iteration over one shared code object')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless the shared code object '
              'serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 204000


def run(size):
    total = 0
    for i in range(size):
        def add(x):
            return x + i
        total += add(1)
    return total


def check(size, result):
    want = size * (size - 1) // 2 + size
    assert result == want, "%d closures gave %r, expected %d" % (
        size, result, want)
