# -*- coding: utf-8 -*-
"""GIL semantics: does a thread spinning on a plain flag see it cleared?

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract.  Three
daemon threads spin, each on one kind of plain flag, in a loop without
calls: `while box.flag: n += 1` (an attribute), `while FLAG: ...` (a module
global) and `while state["flag"]: ...` (a dict item).  After WARM_SECONDS
(time for a JIT to compile the loops; shorter in the second part, which
runs the same functions again) the probe's thread clears all three
and waits at most BOUND_SECONDS for the spinners to end.  A JIT that hoists
the flag's read out of the compiled loop never sees the change: that
spinner does not stop (a violation).  The probe then tries to end it by
deleting the flag (the spinner ends on the AttributeError, NameError or
KeyError if it reads again: deleting may throw the compiled loop away) and
waits ESCAPE_SECONDS more.  A spinner that still runs is a daemon thread
and ends with the process.

Run with the default switching and with it lowered, as the other gil_*
probes (see _gilsem.py); each part:
  {"violated": any spinner did not stop, "attempts_to_first": 1 or None,
   "attempts": 3 (spinners), "complete": every spinner ended,
   "stopped": {"attribute", "global", "dict_item": bool},
   "stop_seconds": {...: seconds from clearing to the spinner's end, or
   None}, "escaped": {...: None (it stopped), or whether deleting the flag
   ended it}, "bound_seconds"}
"""
import threading
import time

import _gilsem
from gillab_common import clock

GROUP = "GIL semantics"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("threads spin on a plain flag (an attribute, a global, a dict "
               "item) that another thread clears: does each spin stop, or "
               "has a JIT hoisted the read out of the loop?")
PREDICTION = ("Interpreters re-read the flag every time, so a spin stops "
              "within a switch interval; a JIT may hoist a plain read out of "
              "a loop without calls (GraalPy reportedly does), and then the "
              "spin never stops")
# The first part spins longer: time for a JIT to compile the loops (its
# threads share the cores with the spinners); the second calls the same,
# by then compiled, functions again.
WARM_SECONDS = (1.5, 0.5)
BOUND_SECONDS = 0.5
ESCAPE_SECONDS = 0.2
KINDS = ("attribute", "global", "dict_item")

FLAG = True


class Box(object):
    def __init__(self):
        self.flag = True


def _spin_attribute(box, state, ended):
    n = 0
    try:
        while box.flag:
            n += 1
    except AttributeError:
        pass
    ended["attribute"] = clock()


def _spin_global(box, state, ended):
    n = 0
    try:
        while FLAG:
            n += 1
    except NameError:
        pass
    ended["global"] = clock()


def _spin_dict_item(box, state, ended):
    n = 0
    try:
        while state["flag"]:
            n += 1
    except KeyError:
        pass
    ended["dict_item"] = clock()


def _part(warm):
    global FLAG
    FLAG = True
    box = Box()
    state = {"flag": True}
    ended = {}
    spinners = {}
    for kind, fn in zip(KINDS, (_spin_attribute, _spin_global,
                                _spin_dict_item)):
        t = threading.Thread(target=fn, args=(box, state, ended),
                             name="gillab-spin-" + kind)
        t.daemon = True
        spinners[kind] = t
    for t in spinners.values():
        t.start()
    time.sleep(warm)
    box.flag = False
    FLAG = False
    state["flag"] = False
    t0 = clock()
    deadline = t0 + BOUND_SECONDS
    for t in spinners.values():
        t.join(max(0.0, deadline - clock()))
    stopped = dict((k, not spinners[k].is_alive()) for k in KINDS)
    stop_seconds = dict((k, round(ended[k] - t0, 4) if stopped[k] and
                         k in ended else None) for k in KINDS)
    escaped = dict((k, None) for k in KINDS)
    if not all(stopped.values()):
        # try to end the spinners that did not stop
        try:
            del box.flag
        except AttributeError:
            pass
        try:
            del FLAG
        except NameError:
            pass
        state.pop("flag", None)
        deadline = clock() + ESCAPE_SECONDS
        for k in KINDS:
            if not stopped[k]:
                spinners[k].join(max(0.0, deadline - clock()))
                escaped[k] = not spinners[k].is_alive()
        FLAG = True  # the module global again (for the next part)
    violated = not all(stopped.values())
    return {"violated": violated,
            "attempts_to_first": 1 if violated else None,
            "attempts": len(KINDS),
            "complete": not any(t.is_alive() for t in spinners.values()),
            "stopped": stopped, "stop_seconds": stop_seconds,
            "escaped": escaped, "warm_seconds": warm,
            "bound_seconds": BOUND_SECONDS}


def probe():
    warms = list(WARM_SECONDS)
    return _gilsem.probe_parts(lambda: _part(warms.pop(0)))


if __name__ == "__main__":  # run directly: PYTHONPATH=python-scripts python3 probes/gil_spin_flag.py
    _gilsem.print_answer(probe())
