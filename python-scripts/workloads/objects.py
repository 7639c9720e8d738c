# -*- coding: utf-8 -*-
"""Object churn: many small objects, dicts and lists made and dropped.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.
"""

GROUP = "benchmark"
ORIGIN = "gillab"
KIND = "cpu"
DESCRIPTION = ("allocation-heavy: each unit builds a 50-node linked list of "
               "small objects, a dict of 100 entries with tuple keys and "
               "list/str values, walks and prunes them, and drops it all")
PREDICTION = ("CPU-bound, allocation and reference counting dominate: with "
              "a GIL N threads are no faster than 1 (every refcount update "
              "needs it); without one (Jython) allocation is thread-local "
              "in the JVM and N threads approach an N-fold speedup, unless "
              "the garbage collector becomes the bottleneck")
# ~33 ms on one thread for CPython 3.11 here (~22 us per unit).
DEFAULT_SIZE = 1500
NODES = 50
SEEDS = 1000


class Node(object):
    def __init__(self, key, value, next_node):
        self.key = key
        self.value = value
        self.next = next_node


def unit(seed):
    table = {}
    head = None
    for i in range(NODES):
        head = Node(i, seed + i, head)
        table[i] = head
        table[("t", i)] = [i, str(i), (seed, i)]
    total = 0
    node = head
    while node is not None:
        total += node.value
        node = node.next
    for i in range(0, NODES, 2):
        del table[i]
    items = [value for key, value in table.items() if isinstance(key, tuple)]
    total += len(table) + len(items)
    return total


def unit_expected(seed):
    # sum(seed + i) + (2 * NODES - NODES // 2 entries left) + NODES lists
    return NODES * seed + NODES * (NODES - 1) // 2 + \
        (2 * NODES - (NODES + 1) // 2) + NODES


def run(size):
    total = 0
    for r in range(size):
        total += unit(r % SEEDS)
    return total


def check(size, result):
    full, rest = divmod(size, SEEDS)
    want = full * sum(unit_expected(s) for s in range(SEEDS)) + \
        sum(unit_expected(s) for s in range(rest))
    assert result == want, "%d units gave %r, expected %d" % (
        size, result, want)
