# -*- coding: utf-8 -*-
"""Is memory given back as soon as a large object is dropped?

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.

Allocates OBJECTS bytearrays of OBJECT_BYTES each, one after another, each
filled (so its pages are really used) and dropped before the next.  With
reference counting each one is freed at once and the peak stays near one
object above the baseline ("flat"); a tracing collector may let several
pile up before it runs.  Memory is read as:
  "resource.getrusage+/proc/self/statm"  CPython, PyPy: peak = ru_maxrss
        (the process's high-water mark), current = resident set size
  "resource.getrusage"  GraalPy (embedded, no host access): its getrusage
        reports the JVM process's ru_maxrss, and /proc/self/statm reads
        empty there, so there is a peak but no current value
  "java.lang.Runtime"  Jython, GraalPy with host access: used heap
        (totalMemory - freeMemory), which includes garbage not yet
        collected; peak = the largest value sampled while each object
        was alive
  null  nothing readable (numbers are then null)
"""
import gc
import os
import sys

from gillab_common import collect_garbage  # noqa: E402  (python-scripts/, on sys.path via the driver)

GROUP = "behaviour probe"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("allocate and drop 20 x 10 MiB bytearrays in a loop; peak and "
               "current memory, and whether the peak stayed near one object")
PREDICTION = ("The article: CPython frees an object when its reference "
              "count drops to zero, so the peak stays about one object above "
              "the baseline (flat); implementations with a tracing GC "
              "(Jython, PyPy, GraalPy) reclaim memory only when the "
              "collector runs, so several dropped objects may be alive at "
              "the peak")
OBJECTS = 20
OBJECT_BYTES = 10 * 1024 * 1024
# flat: the peak grew by less than this many objects over the baseline
FLAT_OBJECTS = 2.5


def _java_runtime():
    """java.lang.Runtime, or None."""
    if sys.platform.startswith("java"):
        try:
            from java.lang import Runtime  # noqa
            return Runtime.getRuntime()
        except:  # noqa: E722
            return None
    try:
        import java  # noqa  (GraalPy with host access)
        return java.type("java.lang.Runtime").getRuntime()
    except:  # noqa: E722
        return None


def _page_size():
    try:
        return int(os.sysconf("SC_PAGE_SIZE"))
    except:  # noqa: E722
        return 4096


def _statm_rss():
    with open("/proc/self/statm") as handle:
        fields = handle.read().split()
    return int(fields[1]) * _page_size()


def _statm_reader():
    """current() from /proc/self/statm, or None (GraalPy reads it empty)."""
    try:
        if _statm_rss() > 0:
            return _statm_rss
    except:  # noqa: E722
        pass
    return None


def _reader():
    """(method, current(), peak() or None) or (None, None, None)."""
    runtime = _java_runtime()
    if runtime is not None:
        def used():
            return int(runtime.totalMemory() - runtime.freeMemory())
        try:
            used()
            return "java.lang.Runtime", used, None
        except:  # noqa: E722
            pass
    current = _statm_reader()
    try:
        import resource
        scale = 1 if sys.platform == "darwin" else 1024

        def maxrss():
            usage = resource.getrusage(resource.RUSAGE_SELF)
            return int(usage.ru_maxrss) * scale

        if maxrss() > 0:
            if current is not None:
                return "resource.getrusage+/proc/self/statm", current, maxrss
            return "resource.getrusage", None, maxrss
    except:  # noqa: E722
        pass
    if current is not None:
        return "/proc/self/statm", current, None
    return None, None, None


def probe():
    method, current, peak = _reader()
    result = {"method": method, "unit": "bytes", "objects": OBJECTS,
              "object_bytes": OBJECT_BYTES,
              "peak_kind": None if method is None else
              ("ru_maxrss" if peak is not None else "sampled")}
    one = bytearray(b"\x01")
    collect_garbage()
    baseline = current() if current else None
    baseline_peak = peak() if peak else baseline
    sampled = []
    for i in range(OBJECTS):
        big = one * OBJECT_BYTES   # filled: its pages are really touched
        big[-1] = i & 0xff
        if current:
            sampled.append(current())
        del big
    after_loop = current() if current else None
    peak_value = peak() if peak else (max(sampled) if sampled else None)
    collect_garbage()
    after_collect = current() if current else None
    result.update({
        "baseline_bytes": baseline,
        "baseline_peak_bytes": baseline_peak,
        "peak_bytes": peak_value,
        "peak_sampled_bytes": max(sampled) if sampled else None,
        "current_after_loop_bytes": after_loop,
        "current_after_collect_bytes": after_collect,
    })
    result["peak_growth_bytes"] = None
    result["peak_growth_objects"] = None
    result["flat"] = None
    result["retained_after_loop_objects"] = None
    result["retained_after_collect_objects"] = None
    if peak_value is not None and baseline_peak is not None:
        growth = peak_value - baseline_peak
        objects = float(growth) / OBJECT_BYTES
        result["peak_growth_bytes"] = growth
        result["peak_growth_objects"] = round(objects, 2)
        result["flat"] = objects < FLAT_OBJECTS
    if baseline is not None:
        # still held by the process (garbage not yet collected, or free
        # memory the allocator keeps for reuse) after the loop / a collect
        result["retained_after_loop_objects"] = round(
            float(after_loop - baseline) / OBJECT_BYTES, 2)
        result["retained_after_collect_objects"] = round(
            float(after_collect - baseline) / OBJECT_BYTES, 2)
    return result
