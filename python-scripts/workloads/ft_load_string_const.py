# -*- coding: utf-8 -*-
"""Scaling pattern: comparisons with a string constant.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared string constant.  Every thread
works on its own data unless the description says the object is shared;
run(size) does `size` loop iterations and returns a number that check()
verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'CPython Tools/ftscalingbench (load_string_const)'
KIND = "cpu"
DESCRIPTION = ("i == 'a string' in a loop: loading a str constant of shared "
               'code')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless the shared constant '
              'serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 718000


def run(size):
    total = 0
    for i in range(size):
        if i == 'a string':
            total += 7
        else:
            total += 1
    return total


def check(size, result):
    assert result == size, "%d iterations gave %r" % (size, result)
