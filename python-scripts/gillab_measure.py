# -*- coding: utf-8 -*-
"""The measurement loop: samples, warm-ups, calibration, the JIT wait.

driver.py run calls run_workload (threads mode), run_in_mode (the workers
of gillab_modes) or run_probe with a loaded module (gillab_loader); every
record goes out through gillab_protocol.  The options are those of
`driver.py run` (see its docstring); the records they give are in
gillab_protocol's.

Timing
======

(run() workloads; a measure() workload times itself.)

One clock for everything, chosen once at start-up: time.perf_counter where it
exists; on Jython java.lang.System.nanoTime() / 1e9; else (CPython 2.7)
timeit.default_timer.  One sample with N threads (N = 1 takes the same path,
unless --one-thread-on main: then run() is called on the driver's thread
between t0 and t1, after gc.collect() and the JIT wait):
with strong scaling the total size S is split, thread i getting S // N plus 1
for the first S % N threads (weak scaling: every thread gets S); the N threads are created and started, each releases a lock
to say it is ready and waits on a lock of its own; when all N are ready the
driver reads t0, releases them, waits until each has released its "done"
lock and reads t1; seconds = t1 - t0 (the threads' exit is joined after t1).
gc.collect() runs before each measured sample, outside the timed interval;
in a gillab worker JVM so does the wait for idle JIT compilers (--jit-wait),
after the N threads are ready and before t0.  Warm-up samples skip both:
they are not measured, and compiling is what they are for (on GraalPy one
gc.collect() costs 0.2-0.4 s, a full GC); a one-look JIT check still
records whether compilers were busy.  After a
sample, check(size_i, result_i) is called for every thread i if the module
defines check; then the sample record is written.
"""
from __future__ import absolute_import, division, print_function

import collections
import gc
import os
import sys
import threading

from gillab_protocol import (ArgumentError, CLOCK, CPU_CLOCK, HOST,
                             INT_TYPES, IS_JYTHON, MAX_PROBE_RESULT_BYTES,
                             Redirect, STRING_TYPES,
                             describe, dumps, emit, emit_error, to_text)

SCALINGS = ("strong", "weak")
ONE_THREAD_ON = ("worker", "main")
# gillab sets it to a random-length string on each process (see --layout-seed)
ENV_PAD_VAR = "GILLAB_ENV_PAD"


# --------------------------------------------------------------------------
# waiting for an idle JIT

# The longest wait before a sample for the JIT compilers to go idle (--jit-wait)
JIT_WAIT_DEFAULT = 3.0


# A wait this short is one look (io.gillab.worker.JitQuiet.WINDOW_MILLIS):
# what a warm-up sample gets.  Warm-ups are not measured, and compiling is
# what they are for; the look still records whether compilers were busy.
JIT_LOOK_ONLY = 1e-6


def _choose_jit_quiet():
    """In a gillab worker JVM (Jython, GraalPy): a function max_seconds ->
    {"jit_wait_seconds": s, "jit_busy": b} that waits until the JVM's JIT
    compiler threads are idle (io.gillab.worker.JitQuiet).  None elsewhere:
    CPython has no JIT thread, PyPy compiles on the running thread."""
    try:
        if HOST is not None:
            wait = HOST.awaitQuietJit
        elif IS_JYTHON:
            from io.gillab.worker import JitQuiet  # noqa
            wait = JitQuiet.awaitIdleText
        else:
            return None
    except:  # noqa: E722  (not in a gillab worker JVM, or an older one)
        return None

    def jit_quiet(max_seconds):
        # "SECONDS BUSY" (JitQuiet.Wait.text): no JSON parse on this path
        seconds, busy = str(wait(float(max_seconds))).split()
        return {"jit_wait_seconds": float(seconds), "jit_busy": busy == "1"}

    return jit_quiet


JIT_QUIET = _choose_jit_quiet()


# --------------------------------------------------------------------------
# measuring


