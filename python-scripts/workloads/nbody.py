# -*- coding: utf-8 -*-
"""The Computer Language Benchmarks Game's n-body simulation (5 bodies).

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.  Every run()
builds its own bodies, so threads share no state.
"""
import threading

GROUP = "benchmark"
ORIGIN = "The Computer Language Benchmarks Game"
KIND = "cpu"
DESCRIPTION = ("benchmarks-game n-body: size simulation steps of the Sun "
               "and the four giant planets (float arithmetic on lists)")
PREDICTION = ("CPU-bound, float-heavy: with a GIL N threads are no faster "
              "than 1; without one (Jython) N threads on N cores approach "
              "an N-fold speedup")
# ~33 ms on one thread for CPython 3.11 here (~3.3 us per step).
DEFAULT_SIZE = 10000

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24
DT = 0.01

# [x, y, z], [vx, vy, vz], mass
_BODIES = (
    # sun
    ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0), SOLAR_MASS),
    # jupiter
    ((4.84143144246472090e+00, -1.16032004402742839e+00,
      -1.03622044471123109e-01),
     (1.66007664274403694e-03 * DAYS_PER_YEAR,
      7.69901118419740425e-03 * DAYS_PER_YEAR,
      -6.90460016972063023e-05 * DAYS_PER_YEAR),
     9.54791938424326609e-04 * SOLAR_MASS),
    # saturn
    ((8.34336671824457987e+00, 4.12479856412430479e+00,
      -4.03523417114321381e-01),
     (-2.76742510726862411e-03 * DAYS_PER_YEAR,
      4.99852801234917238e-03 * DAYS_PER_YEAR,
      2.30417297573763929e-05 * DAYS_PER_YEAR),
     2.85885980666130812e-04 * SOLAR_MASS),
    # uranus
    ((1.28943695621391310e+01, -1.51111514016986312e+01,
      -2.23307578892655734e-01),
     (2.96460137564761618e-03 * DAYS_PER_YEAR,
      2.37847173959480950e-03 * DAYS_PER_YEAR,
      -2.96589568540237556e-05 * DAYS_PER_YEAR),
     4.36624404335156298e-05 * SOLAR_MASS),
    # neptune
    ((1.53796971148509165e+01, -2.59193146099879641e+01,
      1.79258772950371181e-01),
     (2.68067772490389322e-03 * DAYS_PER_YEAR,
      1.62824170038242295e-03 * DAYS_PER_YEAR,
      -9.51592254519715870e-05 * DAYS_PER_YEAR),
     5.15138902046611451e-05 * SOLAR_MASS),
)

# Known energies (benchmarks game output, 9 decimals).
ENERGY_START = -0.169075164
KNOWN_ENERGY = {1000: -0.169087605}


def _new_system():
    bodies = [([p[0], p[1], p[2]], [v[0], v[1], v[2]], m)
              for p, v, m in _BODIES]
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    # offset momentum
    px = py = pz = 0.0
    for (r, v, m) in bodies:
        px -= v[0] * m
        py -= v[1] * m
        pz -= v[2] * m
    v = bodies[0][1]
    v[0] = px / SOLAR_MASS
    v[1] = py / SOLAR_MASS
    v[2] = pz / SOLAR_MASS
    return bodies, pairs


def _advance(steps, bodies, pairs, dt):
    for _ in range(steps):
        for (([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2)) in pairs:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1m = m1 * mag
            b2m = m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for (r, [vx, vy, vz], m) in bodies:
            r[0] += dt * vx
            r[1] += dt * vy
            r[2] += dt * vz


def _energy(bodies, pairs):
    e = 0.0
    for (((x1, y1, z1), v1, m1), ((x2, y2, z2), v2, m2)) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        e -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for (r, [vx, vy, vz], m) in bodies:
        e += m * (vx * vx + vy * vy + vz * vz) / 2.0
    return e


def run(size):
    bodies, pairs = _new_system()
    _advance(size, bodies, pairs, DT)
    return _energy(bodies, pairs)


_seen = {}
_seen_lock = threading.Lock()


def check(size, result):
    assert isinstance(result, float), "energy %r is not a float" % (result,)
    if size == 0:
        assert abs(result - ENERGY_START) < 5e-10, \
            "energy after 0 steps %.9f, expected %.9f" % (result, ENERGY_START)
    # the simulation conserves energy to ~1e-5 over millions of steps
    assert abs(result - ENERGY_START) < 1e-4, \
        "energy after %d steps %.9f drifted from %.9f" % (
            size, result, ENERGY_START)
    known = KNOWN_ENERGY.get(size)
    if known is not None:
        assert abs(result - known) < 5e-10, \
            "energy after %d steps %.9f, expected %.9f" % (size, result, known)
    # deterministic: every run of the same size gives the same float
    with _seen_lock:
        first = _seen.setdefault(size, result)
    assert first == result, \
        "energy after %d steps %r differs from an earlier run's %r" % (
            size, result, first)
