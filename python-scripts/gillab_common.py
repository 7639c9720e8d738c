# -*- coding: utf-8 -*-
"""Helpers shared by the driver, workloads and probes.

Runs on Python 2.7 and 3.6+.  The driver puts this folder on sys.path, so a
module says e.g. `from gillab_common import clock`.
"""
import gc
import sys
import time


def _choose_clock():
    """time.perf_counter where it exists; on Jython java.lang.System.nanoTime
    (time.time there has millisecond steps); else timeit.default_timer
    (CPython 2.7)."""
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


def gil_state(impl, name):
    """(gil on?, how we know): sys._is_gil_enabled() where it exists, else
    what the implementation is known to do; (None, None) when unknown.
    impl is platform.python_implementation(), name sys.implementation.name."""
    probe = getattr(sys, "_is_gil_enabled", None)
    if probe is not None:
        try:
            return bool(probe()), "sys._is_gil_enabled"
        except:  # noqa: E722
            pass
    key = (name or "").lower()
    if key in ("jython", "ironpython") or impl in ("Jython", "IronPython"):
        return False, "implementation"
    if key in ("cpython", "pypy", "graalpy", "graalpython") or \
            impl in ("CPython", "PyPy", "GraalVM", "GraalPy"):
        return True, "implementation"
    return None, None


def recv_exactly(sock, n):
    """n bytes from a socket, or fewer if the peer closed it."""
    chunks = []
    got = 0
    while got < n:
        chunk = sock.recv(n - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def start_background(thread):
    """Start a helper thread as a daemon where that is allowed.  CPython's
    isolated subinterpreters (driver --mode interpreters) refuse daemon
    threads: there it runs as an ordinary thread, so it must end by itself."""
    try:
        thread.daemon = True
    except RuntimeError:
        pass
    thread.start()
    return thread


def collect_garbage():
    """gc.collect(), where a runtime may refuse it (Java exceptions)."""
    try:
        gc.collect()
    except:  # noqa: E722
        pass
