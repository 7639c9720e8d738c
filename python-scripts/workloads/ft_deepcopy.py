# -*- coding: utf-8 -*-
"""Scaling pattern: deep copies of a shared structure.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared structure and the copy module's
dispatch tables.  Every thread works on its own data unless the description
says the object is shared; run(size) does `size` loop iterations and returns
a number that check() verifies exactly.
"""

import copy

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'gillab, after CPython Tools/ftscalingbench (deepcopy)'
KIND = "cpu"
DESCRIPTION = ('copy.deepcopy of one shared small nested dict/list per '
               "iteration: the copy module's shared dispatch tables and memo")
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              "approach an N-fold speedup unless the copy module's shared "
              'dispatch dicts or the shared source serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 4500


SHARED = {"name": "point", "xs": [1, 2, 3], "pair": (4, [5, 6]),
          "nested": {"a": [7], "b": 8}}


def run(size):
    total = 0
    for i in range(size):
        c = copy.deepcopy(SHARED)
        total += c["xs"][2] + c["pair"][1][1] + c["nested"]["b"]
    return total


def check(size, result):
    assert result == 17 * size, "%d copies gave %r, expected %d" % (
        size, result, 17 * size)
