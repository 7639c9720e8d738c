# -*- coding: utf-8 -*-
"""Scaling pattern: reading thread-local data.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by the shared threading.local object and its lock.  Every thread
works on its own data unless the description says the object is shared;
run(size) does `size` loop iterations and returns a number that check()
verifies exactly.
"""

import threading

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'CPython Tools/ftscalingbench (thread_local_read)'
KIND = "cpu"
DESCRIPTION = ('five reads of an attribute of one shared threading.local per'
               ' iteration')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless the shared threading.local'
              ' (a lock in its pure-Python or Java implementation) '
              'serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 158000


LOCAL = threading.local()


def run(size):
    local = LOCAL
    local.x = 10
    total = 0
    for i in range(size):
        _ = local.x
        _ = local.x
        _ = local.x
        _ = local.x
        total += local.x
    return total


def check(size, result):
    assert result == 10 * size, "%d iterations gave %r, expected %d" % (
        size, result, 10 * size)
