# -*- coding: utf-8 -*-
"""The project's own probe: does a dict keep insertion order, and which major version runs the code?"""
import sys

KIND = "probe"
DESCRIPTION = "dict insertion order, and the major version the code runs on"
PREDICTION = ("Python 3.7+ keeps insertion order (CPython, PyPy, GraalPy); Python 2.7 promises "
              "nothing (Jython)")


def probe():
    d = {}
    for key in ["zebra", "apple", "mango", "kiwi", "banana", "cherry", "fig", "date"]:
        d[key] = len(key)
    return {"keeps_order": list(d) == ["zebra", "apple", "mango", "kiwi", "banana", "cherry", "fig", "date"],
            "major": sys.version_info[0]}
