# -*- coding: utf-8 -*-
"""GIL semantics: is "append two, pop two" seen half-done?

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract and
_gilsem.py for how a part runs and what it answers.  One thread appends two
items to a shared list and pops two, over and over; the probe's thread reads
len(list): an odd length is a violation (the pair of appends, or of pops,
was seen half-done).
"""
import _gilsem

GROUP = "GIL semantics"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("one thread appends two items to a shared list and pops two; "
               "another checks that len(list) is always even")
PREDICTION = ("Two appends are two operations: a switch between them shows an "
              "odd length. A GIL switches only between bytecodes (CPython "
              "3.10+ only at calls and backward jumps), so it is seen rarely "
              "or only with a lowered switch interval; without a GIL (Jython) "
              "at once")


def _state():
    return []


def _mutate(shared, stop):
    append = shared.append
    pop = shared.pop
    n = 0
    while True:
        append(1)
        append(2)
        pop()
        pop()
        n += 1
        if n & 255 == 0 and stop.is_set():
            return


def _odd(shared):
    return len(shared) % 2 == 1


def probe():
    return _gilsem.probe_parts(
        lambda: _gilsem.part(_state, [_mutate], _odd))


if __name__ == "__main__":  # run directly: PYTHONPATH=python-scripts python3 probes/gil_even_length.py
    _gilsem.print_answer(probe())
