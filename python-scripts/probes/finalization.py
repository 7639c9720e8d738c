# -*- coding: utf-8 -*-
"""When does an object's finalizer run?  __del__, weakref callbacks, cycles.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.

Four objects are dropped (with the cyclic GC paused, so nothing runs early
by accident):
  del               an object with __del__, `del x` of its only reference
  weakref_callback  a plain object with a weakref.ref callback, `del y`
  cycle_with_del    two objects with __del__ referring to each other
  cycle_weakref_callback   a plain two-object cycle with a weakref callback
Each is then classified by when its finalizer had run:
  "immediate"      right after `del` (reference counting)
  "after_collect"  after one gc.collect()
  "after_wait"     after polling gc.collect() + sleep for up to WAIT_SECONDS
  "never"          not within that wait
plus booleans for the first ("del_immediate", "del_after_collect",
"del_within_wait": cumulative - true once it has run), the time from the
drop to the first look at which it had run ("..._seconds", null if never),
and for CPython 2.7 whether the cycle went to gc.garbage instead (its
objects are freed by hand afterwards).
"""
import gc
import sys
import threading
import time
import weakref

GROUP = "behaviour probe"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("when __del__ and weakref callbacks run: at `del`, after "
               "gc.collect(), after a bounded wait, or never; also for "
               "reference cycles")
PREDICTION = ("The article: CPython frees an object as soon as its "
              "reference count drops to zero, so __del__ runs at `del`; "
              "tracing collectors (Jython, PyPy, GraalPy) run finalizers "
              "only after a collection, if at all. By hand here: Jython "
              "after gc.collect(), GraalPy never (its weakref callbacks do "
              "fire after gc); cycles need the cycle collector everywhere, "
              "and CPython 2.7 never finalizes a cycle with __del__ "
              "(gc.garbage)")
WAIT_SECONDS = 1.0
POLL_SECONDS = 0.02

CASES = ("del", "weakref_callback", "cycle_with_del", "cycle_weakref_callback")


from gillab_common import clock, collect_garbage  # noqa: E402  (python-scripts/, on sys.path via the driver)


class Finalizable(object):
    def __init__(self, fired, tag):
        self.fired = fired
        self.tag = tag
        self.other = None

    def __del__(self):
        self.fired.add(self.tag)


class Plain(object):
    pass


class _Fired(object):
    """A thread-safe set of tags (finalizers may run on other threads)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.tags = set()

    def add(self, tag):
        with self.lock:
            self.tags.add(tag)

    def __contains__(self, tag):
        with self.lock:
            return tag in self.tags


def _gc_pause():
    try:
        was = gc.isenabled()
        gc.disable()
        return was
    except:  # noqa: E722  (Jython: may not be supported)
        return None


def _gc_resume(was):
    if was:
        try:
            gc.enable()
        except:  # noqa: E722
            pass


def probe():
    fired = _Fired()

    def callback(tag):
        return lambda ref: fired.add(tag)

    def has_run(case):
        if case == "del":
            return "del" in fired
        if case == "weakref_callback":
            return "weakref" in fired
        if case == "cycle_with_del":
            return "cycle_a" in fired and "cycle_b" in fired
        return "cycle_weakref" in fired

    status = {}
    dropped_at = {}
    fired_at = {}
    was_enabled = _gc_pause()
    garbage_before = len(getattr(gc, "garbage", []))
    try:
        # 1. an object with __del__
        x = Finalizable(fired, "del")
        dropped_at["del"] = clock()
        del x
        if has_run("del"):
            status["del"] = "immediate"
            fired_at["del"] = clock()
        # 2. a weakref callback
        y = Plain()
        ref_y = weakref.ref(y, callback("weakref"))
        dropped_at["weakref_callback"] = clock()
        del y
        if has_run("weakref_callback"):
            status["weakref_callback"] = "immediate"
            fired_at["weakref_callback"] = clock()
        # 3. a cycle of objects with __del__
        a = Finalizable(fired, "cycle_a")
        b = Finalizable(fired, "cycle_b")
        a.other = b
        b.other = a
        dropped_at["cycle_with_del"] = clock()
        del a, b
        if has_run("cycle_with_del"):
            status["cycle_with_del"] = "immediate"
            fired_at["cycle_with_del"] = clock()
        # 4. a plain cycle with a weakref callback
        c = Plain()
        d = Plain()
        c.other = d
        d.other = c
        ref_c = weakref.ref(c, callback("cycle_weakref"))
        dropped_at["cycle_weakref_callback"] = clock()
        del c, d
        if has_run("cycle_weakref_callback"):
            status["cycle_weakref_callback"] = "immediate"
            fired_at["cycle_weakref_callback"] = clock()
    finally:
        _gc_resume(was_enabled)

    collect_garbage()
    now = clock()
    for case in CASES:
        if case not in status and has_run(case):
            status[case] = "after_collect"
            fired_at[case] = now
    deadline = clock() + WAIT_SECONDS
    while len(status) < len(CASES) and clock() < deadline:
        collect_garbage()
        time.sleep(POLL_SECONDS)
        now = clock()
        for case in CASES:
            if case not in status and has_run(case):
                status[case] = "after_wait"
                fired_at[case] = now
    for case in CASES:
        status.setdefault(case, "never")

    # CPython 2.7 puts cycles with __del__ into gc.garbage: free them
    garbage = getattr(gc, "garbage", [])
    in_garbage = [o for o in garbage[garbage_before:]
                  if isinstance(o, Finalizable)]
    for o in in_garbage:
        o.other = None
        try:
            garbage.remove(o)
        except ValueError:
            pass
    went_to_garbage = len(in_garbage) > 0
    del in_garbage[:]
    del ref_y, ref_c

    order = ("immediate", "after_collect", "after_wait")
    result = {
        "del_immediate": status["del"] == "immediate",
        "del_after_collect": status["del"] in order[:2],
        "del_within_wait": status["del"] in order,
        "wait_seconds": WAIT_SECONDS,
        "gc_was_enabled": was_enabled,
        "cycle_in_gc_garbage": went_to_garbage,
    }
    for case in CASES:
        result[case] = status[case]
        if case in fired_at:
            result[case + "_seconds"] = fired_at[case] - dropped_at[case]
        else:
            result[case + "_seconds"] = None
    return result
