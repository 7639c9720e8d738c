# -*- coding: utf-8 -*-
"""Scaling pattern: special-method lookups on a shared object.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared instance and its class's slots.
Every thread works on its own data unless the description says the object is
shared; run(size) does `size` loop iterations and returns a number that
check() verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'gillab, after CPython Tools/ftscalingbench (object_lookup_special)'
KIND = "cpu"
DESCRIPTION = ('len(obj) and obj[i] on one object shared by every thread: '
               '__len__/__getitem__ looked up on its class')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless the shared instance or its'
              ' class serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 262000


class Table(object):
    def __init__(self, n):
        self.items = list(range(n))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]


SHARED = Table(8)


def run(size):
    table = SHARED
    total = 0
    for i in range(size):
        total += len(table) + table[i & 7]
    return total


def check(size, result):
    full, rest = divmod(size, 8)
    want = 8 * size + 28 * full + rest * (rest - 1) // 2
    assert result == want, "%d iterations gave %r, expected %d" % (
        size, result, want)
