# -*- coding: utf-8 -*-
"""I/O-bound: threads reading files from a temporary directory.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.  The files
are written once per process (lazily, under a lock) into a fresh temporary
directory that is removed at exit.
"""
import atexit
import io
import os
import shutil
import tempfile
import threading

GROUP = "benchmark"
ORIGIN = "gillab"
KIND = "io"
DESCRIPTION = ("size reads of a whole 1 MiB file (8 files in a temporary "
               "directory, open + readinto + close each, into one buffer per "
               "call)")
PREDICTION = ("I/O-bound: read() releases the GIL while the kernel copies "
              "the data, so reading threads overlap on every implementation "
              "(from the page cache this is memory bandwidth, not waiting: "
              "expect a speedup below N)")
# ~30 ms on one thread for CPython 3.11 here (~0.07 ms per 1 MiB read).
DEFAULT_SIZE = 450
FILES = 8
FILE_BYTES = 1 << 20

_lock = threading.Lock()
_state = {"dir": None, "paths": None}


def _fill(k):
    """File k's first and last byte is k + 1; the rest is a pattern."""
    pattern = bytearray(range(256)) * (FILE_BYTES // 256)
    pattern[0] = k + 1
    pattern[-1] = k + 1
    return bytes(pattern)


def _cleanup():
    d = _state.get("dir")
    if d:
        _state["dir"] = None
        shutil.rmtree(d, True)


def _paths():
    with _lock:
        if _state["paths"] is None:
            d = tempfile.mkdtemp(prefix="gillab-file_read-")
            _state["dir"] = d
            atexit.register(_cleanup)
            paths = []
            for k in range(FILES):
                path = os.path.join(d, "data-%d.bin" % k)
                with open(path, "wb") as handle:
                    handle.write(_fill(k))
                paths.append(path)
            _state["paths"] = paths
        return _state["paths"]


def _read_into(path, buf):
    """Reads the whole file at path into buf; returns the byte count."""
    with io.open(path, "rb", buffering=0) as handle:
        got = handle.readinto(buf) or 0
        while 0 < got < len(buf):  # a short read: rare for a regular file
            n = handle.readinto(memoryview(buf)[got:])
            if not n:
                break
            got += n
    return got


def run(size):
    """Reads files 0, 1, ... (wrapping); returns (bytes read, marker sum).

    Each read goes into the same preallocated buffer, so a sample makes no
    1 MiB garbage per read: PyPy's collector let such garbage grow past a
    2 GiB container (exit 137) before it collected, which measured its
    memory policy rather than reading."""
    paths = _paths()
    buf = bytearray(FILE_BYTES)
    total = 0
    markers = 0
    for r in range(size):
        buf[0] = 0
        buf[-1] = 0
        got = _read_into(paths[r % FILES], buf)
        total += got
        if got == FILE_BYTES and buf[0] == buf[-1]:
            markers += buf[0]
    return total, markers


def check(size, result):
    total, markers = result
    assert total == size * FILE_BYTES, \
        "%d reads returned %r bytes, expected %d" % (
            size, total, size * FILE_BYTES)
    want = sum((r % FILES) + 1 for r in range(size))
    assert markers == want, \
        "%d reads: marker bytes sum to %r, expected %d (wrong or torn file)" \
        % (size, markers, want)
