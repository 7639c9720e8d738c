# -*- coding: utf-8 -*-
"""The seed article's reference-count probe.

    mydict = {}
    sys.getrefcount(mydict)

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.
"""
import sys

KIND = "probe"
DESCRIPTION = "sys.getrefcount(mydict) on a fresh dict, as in the article"
PREDICTION = ("The article: CPython counts references and prints 2 for a "
              "fresh dict (the variable plus the call's argument). By hand "
              "here: GraalPy 25 answers -1; Jython and PyPy have no "
              "sys.getrefcount (AttributeError) - they use a tracing GC")

mydict = None


def _failure(exc_info):
    exc = exc_info[1]
    try:
        message = str(exc)
    except Exception:
        message = repr(exc)
    return {"available": False,
            "exception": type(exc).__name__,
            "message": message}


def probe():
    global mydict
    try:
        getrefcount = sys.getrefcount
    except:  # noqa: E722  (bare: Java exceptions on Jython)
        return _failure(sys.exc_info())
    # The article's form: a module-level (global) variable.
    mydict = {}
    try:
        value = getrefcount(mydict)
    except:  # noqa: E722
        return _failure(sys.exc_info())
    result = {"available": True, "value": value}
    # The same inside a function (a local variable), to see whether an
    # implementation counts a local differently from a global (CPython
    # 2.7-3.14 answer 2 for both).
    local_dict = {}
    try:
        result["value_local"] = getrefcount(local_dict)
    except:  # noqa: E722
        result["value_local"] = None
    return result
