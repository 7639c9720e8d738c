# -*- coding: utf-8 -*-
"""I/O-bound stand-in: threads that wait in time.sleep.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.
"""
import time

GROUP = "benchmark"
ORIGIN = "gillab"
KIND = "io"
DESCRIPTION = "size calls of time.sleep(0.01): threads that only wait"
PREDICTION = ("I/O-bound: a waiting thread releases the GIL, so waiting "
              "threads overlap on every implementation; N threads take "
              "about 1/N of the one-thread time")
DEFAULT_SIZE = 20
SLEEP_SECONDS = 0.01


def run(size):
    done = 0
    while done < size:
        time.sleep(SLEEP_SECONDS)
        done += 1
    return done


def check(size, result):
    assert result == size, "slept %r times, expected %d" % (result, size)
