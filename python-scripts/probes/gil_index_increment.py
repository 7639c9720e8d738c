# -*- coding: utf-8 -*-
"""GIL semantics: are increments of different list items lost while the
list grows and shrinks?

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract and
_gilsem.py for how a part runs and what it answers.  Two threads each
increment their own item of a shared list (`l[0] += 1` and `l[1] += 1`;
no item has two writers) while a third appends to the end and a fourth pops
from the end (never below 2 items).  Each incrementing thread reads its item
back after every increment: a value other than its own count is a lost (or
doubled) increment.  The probe's thread is the l[0] incrementer; an attempt
is one of its increments.
"""
import _gilsem

GROUP = "GIL semantics"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("two threads increment different items of a shared list while "
               "others append and pop: is an increment ever lost?")
PREDICTION = ("No item has two writers, so nothing is lost unless a resize "
              "moves the items between an increment's read and its write; "
              "a GIL and a locked list on the JVM both prevent that")
CAP = 1000


def _state():
    return {"list": [0, 0], "lost": [0], "count0": [0]}


def _increment_1(state, stop):
    shared = state["list"]
    done = 0
    while True:
        shared[1] += 1
        done += 1
        if shared[1] != done:
            state["lost"][0] += 1
            return
        if done & 255 == 0 and stop.is_set():
            return


def _append(state, stop):
    shared = state["list"]
    n = 0
    while True:
        if len(shared) < CAP:
            shared.append(n)
        n += 1
        if n & 255 == 0 and stop.is_set():
            return


def _pop(state, stop):
    shared = state["list"]
    n = 0
    while True:
        if len(shared) > 2:  # only this thread shrinks the list
            shared.pop()
        n += 1
        if n & 255 == 0 and stop.is_set():
            return


def _increment_0(state):
    shared = state["list"]
    shared[0] += 1
    count = state["count0"]
    count[0] += 1
    return shared[0] != count[0] or state["lost"][0] != 0


def probe():
    return _gilsem.probe_parts(
        lambda: _gilsem.part(_state, [_increment_1, _append, _pop],
                             _increment_0))


if __name__ == "__main__":  # run directly: PYTHONPATH=python-scripts python3 probes/gil_index_increment.py
    _gilsem.print_answer(probe())
