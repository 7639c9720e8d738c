# -*- coding: utf-8 -*-
"""The project's own workload: count the words of a text, the way its code does.

Runs on Python 2.7 and 3.x (gillab's workload contract: KIND, DESCRIPTION, PREDICTION, DEFAULT_SIZE,
run(size), check(size, result)).
"""

KIND = "cpu"
DESCRIPTION = "count the words of a 200-word text size times (split, lower, a dict of counts)"
PREDICTION = ("pure-Python and CPU-bound: no faster on 2 threads under a GIL, up to 2x on Jython")
DEFAULT_SIZE = 300

TEXT = " ".join(["the quick brown fox jumps over the lazy dog and runs"] * 18 + ["away", "home"])


def count(text):
    counts = {}
    for word in text.split():
        word = word.lower()
        counts[word] = counts.get(word, 0) + 1
    return counts


def run(size):
    total = 0
    for _ in range(size):
        total += count(TEXT)["the"]
    return total


def check(size, result):
    assert result == size * 36, "%d rounds counted %r 'the', expected %d" % (size, result, size * 36)