def split_size(total, threads):
    base, rest = divmod(total, threads)
    return [base + (1 if i < rest else 0) for i in range(threads)]


def _held_lock():
    lock = threading.Lock()
    lock.acquire()
    return lock


class _Sample(object):
    """What the threads of one sample share: per thread a lock it releases
    once ready, one the main thread releases to start it, one it releases
    when done.  Plain locks, not a Condition and an Event: on a JIT
    (GraalPy) each line of Python run per sample is code the compiler
    compiles sometime, maybe while later samples wait for it, and
    threading's Condition and Event are many lines."""

    def __init__(self, n):
        self.ready = [_held_lock() for _ in range(n)]
        self.go = [_held_lock() for _ in range(n)]
        self.done = [_held_lock() for _ in range(n)]
        self.results = [None] * n
        self.errors = [None] * n


def _worker(state, index, fn, size):
    state.ready[index].release()
    state.go[index].acquire()
    try:
        state.results[index] = fn(size)
    except:  # noqa: E722  (Java exceptions on Jython, SystemExit, ...)
        state.errors[index] = sys.exc_info()
    state.done[index].release()


def _await_quiet_jit(jit_wait):
    """Before a timed interval: wait (at most jit_wait seconds) for idle JIT
    compilers where the runtime has them; what happened, or None."""
    if JIT_QUIET is None or not jit_wait:
        return None
    return JIT_QUIET(jit_wait)


def _timed_on_main(fn, size, jit_wait=0):
    """fn(size) on the calling (main) thread, as pyperf times a function;
    same return value as timed_sample."""
    result, error = None, None
    jit = _await_quiet_jit(jit_wait)
    c0 = CPU_CLOCK() if CPU_CLOCK else None
    t0 = CLOCK()
    try:
        result = fn(size)
    except:  # noqa: E722  (as _worker: Java exceptions, SystemExit, ...)
        error = sys.exc_info()
    t1 = CLOCK()
    c1 = CPU_CLOCK() if CPU_CLOCK else None
    cpu = (c1 - c0) if CPU_CLOCK else None
    return t1 - t0, cpu, [result], [error], jit


def timed_sample(fn, sizes, jit_wait=0, on_main=False):
    """Run fn(sizes[i]) on len(sizes) threads released together, once they
    are ready and the JIT compilers are idle (at most jit_wait seconds).
    With on_main and one size, fn runs on the calling thread instead.

    Returns (seconds, cpu_seconds or None, results, errors, jit or None).
    """
    n = len(sizes)
    if on_main and n == 1:
        return _timed_on_main(fn, sizes[0], jit_wait)
    state = _Sample(n)
    threads = []
    for i in range(n):
        t = threading.Thread(target=_worker, name="gillab-worker-%d" % i,
                             args=(state, i, fn, sizes[i]))
        t.daemon = True
        threads.append(t)
    for t in threads:
        t.start()
    for lock in state.ready:
        lock.acquire()
    jit = _await_quiet_jit(jit_wait)
    c0 = CPU_CLOCK() if CPU_CLOCK else None
    t0 = CLOCK()
    for lock in state.go:
        lock.release()
    for lock in state.done:
        lock.acquire()
    t1 = CLOCK()
    c1 = CPU_CLOCK() if CPU_CLOCK else None
    cpu = (c1 - c0) if CPU_CLOCK else None
    # the threads have done their work; their exit is not timed
    for t in threads:
        t.join()
    return t1 - t0, cpu, state.results, state.errors, jit


class _WorkloadFailed(Exception):
    """A sample failed; its error record has been emitted."""


def split_sizes(size, threads, scaling):
    """Per-thread sizes: strong splits size over the threads, weak gives
    every thread the whole size."""
    if scaling == "weak":
        return [size] * threads
    return split_size(size, threads)


