# -*- coding: utf-8 -*-
"""Mandelbrot set membership on a fixed 128 x 128 grid.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.
"""

GROUP = "benchmark"
ORIGIN = "gillab, after the Computer Language Benchmarks Game's mandelbrot"
KIND = "cpu"
DESCRIPTION = ("count the points of the Mandelbrot set (100 iterations) "
               "in size rows of a 128 x 128 grid over [-2, 0.5] x [-1, 1]")
PREDICTION = ("CPU-bound, float arithmetic in a tight loop: with a GIL N "
              "threads are no faster than 1; without one (Jython) N threads "
              "on N cores approach an N-fold speedup")
# ~33 ms on one thread for CPython 3.11 here (~0.33 ms per row).
DEFAULT_SIZE = 100
WIDTH = 128
HEIGHT = 128
MAX_ITER = 100

# Points in the set per row y of the 128 x 128 grid (computed once on
# CPython 3.11; the arithmetic is plain IEEE double on every runtime).
ROW_COUNTS = (
    0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 5, 9, 11, 10, 9,
    10, 10, 10, 9, 9, 7, 7, 15, 22, 28, 31, 37, 41, 43, 43, 43,
    43, 44, 44, 46, 49, 50, 51, 50, 50, 53, 57, 56, 55, 54, 57, 60,
    66, 68, 74, 72, 74, 76, 78, 79, 80, 81, 80, 81, 82, 84, 86, 86,
    116, 86, 86, 84, 82, 81, 80, 81, 80, 79, 78, 76, 74, 72, 74, 68,
    66, 60, 57, 54, 55, 56, 57, 53, 50, 50, 51, 50, 49, 46, 44, 44,
    43, 43, 43, 43, 41, 37, 31, 28, 22, 15, 7, 7, 9, 9, 10, 10,
    10, 9, 10, 11, 9, 5, 2, 2, 2, 1, 0, 0, 0, 0, 0, 0,
)
GRID_COUNT = 5080


def row_count(y):
    """Points of row y (0 <= y < HEIGHT) that stay bounded."""
    ci = 2.0 * y / HEIGHT - 1.0
    count = 0
    for x in range(WIDTH):
        cr = 2.5 * x / WIDTH - 2.0
        zr = zi = 0.0
        i = 0
        while i < MAX_ITER:
            zr2 = zr * zr
            zi2 = zi * zi
            if zr2 + zi2 > 4.0:
                break
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
            i += 1
        else:
            count += 1
    return count


# Unit r computes row (r * STRIDE) % HEIGHT: STRIDE is coprime to HEIGHT
# (about HEIGHT / golden ratio), so any run of consecutive units is spread
# over the grid and every thread of a strong-scaling split gets a fair
# share of the expensive middle rows.
STRIDE = 79


def run(size):
    """Units 0 .. size-1, unit r being row (r * STRIDE) % HEIGHT."""
    total = 0
    for r in range(size):
        total += row_count((r * STRIDE) % HEIGHT)
    return total


def expected(size):
    full, rest = divmod(size, HEIGHT)
    return full * GRID_COUNT + \
        sum(ROW_COUNTS[(r * STRIDE) % HEIGHT] for r in range(rest))


assert len(ROW_COUNTS) == HEIGHT and sum(ROW_COUNTS) == GRID_COUNT


def check(size, result):
    want = expected(size)
    assert result == want, "%d rows: %r points in the set, expected %d" % (
        size, result, want)
