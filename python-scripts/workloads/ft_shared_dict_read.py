# -*- coding: utf-8 -*-
"""Scaling pattern: reading a shared dict.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared dict's keys and values.  Every
thread works on its own data unless the description says the object is
shared; run(size) does `size` loop iterations and returns a number that
check() verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'gillab, after CPython Tools/ftscalingbench'
KIND = "cpu"
DESCRIPTION = ('shared[key] for 8 str keys in a loop: every thread looks up '
               'one shared dict')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless reference counting on the '
              'shared keys and values serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 639000


KEYS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
SHARED = dict((k, n + 1) for n, k in enumerate(KEYS))


def run(size):
    shared = SHARED
    keys = KEYS
    total = 0
    for i in range(size):
        total += shared[keys[i & 7]]
    return total


def check(size, result):
    full, rest = divmod(size, 8)
    want = 36 * full + rest * (rest + 1) // 2
    assert result == want, "%d reads gave %r, expected %d" % (
        size, result, want)