def _one_sample(name, module, path, size, threads, index, scaling="strong",
                executor=None, jit_wait=0, on_main=False, collect=True):
    """Run one sample of run() on threads threads (or, with an executor,
    on that many workers of another mode); check its result.  With jit_wait
    the timed interval starts once the JIT compilers are idle (at most
    jit_wait seconds, see --jit-wait).  With on_main a 1-thread sample runs
    on the calling thread (--one-thread-on main).  With collect,
    gc.collect() first (not for warm-ups).

    Returns (seconds, cpu_seconds or None, metrics or None, jit or None).
    """
    if getattr(module, "measure", None) is not None:
        return _one_measured_sample(module, path, size, threads, index,
                                    jit_wait, collect)
    sizes = split_sizes(size, threads, scaling)
    if collect:
        gc.collect()
    if executor is not None:
        return _one_mode_sample(executor, path, sizes, index, jit_wait)
    with Redirect():
        seconds, cpu, results, errors, jit = timed_sample(module.run, sizes,
                                                          jit_wait, on_main)
    for i, err in enumerate(errors):
        if err is not None:
            emit_error("run", err, file=path,
                       extra=[("index", index), ("thread", i)])
            raise _WorkloadFailed()
    check = getattr(module, "check", None)
    if check is not None:
        for i in range(threads):
            try:
                with Redirect():
                    check(sizes[i], results[i])
            except:  # noqa: E722
                emit_error("check", sys.exc_info(), file=path,
                           extra=[("index", index), ("thread", i)])
                raise _WorkloadFailed()
    return seconds, cpu, None, jit


def _one_mode_sample(executor, path, sizes, index, jit_wait=0):
    """One sample on the workers of a mode other than threads; the executor
    times it and checks the results after the timed interval."""
    try:
        seconds, cpu, errors, jit = executor.sample(sizes, jit_wait)
    except:  # noqa: E722  (a worker died, a pipe broke, ...)
        emit_error("run", sys.exc_info(), file=path,
                   extra=[("index", index), ("thread", None)])
        raise _WorkloadFailed()
    for i, fields in enumerate(errors):
        if fields is not None:
            emit("error", list(fields) + [("index", index), ("thread", i)])
            raise _WorkloadFailed()
    return seconds, cpu, None, jit


def _is_number(value):
    return not isinstance(value, bool) and \
        isinstance(value, INT_TYPES + (float,))


def _finite(value):
    return value == value and value not in (float("inf"), float("-inf"))


def _measurement(result):
    """(seconds, metrics) from what measure() returned, or raise ValueError
    naming the problem."""
    if not isinstance(result, dict):
        raise ValueError("measure() must return a dict with \"seconds\", "
                         "got %s" % type(result).__name__)
    seconds = result.get("seconds")
    if not _is_number(seconds) or not _finite(seconds) or seconds < 0:
        raise ValueError("measure() must return \"seconds\" as a number "
                         ">= 0, got %s" % describe(seconds))
    metrics = collections.OrderedDict()
    for key in sorted(result, key=to_text):
        if key == "seconds":
            continue
        value = result[key]
        if not isinstance(key, STRING_TYPES):
            raise ValueError("measure() metric names must be strings, "
                             "got %s" % describe(key))
        if value is not None and (not _is_number(value) or
                                  not _finite(value)):
            raise ValueError("measure() metric %r must be a finite number "
                             "or None, got %s" % (str(key), describe(value)))
        metrics[to_text(key)] = value
    return float(seconds), metrics


