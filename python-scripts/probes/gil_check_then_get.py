# -*- coding: utf-8 -*-
"""GIL semantics: "if key in d: d.get(key)" while another thread deletes it.

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract and
_gilsem.py for how a part runs and what it answers.  One thread sets a key
of a shared dict and deletes it, over and over; the probe's thread does
`if KEY in d: value = d.get(KEY)`: a None value is a violation (the key was
there at the check and gone at the use: look-before-you-leap is not atomic).
"""
import _gilsem

GROUP = "GIL semantics"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("one thread sets and deletes a dict key; another does "
               "`if key in d: d.get(key)` and checks the value is there")
PREDICTION = ("A check and a use are two operations: a switch can fall between "
              "them (at the call of d.get), on any runtime, at least with a "
              "lowered switch interval; without a GIL (Jython) at once")
KEY = "key"


def _state():
    return {}


def _mutate(shared, stop):
    n = 0
    while True:
        shared[KEY] = 1
        del shared[KEY]
        n += 1
        if n & 255 == 0 and stop.is_set():
            return


def _gone(shared):
    if KEY in shared:
        return shared.get(KEY) is None
    return False


def probe():
    return _gilsem.probe_parts(
        lambda: _gilsem.part(_state, [_mutate], _gone))


if __name__ == "__main__":  # run directly: PYTHONPATH=python-scripts python3 probes/gil_check_then_get.py
    _gilsem.print_answer(probe())
