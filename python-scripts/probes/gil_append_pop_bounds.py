# -*- coding: utf-8 -*-
"""GIL semantics: does a list's length stay within what was added?

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract and
_gilsem.py for how a part runs and what it answers.  One thread appends to
a shared list (counting each item before it appends it, and keeping the
list under CAP items), another pops from it; the probe's thread reads
len(l) and then the count: a length below 0 or above the count of items
added is a violation (a corrupted list).
"""
import _gilsem

GROUP = "GIL semantics"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("one thread appends, another pops, a third checks that "
               "len(list) is never negative nor above the items added")
PREDICTION = ("list.append and list.pop are each atomic (under a GIL, or by a "
              "lock in the list on the JVM), so the length always stays "
              "within bounds: no violation anywhere")
CAP = 1000


def _state():
    return {"list": [], "added": [0]}


def _append(state, stop):
    shared = state["list"]
    added = state["added"]
    n = 0
    while True:
        if len(shared) < CAP:
            added[0] += 1
            shared.append(n)
        n += 1
        if n & 255 == 0 and stop.is_set():
            return


def _pop(state, stop):
    shared = state["list"]
    n = 0
    while True:
        try:
            shared.pop()
        except IndexError:
            pass
        n += 1
        if n & 255 == 0 and stop.is_set():
            return


def _out_of_bounds(state):
    n = len(state["list"])
    added = state["added"][0]
    return n < 0 or n > added


def probe():
    return _gilsem.probe_parts(
        lambda: _gilsem.part(_state, [_append, _pop], _out_of_bounds))


if __name__ == "__main__":  # run directly: PYTHONPATH=python-scripts python3 probes/gil_append_pop_bounds.py
    _gilsem.print_answer(probe())
