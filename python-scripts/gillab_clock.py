# -*- coding: utf-8 -*-
"""The one clock for workloads and probes that time things themselves.

Runs on Python 2.7 and 3.6+.  time.perf_counter where it exists; on Jython
java.lang.System.nanoTime (time.time there has millisecond steps); else
timeit.default_timer (CPython 2.7).  The driver puts this folder on sys.path,
so a module says `from gillab_clock import clock`.
"""
import sys
import time


def _choose_clock():
    perf = getattr(time, "perf_counter", None)
    if perf is not None:
        return perf
    if sys.platform.startswith("java"):
        try:
            from java.lang import System  # noqa
            nano = System.nanoTime
            return lambda: nano() / 1e9
        except:  # noqa: E722  (Java exceptions on Jython)
            pass
    import timeit
    return timeit.default_timer


clock = _choose_clock()