def _one_measured_sample(module, path, size, threads, index, jit_wait=0,
                         collect=True):
    """One call of measure(size, threads) on the main thread (the module
    starts its own threads).  An AssertionError from measure() is a failed
    check; any other exception a failed run."""
    if collect:
        gc.collect()
    jit = _await_quiet_jit(jit_wait)
    c0 = CPU_CLOCK() if CPU_CLOCK else None
    try:
        with Redirect():
            result = module.measure(size, threads)
    except AssertionError:
        emit_error("check", sys.exc_info(), file=path,
                   extra=[("index", index), ("thread", None)])
        raise _WorkloadFailed()
    except:  # noqa: E722
        emit_error("run", sys.exc_info(), file=path,
                   extra=[("index", index), ("thread", None)])
        raise _WorkloadFailed()
    c1 = CPU_CLOCK() if CPU_CLOCK else None
    try:
        seconds, metrics = _measurement(result)
    except ValueError:
        emit_error("check", exception="ContractError",
                   message=to_text(sys.exc_info()[1]), file=path,
                   extra=[("index", index), ("thread", None)])
        raise _WorkloadFailed()
    check = getattr(module, "check", None)
    if check is not None:
        try:
            with Redirect():
                check(size, result)
        except:  # noqa: E722
            emit_error("check", sys.exc_info(), file=path,
                       extra=[("index", index), ("thread", None)])
            raise _WorkloadFailed()
    cpu = (c1 - c0) if CPU_CLOCK else None
    return seconds, cpu, metrics, jit


# Calibration never grows a size beyond this many times the default.
MAX_CALIBRATION_FACTOR = 1 << 16


def _calibration_threads(module, counts):
    """run() modules calibrate on one thread; measure() modules with the
    smallest requested thread count (which may be 0)."""
    if getattr(module, "measure", None) is not None:
        return min(counts)
    return 1


def _calibrate(name, module, path, size, min_time, rounds, threads=1,
               executor=None, on_main=False):
    """Grow size until one run on threads threads takes at least min_time.

    Every run is appended to rounds as [size, seconds]; they double as
    warm-up for JIT runtimes.
    """
    limit = size * MAX_CALIBRATION_FACTOR
    while True:
        # no wait for the JIT here: calibration only picks a size
        seconds = _one_sample(name, module, path, size, threads, -1,
                              executor=executor, on_main=on_main)[0]
        rounds.append([size, float(seconds)])
        if seconds >= min_time or size * 2 > limit:
            return size
        # jump close to the target, but at most 8x at once and at least 2x
        factor = 2
        while factor < 8 and seconds * factor < min_time:
            factor *= 2
        size *= factor


def _emit_calibration(name, size, min_time, rounds):
    emit("calibration", [
        ("workload", name),
        ("size", size),
        ("min_time", min_time),
        ("runs", rounds),
    ])


_MASK64 = (1 << 64) - 1


