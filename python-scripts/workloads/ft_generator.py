# -*- coding: utf-8 -*-
"""Scaling pattern: small generators.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared generator function and code
object.  Every thread works on its own data unless the description says the
object is shared; run(size) does `size` loop iterations and returns a number
that check() verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'CPython Tools/ftscalingbench (generator)'
KIND = "cpu"
DESCRIPTION = ('iterate a new 10-item generator per iteration: creating and '
               'resuming generators of one shared function')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless the shared generator '
              'function or code object serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 59000


def ten():
    for i in range(10):
        yield i


def run(size):
    total = 0
    for n in range(size):
        for v in ten():
            total += v
    return total


def check(size, result):
    assert result == 45 * size, "%d iterations gave %r, expected %d" % (
        size, result, 45 * size)
