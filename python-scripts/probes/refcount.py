# -*- coding: utf-8 -*-
"""The seed article's reference-count probe.

    mydict = {}
    sys.getrefcount(mydict)

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.

Result keys:
  available        sys.getrefcount exists and answered
  value            the article's case: a fresh dict bound at module level,
                   counted at module level (exec of a code string in a fresh
                   namespace); the article predicts 2
  exception, message   (only when not available) what failed
  has_getrefcount  hasattr(sys, "getrefcount")
  module_level     = value
  in_function      a fresh dict in a local variable of a small function.
                   CPython 3.14 loads locals as borrowed references where
                   its compiler can prove it safe: 1 there, 2 before
  value_local      = in_function (kept for older readers)
  global_in_function   a module global counted from inside a function
                   (what this probe measured as "value" before)
  scope_differs    module_level != in_function
  held_by_list_before_del, held_by_list_after_del
                   the count of an object that is also in a list, before and
                   after `del holder[0]` (module level: 3 then 2)
  list_reference_counted   before - after == 1
"""
import sys

GROUP = "behaviour probe"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = "sys.getrefcount(mydict) on a fresh dict, as in the article"
PREDICTION = ("The article: CPython counts references and prints 2 for a "
              "fresh dict (the variable plus the call's argument). By hand "
              "here: GraalPy 25 answers -1; Jython and PyPy have no "
              "sys.getrefcount (AttributeError) - they use a tracing GC. "
              "CPython 3.14 says 1 for a local variable inside a function "
              "(borrowed references) but still 2 at module level")

MODULE_LEVEL = (
    "mydict = {}\n"
    "value = getrefcount(mydict)\n"
    "obj = object()\n"
    "holder = [obj]\n"
    "before = getrefcount(obj)\n"
    "del holder[0]\n"
    "after = getrefcount(obj)\n"
)

IN_FUNCTION = (
    "def local_count():\n"
    "    d = {}\n"
    "    return getrefcount(d)\n"
    "\n"
    "def global_count():\n"
    "    return getrefcount(g)\n"
    "\n"
    "g = {}\n"
)

mydict = None


def _failure(exc_info):
    exc = exc_info[1]
    try:
        message = str(exc)
    except Exception:
        message = repr(exc)
    return {"available": False,
            "exception": type(exc).__name__,
            "message": message,
            "has_getrefcount": hasattr(sys, "getrefcount")}


def _as_int(value):
    try:
        return int(value)
    except:  # noqa: E722
        return None


def probe():
    try:
        getrefcount = sys.getrefcount
    except:  # noqa: E722  (bare: Java exceptions on Jython)
        return _failure(sys.exc_info())
    # The article's form, at module level: a fresh namespace, run by exec.
    namespace = {"getrefcount": getrefcount, "__name__": "gillab_refcount"}
    try:
        exec(compile(MODULE_LEVEL, "<refcount module level>", "exec"),
             namespace)
    except:  # noqa: E722
        return _failure(sys.exc_info())
    value = _as_int(namespace["value"])
    result = {"available": True, "value": value, "has_getrefcount": True,
              "module_level": value}
    functions = {"getrefcount": getrefcount, "__name__": "gillab_refcount"}
    try:
        exec(compile(IN_FUNCTION, "<refcount in function>", "exec"),
             functions)
        in_function = _as_int(functions["local_count"]())
        global_in_function = _as_int(functions["global_count"]())
    except:  # noqa: E722
        in_function = global_in_function = None
    result["in_function"] = in_function
    result["value_local"] = in_function
    result["global_in_function"] = global_in_function
    result["scope_differs"] = in_function is not None and \
        in_function != value
    before = _as_int(namespace["before"])
    after = _as_int(namespace["after"])
    result["held_by_list_before_del"] = before
    result["held_by_list_after_del"] = after
    result["list_reference_counted"] = before is not None and \
        after is not None and before - after == 1
    return result
