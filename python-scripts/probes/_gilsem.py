# -*- coding: utf-8 -*-
"""Shared machinery of the GIL-semantics probes (gil_*.py).

A helper module (its name starts with "_"): never listed as a probe.  Runs
on Python 2.7 and 3.6+.

Each probe asks whether a compound operation done by one thread can be seen
half-done by another.  part() runs one such question for at most
PART_SECONDS: the mutator threads loop until told to stop; the observing
function is called over and over (each call is one "attempt") until it
reports a violation or the time is up.  A violation ends the part early;
no violation within the bound is an answer too.  probe_parts() runs the
question twice: with the runtime's default thread switching, and with it
lowered (sys.setswitchinterval(1e-6), or sys.setcheckinterval(1) on 2.7),
restored afterwards.

A part's answer:
  {"violated": bool, "attempts_to_first": int or None, "attempts": int,
   "complete": bool, "seconds": float, "exceptions": {type name: count}}
"complete" is true when the part ran as designed: it observed until a
violation or its whole bound, every thread it started ended, and no thread
raised an unexpected exception.

The threads are stopped with a lock, not a plain flag: a JIT may hoist the
read of a flag out of a compiled loop (that is what gil_spin_flag asks).
"""
import json
import sys
import threading

from gillab_common import clock

PART_SECONDS = 0.5
LOWERED_INTERVAL = 1e-6
JOIN_SECONDS = 2.0


def type_name(exc_info):
    etype = exc_info[0]
    return getattr(etype, "__name__", None) or str(etype)


class Stop(object):
    """A stop signal no compiler may cache: trying a lock synchronises."""

    def __init__(self):
        self._lock = threading.Lock()
        self._lock.acquire()

    def set(self):
        self._lock.release()

    def is_set(self):
        if self._lock.acquire(False):
            self._lock.release()
            return True
        return False


def lower_switching():
    """Lower the switch interval; returns (description or None, restore())."""
    setter = getattr(sys, "setswitchinterval", None)
    getter = getattr(sys, "getswitchinterval", None)
    if setter is not None and getter is not None:
        try:
            old = getter()
            setter(LOWERED_INTERVAL)
        except:  # noqa: E722
            return None, lambda: None
        return ("setswitchinterval(%g)" % LOWERED_INTERVAL,
                lambda: setter(old))
    setter = getattr(sys, "setcheckinterval", None)
    getter = getattr(sys, "getcheckinterval", None)
    if setter is not None and getter is not None:
        try:
            old = getter()
            setter(1)
        except:  # noqa: E722
            return None, lambda: None
        return "setcheckinterval(1)", lambda: setter(old)
    return None, lambda: None


def switch_setting():
    for name in ("getswitchinterval", "getcheckinterval"):
        getter = getattr(sys, name, None)
        if getter is not None:
            try:
                return name, getter()
            except:  # noqa: E722
                pass
    return None, None


def part(make_state, mutators, observe, seconds=PART_SECONDS):
    """One bounded part.

    make_state() -> state; each of mutators is called as f(state, stop) on
    its own thread and loops until stop.is_set() (checking it at least every
    few hundred operations); observe(state) -> True on a violation, called
    on this thread until one is seen or `seconds` have passed.  Returns the
    part's answer (see the module docstring)."""
    state = make_state()
    stop = Stop()
    errors = {}
    lock = threading.Lock()
    started = threading.Semaphore(0)

    def body(fn):
        started.release()
        try:
            fn(state, stop)
        except:  # noqa: E722
            name = type_name(sys.exc_info())
            with lock:
                errors[name] = errors.get(name, 0) + 1

    threads = [threading.Thread(target=body, args=(fn,),
                                name="gillab-gilsem-%d" % i)
               for i, fn in enumerate(mutators)]
    for t in threads:
        t.daemon = True
        t.start()
    for t in threads:
        started.acquire()
    attempts = 0
    first = None
    t0 = clock()
    deadline = t0 + seconds
    try:
        while True:
            attempts += 1
            try:
                bad = observe(state)
            except:  # noqa: E722
                name = "observer:" + type_name(sys.exc_info())
                errors[name] = errors.get(name, 0) + 1
                break
            if bad:
                first = attempts
                break
            if attempts & 255 == 0 and clock() > deadline:
                break
    finally:
        elapsed = clock() - t0
        stop.set()
        for t in threads:
            t.join(JOIN_SECONDS)
    ended = not any(t.is_alive() for t in threads)
    return {"violated": first is not None, "attempts_to_first": first,
            "attempts": attempts, "complete": ended and not errors,
            "seconds": round(elapsed, 4), "exceptions": errors}


def print_answer(answer):
    """A probe run directly (`python3 gil_x.py`, without gillab): its answer
    as one line of JSON on stdout, the same answer gillab records."""
    sys.stdout.write(json.dumps(answer, sort_keys=True) + "\n")
    sys.stdout.flush()


def probe_parts(run_part):
    """run_part() once with the default switching ("default") and once
    lowered ("lowered"; None where it cannot be lowered)."""
    setting_name, setting = switch_setting()
    result = {"switch_setting": setting_name, "switch_value": setting,
              "part_seconds": PART_SECONDS}
    result["default"] = run_part()
    lowered_with, restore = lower_switching()
    result["lowered_with"] = lowered_with
    try:
        result["lowered"] = run_part() if lowered_with is not None else None
    finally:
        restore()
    result["switch_value_restored"] = switch_setting()[1]
    return result
