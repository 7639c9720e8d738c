# -*- coding: utf-8 -*-
"""Scaling pattern: shallow copies of shared structures.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared items being copied.  Every
thread works on its own data unless the description says the object is
shared; run(size) does `size` loop iterations and returns a number that
check() verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'gillab, after CPython Tools/ftscalingbench (copying)'
KIND = "cpu"
DESCRIPTION = ('list(shared_list) and dict(shared_dict) of 20 items each per'
               ' iteration: every copy takes a reference to each shared item')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless reference counting on the '
              'shared items serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 149000


SHARED_LIST = [("item", i) for i in range(20)]
SHARED_DICT = dict(("k%d" % i, i) for i in range(20))


def run(size):
    total = 0
    for i in range(size):
        a = list(SHARED_LIST)
        b = dict(SHARED_DICT)
        total += len(a) + len(b)
    return total


def check(size, result):
    assert result == 40 * size, "%d copies gave %r, expected %d" % (
        size, result, 40 * size)