class _SplitMix64(object):
    """A tiny PRNG that gives the same numbers on every Python: random's
    shuffle does not (its algorithm changed between 2.7 and 3.x), and a
    recorded seed must reproduce the same layout on Jython and CPython 3."""

    def __init__(self, seed):
        self.state = int(seed) & _MASK64

    def draw(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & _MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        return z ^ (z >> 31)

    def shuffled(self, items):
        """Fisher-Yates; the modulo bias over 2**64 is negligible."""
        out = list(items)
        for i in range(len(out) - 1, 0, -1):
            j = int(self.draw() % (i + 1))
            out[i], out[j] = out[j], out[i]
        return out


class _Layout(object):
    """What this process randomises (--layout-seed) and how it timed
    1-thread samples (--one-thread-on); emitted as the "layout" record."""

    def __init__(self, args):
        self.seed = args.layout_seed
        self.rng = None if self.seed is None else _SplitMix64(self.seed)
        self.on_main = args.one_thread_on == "main"
        self.warmup_orders = []

    def warmup_order(self, counts, r):
        if self.rng is None:
            order = counts if r % 2 == 0 else list(reversed(counts))
        else:
            order = self.rng.shuffled(counts)
        self.warmup_orders.append([int(n) for n in order])
        return order

    def emit(self, chooses_thread):
        """chooses_thread: False where --one-thread-on does not apply
        (measure() workloads, modes other than threads): null then."""
        pad, total = _environ_sizes()
        on = ("main" if self.on_main else "worker") if chooses_thread else None
        emit("layout", [
            ("seed", self.seed),
            ("one_thread_on", on),
            ("warmup_orders", self.warmup_orders),
            ("env_pad_seen", pad),
            ("environ_bytes", total),
        ])


def _environ_sizes():
    """(length of GILLAB_ENV_PAD, bytes of the whole environment as
    KEY=VALUE\0 strings); (None, None) where os.environ cannot be read."""
    try:
        env = os.environ
        pad = env.get(ENV_PAD_VAR)
        total = 0
        for k in env.keys():
            total += len(k) + len(env[k]) + 2
        return (len(pad) if pad is not None else 0), total
    except:  # noqa: E722  (a sandboxed interpreter)
        return None, None


def _run_rounds(name, module, path, args, executor, size, first, count,
                warmup, layout=None):
    """Rounds first .. first+count-1 at this size, each one sample at every
    thread count (the order reversed in odd rounds; warm-up rounds take the
    layout's order); returns the next round.  A sample's index is its
    position in the whole run."""
    counts = args.threads
    on_main = layout is not None and layout.on_main
    # where a 1-thread sample ran: only run() workloads in threads mode
    # choose; measure() runs on the main thread and starts its own threads
    tags_thread = executor is None and getattr(module, "measure", None) is None
    # warm-ups are not measured: no wait for idle compilers (one look) and
    # no gc.collect() first (see "One sample" in the module docstring)
    jit_wait = min(args.jit_wait, JIT_LOOK_ONLY) if warmup else args.jit_wait
    for r in range(first, first + count):
        if warmup and layout is not None:
            order = layout.warmup_order(counts, r)
        else:
            order = counts if r % 2 == 0 else list(reversed(counts))
        for i, threads in enumerate(order):
            index = r * len(counts) + i
            seconds, cpu, metrics, jit = _one_sample(
                name, module, path, size, threads, index, args.scaling,
                executor, jit_wait, on_main, collect=not warmup)
            fields = [
                ("workload", name),
                ("threads", threads),
                ("size", size),
                ("scaling", args.scaling),
                ("index", index),
                ("warmup", warmup),
                ("seconds", float(seconds)),
                ("cpu_seconds", float(cpu) if cpu is not None else None),
            ]
            if metrics is not None:
                fields.append(("metrics", metrics))
            if executor is not None:
                fields.append(("mode", executor.mode))
            if tags_thread and threads == 1:
                fields.append(("timed_on", "main" if on_main else "worker"))
            if jit is not None:
                fields.extend([("jit_wait_seconds", jit["jit_wait_seconds"]),
                               ("jit_busy", jit["jit_busy"])])
            emit("sample", fields)
    return first + count


def run_workload(name, module, path, args, executor=None):
    """Warm-up rounds, then measured rounds; each round takes one sample at
    every thread count, alternating the order so drift cancels out.  With an
    executor (--mode other than threads) each sample runs on its workers."""
    counts = args.threads
    measured = getattr(module, "measure", None) is not None
    if not measured and 0 in counts:
        raise ArgumentError(
            "--threads 0 is only for workloads that define measure(size, "
            "threads); %s defines run(size) only" % name)
    size = args.size if args.size is not None else int(module.DEFAULT_SIZE)
    calibrate = args.size is None and args.min_time is not None and \
        getattr(module, "CALIBRATE", True)
    cal_threads = _calibration_threads(module, counts)
    layout = _Layout(args)
    on_main = layout.on_main and executor is None
    rounds = []
    try:
        if calibrate:
            size = _calibrate(name, module, path, size, args.min_time, rounds,
                              cal_threads, executor, on_main)
            _emit_calibration(name, size, args.min_time, rounds)
        r = _run_rounds(name, module, path, args, executor, size, 0,
                        args.warmups, True, layout)
        if calibrate and args.warmups > 0:
            # a JIT may have sped up during warm-up: if a run now takes
            # less than half of min_time, grow the size again
            grown = _calibrate(name, module, path, size, args.min_time / 2.0,
                               rounds, cal_threads, executor, on_main)
            _emit_calibration(name, grown, args.min_time, rounds)
            if grown != size:
                # the warm-ups ran at the old size: a JIT has not yet seen
                # runs this long, so warm up again at the new one
                size = grown
                r = _run_rounds(name, module, path, args, executor, size, r,
                                args.warmups, True, layout)
        layout.emit(executor is None and not measured)
        _run_rounds(name, module, path, args, executor, size, r,
                    args.samples, False, layout)
    except _WorkloadFailed:
        return 1
    return 0


def report_thread_deaths():
    """From now on a thread that dies of an uncaught exception says so in an
    error record (stage "thread") before Python prints its traceback: gillab
    fails the trial from that record, never from text on stderr (a workload
    may print "Exception in thread" itself). The wrapper is an instance
    attribute set at start(), so a Thread subclass's own run() is covered;
    the same code serves Python 2.7 (Jython), which has no excepthook."""
    import threading
    start = threading.Thread.start
    if getattr(start, "_gillab_guard", False):
        return

    def guarded_start(self):
        run = self.run

        def guarded_run():
            try:
                run()
            except SystemExit:
                raise
            except:  # noqa: E722
                emit_error("thread", sys.exc_info(),
                           extra=[("thread", to_text(self.name))])
                raise
        self.run = guarded_run
        return start(self)
    guarded_start._gillab_guard = True
    threading.Thread.start = guarded_start


def run_probe(name, module, path):
    try:
        with Redirect():
            result = module.probe()
    except:  # noqa: E722
        emit_error("run", sys.exc_info(), file=path,
                   extra=[("index", 0), ("thread", None)])
        return 1
    if not isinstance(result, dict):
        emit_error("check", exception="ContractError",
                   message="probe() must return a dict, got %s"
                   % type(result).__name__, file=path)
        return 1
    try:
        size = len(to_text(dumps(result)).encode("utf-8"))
    except:  # noqa: E722
        emit_error("check", sys.exc_info(), file=path,
                   message="probe() result is not JSON-serialisable: %s"
                   % to_text(sys.exc_info()[1]))
        return 1
    if size > MAX_PROBE_RESULT_BYTES:
        emit_error("check", exception="ContractError", file=path,
                   message="probe() result is %d bytes as JSON, over the "
                   "contract's limit of %d (512 KiB): return a summary, not "
                   "the data" % (size, MAX_PROBE_RESULT_BYTES))
        return 1
    emit("probe", [("probe", name), ("result", result)])
    return 0


def run_in_mode(name, module, path, args):
    """run_workload on the workers of --mode processes, interpreters or
    contexts (see gillab_modes), started before calibration."""
    import gillab_modes  # only here: threads mode needs none of it
    why = gillab_modes.why_unavailable(args.mode)
    if why is None and getattr(module, "measure", None) is not None:
        why = ("mode %s not available for %s: it defines measure() and runs "
               "its own threads" % (args.mode, name))
    if why is not None:
        emit_error("args", exception=gillab_modes.NOT_AVAILABLE, message=why)
        return 2
    workers = max(args.threads) if args.threads else 1
    try:
        with Redirect():
            executor = gillab_modes.executor(args.mode, name, path, workers)
    except gillab_modes.ModeError:
        err = sys.exc_info()[1]
        if err.fields is not None:
            emit("error", err.fields)
            return 2
        emit_error("run", sys.exc_info(), file=path)
        return 1
    except:  # noqa: E722
        emit_error("run", sys.exc_info(), file=path,
                   message="mode %s: cannot start the workers: %s"
                   % (args.mode, to_text(sys.exc_info()[1])))
        return 1
    try:
        emit("mode", executor.describe())
        return run_workload(name, module, path, args, executor)
    finally:
        with Redirect():
            executor.close()

