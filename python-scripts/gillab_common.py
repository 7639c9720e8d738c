# -*- coding: utf-8 -*-
"""Helpers for workloads and probes.

Runs on Python 2.7 and 3.6+.  The driver puts this folder on sys.path, so a
module says e.g. `from gillab_common import clock`.
"""
import gc

# The driver's clock (time.perf_counter, System.nanoTime on Jython, ...) and
# its GIL detection, for workloads and probes that report either.
from gillab_protocol import CLOCK as clock, gil_state

__all__ = ["clock", "gil_state", "recv_exactly", "start_background",
           "collect_garbage"]


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
