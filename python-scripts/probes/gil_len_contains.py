# -*- coding: utf-8 -*-
"""GIL semantics: do len(l) and `1 in l` agree while another thread mutates l?

Runs on Python 2.7 and 3.6+.  See gillab_loader.py for the contract and
_gilsem.py for how a part runs and what it answers.  A shared list holds
[0]; one thread appends 1 and pops it, over and over; the probe's thread
reads n = len(l) and then c = (1 in l): they disagree (n == 2 but 1 is not
in l, or n == 1 but 1 is) when the list changed between the two reads.
"""
import _gilsem

GROUP = "GIL semantics"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("one thread appends and pops a 1 on a shared list; another "
               "checks that len(l) and `1 in l` agree")
PREDICTION = ("Two reads are not one snapshot: any runtime can switch between "
              "len(l) and `1 in l` (a GIL at least at a lowered switch "
              "interval), so disagreement is possible everywhere; how soon it "
              "shows is the question")


def _state():
    return [0]


def _mutate(shared, stop):
    append = shared.append
    pop = shared.pop
    n = 0
    while True:
        append(1)
        pop()
        n += 1
        if n & 255 == 0 and stop.is_set():
            return


def _disagree(shared):
    n = len(shared)
    c = 1 in shared
    return (n == 2) != c


def probe():
    return _gilsem.probe_parts(
        lambda: _gilsem.part(_state, [_mutate], _disagree))


if __name__ == "__main__":  # run directly: PYTHONPATH=python-scripts python3 probes/gil_len_contains.py
    _gilsem.print_answer(probe())
