# -*- coding: utf-8 -*-
"""Facts about the running implementation, for the report's side notes.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.

Keys: implementation, implementation_name, version, switchinterval and
checkinterval (null where absent), gil and gil_source (as the driver's meta
record decides them), recursion_limit, maxsize, maxsize_is_2_31_minus_1 /
maxsize_is_2_63_minus_1, thread_stack_size, imports (for each of
multiprocessing, ctypes, _interpreters, concurrent.interpreters,
_xxsubinterpreters: {"ok": bool, "exception": type name or null}),
id_diffs_alive (id() differences of consecutive fresh objects kept alive)
and id_diffs_dropped (of fresh objects dropped at once: 0 where memory is
reused immediately), id_reused_immediately.
"""
import platform
import sys
import threading

from gillab_common import gil_state  # noqa: E402  (python-scripts/, on sys.path via the driver)

GROUP = "behaviour probe"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("switch/check interval, GIL state, recursion limit, "
               "sys.maxsize, which concurrency modules import, id() of "
               "fresh objects")
PREDICTION = ("CPython: switch interval 5 ms, GIL on, multiprocessing and "
              "ctypes import (3.13+/3.14: _interpreters / "
              "concurrent.interpreters), id() is the address so a dropped "
              "object's id is reused at once. By hand here: GraalPy's "
              "switch interval reads 5e-09, Jython has no switch interval "
              "(check interval 100) and no multiprocessing; sys.maxsize is "
              "2**31-1 on Jython and GraalPy")
MODULES = ("multiprocessing", "ctypes", "_interpreters",
           "concurrent.interpreters", "_xxsubinterpreters")
ID_OBJECTS = 6


def _call(name):
    fn = getattr(sys, name, None)
    if fn is None:
        return None
    try:
        return fn()
    except:  # noqa: E722
        return None



def _try_import(name):
    try:
        __import__(name)
        return {"ok": True, "exception": None}
    except:  # noqa: E722  (Java exceptions on Jython)
        etype = sys.exc_info()[0]
        return {"ok": False,
                "exception": getattr(etype, "__name__", None) or str(etype)}


def _diffs(ids):
    return [int(ids[i + 1] - ids[i]) for i in range(len(ids) - 1)]


def probe():
    impl = platform.python_implementation()
    name = getattr(getattr(sys, "implementation", None), "name", "") or ""
    gil, gil_source = gil_state(impl, name)
    try:
        stack_size = threading.stack_size()
    except:  # noqa: E722
        stack_size = None
    alive = [object() for _ in range(ID_OBJECTS)]
    ids_alive = [id(o) for o in alive]
    ids_dropped = [id(object()) for _ in range(ID_OBJECTS)]
    maxsize = int(sys.maxsize)
    result = {
        "implementation": impl,
        "implementation_name": str(getattr(getattr(sys, "implementation",
                                                   None), "name", "") or
                                   impl.lower()),
        "version": platform.python_version(),
        "switchinterval": _call("getswitchinterval"),
        "checkinterval": _call("getcheckinterval"),
        "gil": gil,
        "gil_source": gil_source,
        "has_is_gil_enabled": hasattr(sys, "_is_gil_enabled"),
        "recursion_limit": _call("getrecursionlimit"),
        "maxsize": maxsize,
        "maxsize_is_2_31_minus_1": maxsize == 2 ** 31 - 1,
        "maxsize_is_2_63_minus_1": maxsize == 2 ** 63 - 1,
        "thread_stack_size": stack_size,
        "imports": dict((name, _try_import(name)) for name in MODULES),
        "id_diffs_alive": _diffs(ids_alive),
        "id_diffs_dropped": _diffs(ids_dropped),
        "id_reused_immediately": len(set(ids_dropped)) < len(ids_dropped),
    }
    return result
