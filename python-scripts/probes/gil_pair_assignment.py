# -*- coding: utf-8 -*-
"""GIL semantics: is a tuple assignment `o.x, o.y = n, n` seen half-done?

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract and
_gilsem.py for how a part runs and what it answers.  One thread sets both
attributes of a shared object to n = 1, 2, 3, ... in one tuple assignment
(targets are stored left to right: x, then y); the probe's thread reads x
and then y.  Every completed assignment leaves x == y, and x only grows, so
y < x (read in that order) means the probe saw a moment when x was stored
and y not yet: a violation.
"""
import _gilsem

GROUP = "GIL semantics"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("one thread sets two attributes in one tuple assignment "
               "(`o.x, o.y = n, n`); another checks it never sees x set "
               "and y not yet")
PREDICTION = ("The assignment is two stores with no call or backward jump "
              "between them: a GIL (CPython 3.10+) does not switch there, so "
              "it looks atomic; without a GIL (Jython) the half-done "
              "assignment is seen")


class Pair(object):
    def __init__(self):
        self.x = 0
        self.y = 0


def _state():
    return Pair()


def _mutate(pair, stop):
    n = 0
    while True:
        n += 1
        pair.x, pair.y = n, n
        if n & 255 == 0 and stop.is_set():
            return


def _half_done(pair):
    x = pair.x
    y = pair.y
    return y < x


def probe():
    return _gilsem.probe_parts(
        lambda: _gilsem.part(_state, [_mutate], _half_done))


if __name__ == "__main__":  # run directly: PYTHONPATH=python-scripts python3 probes/gil_pair_assignment.py
    _gilsem.print_answer(probe())
