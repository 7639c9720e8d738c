# -*- coding: utf-8 -*-
"""Scaling pattern: builtin methods of a list.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  One of
the scaling patterns modelled on CPython's Tools/ftscalingbench (the code is
gillab's own): a small loop that ought to scale with threads but can be
serialised by reference counts on the shared builtin method and type
objects.  Every thread works on its own data unless the description says the
object is shared; run(size) does `size` loop iterations and returns a number
that check() verifies exactly.
"""

try:
    range = xrange  # noqa: F821  (Python 2: no list of size ints)
except NameError:
    pass

GROUP = "scaling pattern"
ORIGIN = 'CPython Tools/ftscalingbench (object_cfunction)'
KIND = "cpu"
DESCRIPTION = ('list.pop(0), list.append and an index on a thread-private '
               '100-item list: calls of builtin methods of the shared list '
               'type')
PREDICTION = ('with a GIL (CPython, PyPy, GraalPy) N threads are no faster '
              'than 1; without one (Jython, a free-threaded CPython) they '
              'approach an N-fold speedup unless a lock or a shared count '
              'on the builtin method objects serialises them')
# ~35 ms on one thread for CPython 3.11 here.
DEFAULT_SIZE = 477000


LENGTH = 100
MIDDLE = 50


def run(size):
    table = [1] * LENGTH
    pop = table.pop
    append = table.append
    total = 0
    for i in range(size):
        pop(0)
        append(i)
        total += table[MIDDLE]
    return total


def check(size, result):
    # table[50] is the 1 it started with for the first LENGTH - MIDDLE - 1
    # iterations, then the i appended LENGTH - MIDDLE - 1 iterations before
    first = LENGTH - MIDDLE - 1
    if size <= first:
        want = size
    else:
        want = first + (size - first) * (size - first - 1) // 2
    assert result == want, "%d iterations gave %r, expected %d" % (
        size, result, want)
