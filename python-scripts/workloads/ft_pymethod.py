# -*- coding: utf-8 -*-
"""Scaling pattern: Python method calls.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared class and its function objects.
Every thread works on its own data unless the description says the object is
shared; run(size) does `size` loop iterations and returns a number that
check() verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'CPython Tools/ftscalingbench (pymethod)'
KIND = "cpu"
DESCRIPTION = ('c.next_number() on a thread-private instance: Python method '
               'calls through one shared class')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless the shared class or its '
              "method's function object serialises them")
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 569000


class Counter(object):
    def __init__(self):
        self.i = 0

    def next_number(self):
        self.i += 1
        return self.i


def run(size):
    c = Counter()
    for n in range(size):
        c.next_number()
    return c.i


def check(size, result):
    assert result == size, "%d calls counted %r" % (size, result)
