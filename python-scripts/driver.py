# -*- coding: utf-8 -*-
"""gillab driver: runs one workload or probe and prints JSON lines.

This one file is the whole Python side of the measurement.  It runs unchanged
on Python 2.7 (Jython 2.7.x, CPython 2.7) and on Python 3.6+ (CPython, PyPy,
GraalPy) and uses the standard library only.

Command line
============

    python driver.py run NAME [--threads N[,N...]] [--samples K]
                              [--warmups W] [--size S | --min-time SECONDS]
                              [--scaling strong|weak] [--path DIR]...
                              [--mode threads|processes|interpreters|contexts]
                              [--jit-wait SECONDS]
                              [--one-thread-on worker|main]
                              [--layout-seed N]
    python driver.py list [--path DIR]...
    python driver.py info

  --threads N[,N...]
                thread counts (default 1, each >= 1; 0 is allowed for a
                workload with measure(), an args error otherwise).  Every
                round takes one sample at each count, alternating the order
                between rounds so that drift (a warming JIT, a busy machine)
                cancels out.
  --samples K   measured rounds (default 5, >= 1): K samples per thread count
  --warmups W   warm-up rounds, run and reported (marked) before them
                (default 1, >= 0)
  --size S      units of work per sample (default: the module's
                DEFAULT_SIZE, >= 1); see --scaling
  --scaling strong|weak
                strong (default): the size is split over the threads, so N
                threads together do the work one thread does.  weak: every
                thread does the whole size (N times the work).  Recorded in
                each sample as "scaling".  A measure() workload always gets
                the whole size and decides itself what it means.
  --min-time T  without --size: calibrate.  Starting at DEFAULT_SIZE, the size
                grows (x2..x8) until one single-threaded run takes at least T
                seconds; after the warm-up rounds, if a run has dropped below
                T/2 (a JIT sped up), it grows again, and then the W warm-up
                rounds run again at the new size (so there are 2W, all
                marked), since a JIT has not seen runs that long.  Each
                calibration ends with a "calibration" record.  A measure() workload is
                calibrated the same way through measure(size, K) with K the
                smallest requested thread count, timed by the "seconds" it
                returns.  A module with CALIBRATE = False is never
                calibrated (no calibration record; DEFAULT_SIZE is used).
  --mode M      how the N workers of a sample run (default threads: N Python
                threads).  processes: N multiprocessing worker processes;
                interpreters: N subinterpreters (CPython 3.14+); contexts:
                N GraalPy Contexts (GraalPy worker JVM only).  Calibration,
                warm-ups, rounds and their order are the same in every mode,
                with N = the thread count; see gillab_modes.py for how each
                mode is started and timed.  A mode the interpreter lacks (or
                a measure() workload in a mode other than threads) gives one
                error record, stage "args", exception "ModeNotAvailable",
                message "mode M not available on IMPL: REASON", exit code 2.
                Ignored for probes.
  --jit-wait T  in a gillab worker JVM (Jython, GraalPy): before each timed
                sample (not calibration runs), wait until the JVM's JIT
                compiler threads are idle, at most T seconds (default 3; 0:
                never wait).  The compilers work through the driver's own
                code for minutes (GraalPy's Graal compiler is Java code
                compiled by C2) and would otherwise share the cores with
                the workload; see io.gillab.worker.JitQuiet.  Samples then
                carry "jit_wait_seconds" and "jit_busy".  Ignored elsewhere.
  --one-thread-on worker|main
                where a 1-thread sample of a run() workload runs (threads
                mode): worker (default) on a new thread like the N-thread
                samples, main on the driver's own thread, as pyperf does.
                CPython's main thread can settle in a slower mode for a whole
                process (+70% seen on 3.11) where worker threads did not, so
                the two can differ.  Calibration follows the same choice.
                1-thread samples carry "timed_on": "worker" | "main".
  --layout-seed N  randomise, reproducibly from N (an integer >= 0), what is
                cheap to randomise between processes: the order of the thread
                counts within each warm-up round (measured rounds keep their
                alternating order).  A "layout" record says what was used.
                Without it warm-ups alternate as measured rounds do.
  --path DIR    repeatable; DIR, DIR/workloads and DIR/probes are searched for
                NAME.py, in the order given, BEFORE the built-in workloads/
                and probes/ folders next to this file.  The first match wins.
  -h, --help    usage on stderr (stdout stays JSON only)

For a probe, --threads/--samples/--warmups/--size/--scaling are accepted and
ignored: probe() runs once, on the main thread.

Names are identifiers ([A-Za-z_][A-Za-z0-9_]*): the file NAME.py.  Files whose
name starts with "_" and this driver itself are never workloads.

Output
======

stdout carries JSON lines and nothing else (while a module is loaded or run,
sys.stdout points at stderr so a stray print cannot corrupt the stream).
Every line is one JSON object (ASCII, no NaN/Infinity) with "gillab": 1 and a
"record" type, flushed as soon as it is written.  Records, in order:

meta     always the first line, for every command, even when the arguments
         are bad:
         {"gillab":1,"record":"meta",
          "implementation": platform.python_implementation() ("CPython",
                            "Jython", "PyPy", "GraalVM"/"GraalPy", ...),
          "implementation_name": sys.implementation.name, or the lower-cased
                            implementation where that does not exist
                            ("cpython", "jython", "pypy", "graalpy"),
          "version": language version, platform.python_version() ("3.11.7"),
          "implementation_version": "x.y.z" of the implementation
                            (sys.pypy_version_info on PyPy, else
                            sys.implementation.version, else = version;
                            a non-final release gets a suffix: "3.14.0rc1"),
          "gil": true | false | null,
          "gil_source": "sys._is_gil_enabled" | "implementation" | null,
          "gil_disabled_build": bool(sysconfig Py_GIL_DISABLED) | null,
          "executable": sys.executable | null,
          "platform": sys.platform ("linux", "linux2", "java17.0.15"),
          "cpu_count": int | null,
          "timer": "time.perf_counter" | "java.lang.System.nanoTime"
                   | "timeit.default_timer",
          "cpu_timer": "time.process_time" | "os.times"
                   | "OperatingSystemMXBean.getProcessCpuTime" (Jython; GraalPy
                     when host access allows `import java`) | null (GraalPy
                     otherwise: its time.process_time only counts live
                     threads and goes backwards when workers end),
          "driver_version": 2 (1: before --scaling, measure(), THREADS),
          "pid": int | null}

sample   (run of a workload) one per sample, warm-ups first, "index"
         counting from 0 over warm-ups and samples together:
         {"gillab":1,"record":"sample","workload":NAME,"threads":N,"size":S,
          "scaling":"strong"|"weak","index":i,"warmup":true|false,
          "seconds":float,"cpu_seconds":float|null[,"metrics":{...}]}
         "size" is the sample's total size as given (strong: split over the
         N threads; weak: done by each of them).
         "seconds" is wall time (the clock named by meta.timer) from the
         release of the N ready threads to the return of the last join().
         "cpu_seconds" is the process CPU time (all threads) over the same
         interval by meta.cpu_timer, null where there is none; cpu/wall near
         N means the threads really ran in parallel, near 1 means they took
         turns.
         For a measure() workload "threads" is the K passed to measure(),
         "seconds" the "seconds" it returned, "cpu_seconds" the process CPU
         time over the whole measure() call (set-up included), and
         "metrics" every other key of its dict, sorted by name, each a
         number or null (e.g. {"latency_p50":..., "latency_p99":...,
         "requests":..., "requests_per_second":...}).  Only measure()
         workloads have "metrics".  With --mode other than threads a
         sample also carries "mode", and "threads" is the number of workers.
         In a gillab worker JVM (see --jit-wait) a sample also carries
         "jit_wait_seconds" (how long it waited for idle JIT compilers
         before t0) and "jit_busy" (true: they were still busy when the
         wait ran out).
         A 1-thread sample of a run() workload in threads mode carries
         "timed_on": "worker" or "main" (see --one-thread-on).

layout   (run of a workload) once, after the warm-up rounds, before the
         measured ones:
         {"gillab":1,"record":"layout","seed":N|null,
          "one_thread_on":"worker"|"main"|null (null: a measure() workload
                            or a mode other than threads, which it does
                            not apply to),
          "warmup_orders":[[threads, ...], ...]  (one list per warm-up round,
                            in the order the samples were taken),
          "env_pad_seen":int|null  (length of GILLAB_ENV_PAD, the variable
                            gillab pads each process's environment with;
                            null where os.environ cannot be read),
          "environ_bytes":int|null (size of the whole environment)}

mode     (run with --mode other than threads) once, before calibration:
         {"gillab":1,"record":"mode","mode":M,"workers":N,"how":str} --
         how the workers were started and what the timed interval covers.

calibration  (run with --min-time) after each calibration:
         {"gillab":1,"record":"calibration","workload":NAME,"size":S,
          "min_time":T,"runs":[[size, seconds], ...]}  -- every calibration
         run so far; the last record's size is the one the samples use.

probe    (run of a probe) exactly one:
         {"gillab":1,"record":"probe","probe":NAME,"result":{...}}
         "result" is the dict probe() returned.

catalogue (list) one per good module, in search order, sorted by name within
         a folder; a name found twice is listed once (the first, which wins):
         {"gillab":1,"record":"catalogue","name":NAME,"kind":KIND,
          "description":str,"prediction":str,"default_size":int|null,
          "file":absolute path,"threads":[int, ...]|null,
          "measure":bool,"calibrate":bool|null}
         "threads" is the module's THREADS (the thread counts it is meant to
         be measured with, used instead of the user's --threads), null when
         it declares none and for probes; "measure" whether it defines
         measure(size, threads) (false for probes); "calibrate" its
         CALIBRATE (default true; null for probes).

error    on any failure:
         {"gillab":1,"record":"error","stage":"args"|"load"|"run"|"check",
          "exception":type name ("SyntaxError", "ContractError",
                       "AssertionError", "NumberFormatException", ...),
          "message":str, "file":path|null, "line":int|null,
          "traceback":str ("" when there is none)}
         args:  bad command line or unknown NAME (the message names the
                problem and the valid choices); exception "ArgumentError".
         load:  the module file cannot be compiled or executed, or breaks
                the contract below ("ContractError", message lists every
                problem); file = the module, line = the failing line.
         run:   run()/measure()/probe() raised (in any worker thread: it is
                caught and reported here, not lost on a thread's stderr);
                file/line = the innermost frame in the module file, else the
                innermost frame.  Run errors also carry "index" (the sample;
                -1 during calibration) and "thread" (the worker, 0-based;
                null for a probe and for measure()).
         check: check() rejected a result (AssertionError) or raised;
                measure() raised AssertionError (it checks its own results)
                or returned something else than a dict with a numeric
                "seconds" and numeric/null metrics ("ContractError"); or a
                probe returned something that is not a JSON-serialisable
                dict.  Also carries "index" and "thread" for workloads.
         list keeps going after a broken module and lists the good ones.

end      last line, only on success: {"gillab":1,"record":"end","status":"ok"}

Exit codes: 0 success (end written); 2 args or load error (list: any broken
module); 1 run or check error.  Nothing is written after an error except,
for list, the remaining catalogue/error records.

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

The workload / probe contract
=============================

A module is a file NAME.py in a search folder.  It is compiled and executed
into a fresh module object (named "gillab_module_NAME", so a workload can
never shadow a standard module; its folder is not put on sys.path: use the
standard library only).  The driver's own __future__ flags are not inherited.
It must define:

  KIND         one of "cpu", "io", "mixed" (workloads) or "probe"
  DESCRIPTION  a one-line string
  PREDICTION   a short string: what the seed article / the literature predicts

a workload (KIND cpu, io or mixed) also:

  DEFAULT_SIZE an int > 0: units of work for one sample on one thread
  run(size)    does `size` units of work on the calling thread (size may be 0
               when S < N) and returns a result (what it prints goes to stderr)
  check(size, result)   optional; raises AssertionError when `result` is not
               what run(size) (or measure(size, K)) should return

and optionally:

  measure(size, threads)   replaces run() (which then need not exist): the
               driver calls it once per sample, on the main thread; the
               module starts (and joins) its own threads - `threads` is the
               requested count K, and may be 0.  It returns a dict with
               "seconds" (a float >= 0: the time to report) and any other
               numeric (or None) metrics; AssertionError means a wrong
               result.  When a module has both, measure() is used.
  THREADS      a non-empty list of distinct ints (>= 1; >= 0 with measure()):
               the thread counts the module is meant to be measured with;
               listed in the catalogue for the harness to use.
  CALIBRATE    True (default) or False: False skips --min-time calibration.

a probe (KIND probe) also:

  probe()      returns a JSON-serialisable dict of structured data (values,
               exception type names - never only prose); called once.

Code must run on Python 2.7 and 3.6+: no f-strings, print via the function
form with `from __future__ import print_function`, no perf_counter without
a fallback, catch Java exceptions on Jython with a bare `except:`.

Embedding: call main(argv) (returns the exit code) instead of running the
file; built-ins are found next to __file__, else next to sys.argv[0], else
in the folder named by the environment variable GILLAB_SCRIPTS.
"""
from __future__ import absolute_import, division, print_function

import collections
import gc
import json
import os
import platform
import re
import sys
import threading
import time
import traceback
import types

DRIVER_VERSION = 2
KINDS = ("cpu", "io", "mixed", "probe")
SCALINGS = ("strong", "weak")
MODES = ("threads", "processes", "interpreters", "contexts")
ONE_THREAD_ON = ("worker", "main")
# gillab sets it to a random-length string on each process (see --layout-seed)
ENV_PAD_VAR = "GILLAB_ENV_PAD"
WORKLOAD_KINDS = ("cpu", "io", "mixed")
NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
MAX_TRACEBACK_CHARS = 50000

PY2 = sys.version_info[0] == 2
IS_JYTHON = platform.python_implementation() == "Jython"
IS_GRAALPY = getattr(getattr(sys, "implementation", None), "name", "") == \
    "graalpy"

try:  # Python 2
    _STRING_TYPES = (basestring,)  # noqa: F821
    _TEXT = unicode  # noqa: F821
    _INT_TYPES = (int, long)  # noqa: F821
except NameError:  # Python 3
    _STRING_TYPES = (str,)
    _TEXT = str
    _INT_TYPES = (int,)

# The real stdout, kept before anything can replace it.
_OUT = sys.stdout

# The GraalPy worker JVM (io.gillab.worker.GraalPyEngine) puts a host object
# into the globals of __main__: the JVM's process CPU time, a wait for idle
# JIT compilers and, for --mode contexts, Contexts to run workers in.  None
# everywhere else.
_HOST = globals().get("__gillab_host__")


class ArgumentError(Exception):
    """Bad command line (stage "args")."""


class ContractError(Exception):
    """A module file that breaks the workload/probe contract (stage "load")."""


class _HelpRequested(Exception):
    pass


# --------------------------------------------------------------------------
# clocks


def _choose_clock():
    perf = getattr(time, "perf_counter", None)
    if perf is not None:
        return perf, "time.perf_counter"
    if IS_JYTHON:
        try:
            from java.lang import System  # noqa
            nano = System.nanoTime

            def java_clock():
                return nano() / 1e9

            java_clock()
            return java_clock, "java.lang.System.nanoTime"
        except:  # noqa: E722  (Java exceptions need a bare except)
            pass
    import timeit
    return timeit.default_timer, "timeit.default_timer"


def _java_process_cpu_clock(bean):
    if bean.getProcessCpuTime() < 0:
        return None, None

    def java_cpu():
        return bean.getProcessCpuTime() / 1e9

    return java_cpu, "OperatingSystemMXBean.getProcessCpuTime"


def _choose_cpu_clock():
    """Process CPU time (all threads), or (None, None)."""
    if IS_GRAALPY:
        # GraalPy's time.process_time sums the CPU time of the threads that
        # are alive: it drops (even below its start value) when worker
        # threads end, so it cannot measure a sample.  Use the JVM's process
        # CPU time: from the worker's host object, or through `import java`
        # when host access allows it, else nothing.
        if _HOST is not None:
            try:
                if float(_HOST.processCpuSeconds()) >= 0:
                    def host_cpu():
                        return float(_HOST.processCpuSeconds())
                    return host_cpu, "OperatingSystemMXBean.getProcessCpuTime"
            except:  # noqa: E722
                pass
        try:
            import java  # noqa
            factory = java.type("java.lang.management.ManagementFactory")
            return _java_process_cpu_clock(
                factory.getOperatingSystemMXBean())
        except:  # noqa: E722
            return None, None
    process_time = getattr(time, "process_time", None)
    if process_time is not None:
        try:
            process_time()
            return process_time, "time.process_time"
        except:  # noqa: E722
            pass
    if IS_JYTHON:
        try:
            from java.lang.management import ManagementFactory  # noqa
            return _java_process_cpu_clock(
                ManagementFactory.getOperatingSystemMXBean())
        except:  # noqa: E722
            return None, None
    if hasattr(os, "times"):
        try:
            os.times()

            def os_cpu():
                t = os.times()
                return t[0] + t[1]

            return os_cpu, "os.times"
        except:  # noqa: E722
            pass
    return None, None


CLOCK, CLOCK_NAME = _choose_clock()
CPU_CLOCK, CPU_CLOCK_NAME = _choose_cpu_clock()


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
        if _HOST is not None:
            wait = _HOST.awaitQuietJit
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


def jit_fields(data):
    """{"jit_wait_seconds", "jit_busy"} from the JSON io.gillab.worker
    returns (JitQuiet.Wait.json(), GillabHost.sampleContexts), or None
    when it holds no wait."""
    if data.get("jit_wait_seconds") is None:
        return None
    return {"jit_wait_seconds": float(data["jit_wait_seconds"]),
            "jit_busy": bool(data["jit_busy"])}


JIT_QUIET = _choose_jit_quiet()


# --------------------------------------------------------------------------
# output


def _text(obj):
    """Best-effort unicode text of anything (exception messages included)."""
    if isinstance(obj, bytes):
        return obj.decode("utf-8", "replace")
    if isinstance(obj, _TEXT):
        return obj
    try:
        return _TEXT(obj)
    except:  # noqa: E722
        pass
    try:
        s = str(obj)
        return s.decode("utf-8", "replace") if isinstance(s, bytes) else s
    except:  # noqa: E722
        pass
    try:
        return _text(repr(obj))
    except:  # noqa: E722
        return u"<unprintable %s object>" % type(obj).__name__


def _dumps(obj):
    return json.dumps(obj, ensure_ascii=True, allow_nan=False,
                      separators=(",", ":"))


def _record(kind, fields):
    rec = collections.OrderedDict()
    rec["gillab"] = 1
    rec["record"] = kind
    for key, value in fields:
        rec[key] = value
    return rec


def emit(kind, fields):
    line = _dumps(_record(kind, fields))
    _OUT.write(line + "\n")
    _OUT.flush()


# --------------------------------------------------------------------------
# meta


def _version_string(info):
    parts = [str(int(info[i])) for i in range(3)]
    s = ".".join(parts)
    try:
        level, serial = info[3], info[4]
        short = {"alpha": "a", "beta": "b", "candidate": "rc"}.get(level)
        if short:
            s += "%s%d" % (short, int(serial))
    except (IndexError, TypeError, ValueError):
        pass
    return s


def _safe(fn, default=None):
    try:
        return fn()
    except:  # noqa: E722
        return default


def _implementation_name(impl):
    sysimpl = getattr(sys, "implementation", None)
    if sysimpl is not None and getattr(sysimpl, "name", None):
        return str(sysimpl.name)
    return impl.lower()


def _implementation_version(version):
    pypy = getattr(sys, "pypy_version_info", None)
    if pypy is not None:
        return _version_string(pypy)
    sysimpl = getattr(sys, "implementation", None)
    if sysimpl is not None and getattr(sysimpl, "version", None) is not None:
        return _version_string(sysimpl.version)
    return version



def _gil_disabled_build():
    try:
        import sysconfig
        value = sysconfig.get_config_var("Py_GIL_DISABLED")
    except:  # noqa: E722
        return None
    if value is None:
        return None
    try:
        return bool(int(value))
    except (TypeError, ValueError):
        return None


def _cpu_count():
    count = _safe(lambda: os.cpu_count()) if hasattr(os, "cpu_count") else None
    if not count and not IS_JYTHON:
        def mp_count():
            import multiprocessing
            return multiprocessing.cpu_count()
        count = _safe(mp_count)
    if not count and IS_JYTHON:
        def java_count():
            from java.lang import Runtime  # noqa
            return Runtime.getRuntime().availableProcessors()
        count = _safe(java_count)
    return int(count) if count else None


def _pid():
    pid = _safe(os.getpid)
    if pid is None and IS_JYTHON:
        def java_pid():
            from java.lang.management import ManagementFactory  # noqa
            return int(ManagementFactory.getRuntimeMXBean().getName()
                       .split("@")[0])
        pid = _safe(java_pid)
    return pid


def _gil_state():
    # gillab_common lives beside this file; main() puts that folder on
    # sys.path first, however the driver was started.
    from gillab_common import gil_state
    return gil_state


def meta_fields():
    impl = _safe(platform.python_implementation, "unknown")
    impl = str(impl)
    name = _safe(lambda: _implementation_name(impl), impl.lower())
    version = _safe(platform.python_version) or \
        _version_string(sys.version_info)
    version = str(version)
    gil, gil_source = _safe(lambda: _gil_state()(impl, name), (None, None))
    executable = _safe(lambda: sys.executable)
    return [
        ("implementation", impl),
        ("implementation_name", name),
        ("version", version),
        ("implementation_version",
         _safe(lambda: _implementation_version(version), version)),
        ("gil", gil),
        ("gil_source", gil_source),
        ("gil_disabled_build", _gil_disabled_build()),
        ("executable", _text(executable) if executable else None),
        ("platform", _safe(lambda: str(sys.platform))),
        ("cpu_count", _cpu_count()),
        ("timer", CLOCK_NAME),
        ("cpu_timer", CPU_CLOCK_NAME),
        ("driver_version", DRIVER_VERSION),
        ("pid", _pid()),
    ]


# --------------------------------------------------------------------------
# errors


def _frame_location(tb, prefer_file=None):
    """(file, line) of the innermost frame in prefer_file, else innermost."""
    try:
        frames = traceback.extract_tb(tb)
    except:  # noqa: E722
        return None, None
    if not frames:
        return None, None
    if prefer_file:
        want = os.path.normcase(os.path.abspath(prefer_file))
        for frame in reversed(frames):
            fname = frame[0]
            if fname and os.path.normcase(os.path.abspath(fname)) == want:
                return _text(fname), int(frame[1])
    fname, line = frames[-1][0], frames[-1][1]
    return (_text(fname) if fname else None), (int(line) if line else None)


def _same_file(a, b):
    return os.path.normcase(os.path.abspath(a)) == \
        os.path.normcase(os.path.abspath(b))


def _format_traceback(exc_info):
    try:
        text = "".join(_text(s) for s in
                       traceback.format_exception(*exc_info))
    except:  # noqa: E722
        text = u""
    if len(text) > MAX_TRACEBACK_CHARS:
        text = u"...(truncated)...\n" + text[-MAX_TRACEBACK_CHARS:]
    return text


def emit_error(stage, exc_info=None, exception=None, message=None,
               file=None, line=None, extra=None):
    """Write an error record. exc_info = sys.exc_info() when there is one."""
    fields = error_fields(stage, exc_info, exception, message, file, line)
    if extra:
        fields.extend(extra)
    emit("error", fields)


def error_fields(stage, exc_info=None, exception=None, message=None,
                 file=None, line=None):
    """The fields of an error record, as a list of (key, value); also used
    by workers of other modes (processes, subinterpreters, contexts), which
    send them to the main driver as JSON."""
    tb_text = u""
    if exc_info is not None:
        etype, value, tb = exc_info
        if exception is None:
            exception = getattr(etype, "__name__", None) or _text(etype)
        if message is None:
            message = _text(value)
        if isinstance(value, SyntaxError) and \
                getattr(value, "lineno", None):
            if file is None and getattr(value, "filename", None):
                file = _text(value.filename)
            if line is None:
                line = _safe(lambda: int(value.lineno))
        if line is None:
            where_file, where_line = _frame_location(tb, prefer_file=file)
            if file is None:
                file, line = where_file, where_line
            elif where_file is not None and _same_file(where_file, file):
                line = where_line
        tb_text = _format_traceback(exc_info)
    fields = [
        ("stage", stage),
        ("exception", _text(exception or "Error")),
        ("message", _text(message if message is not None else "")),
        ("file", _text(file) if file is not None else None),
        ("line", line),
        ("traceback", tb_text),
    ]
    return fields


# --------------------------------------------------------------------------
# command line


def _int_at_least(minimum):
    def convert(text):
        import argparse
        try:
            value = int(text)
        except (TypeError, ValueError):
            raise argparse.ArgumentTypeError(
                "must be an integer >= %d, got %r" % (minimum, text))
        if value < minimum:
            raise argparse.ArgumentTypeError(
                "must be an integer >= %d, got %r" % (minimum, text))
        return value
    return convert


def _thread_counts(text):
    """'2' or '0,1,2': distinct thread counts, in the order given.

    0 is accepted here; cmd_run rejects it for workloads without measure().
    """
    import argparse
    counts = []
    for part in text.split(","):
        try:
            n = int(part)
        except (TypeError, ValueError):
            n = -1
        if n < 0:
            raise argparse.ArgumentTypeError(
                "must be a list of integers >= 0 like 1,2,4, got %r" % text)
        if n not in counts:
            counts.append(n)
    return counts


def _seconds(zero_allowed):
    """An argparse type: a number of seconds up to 3600, > 0 (or >= 0)."""
    def check(text):
        import argparse
        try:
            value = float(text)
        except (TypeError, ValueError):
            value = -1.0
        low_ok = value >= 0 if zero_allowed else value > 0
        if not low_ok or value > 3600:
            raise argparse.ArgumentTypeError(
                "must be a number of seconds %s 0, got %r"
                % (">=" if zero_allowed else ">", text))
        return value
    return check


def _usage(parser):
    return " ".join(parser.format_usage().split())


def _build_parser():
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message):
            raise ArgumentError("%s (%s)" % (message, _usage(self)))

        def exit(self, status=0, message=None):
            if message:
                sys.stderr.write(message)
            if status:
                raise ArgumentError(message or "invalid arguments")
            raise _HelpRequested()

    def add_help(p):
        p.add_argument("-h", "--help", action="store_true",
                       help="show this help on stderr")

    top = Parser(prog="driver.py", add_help=False,
                 description="gillab driver: JSON lines on stdout")
    add_help(top)
    sub = top.add_subparsers(dest="command", metavar="{run,list,info}")
    run = sub.add_parser("run", add_help=False,
                         help="run a workload or a probe")
    add_help(run)
    run.add_argument("name", metavar="NAME", nargs="?")
    run.add_argument("--threads", type=_thread_counts, default=[1],
                     metavar="N[,N...]")
    run.add_argument("--samples", type=_int_at_least(1), default=5,
                     metavar="K")
    run.add_argument("--warmups", type=_int_at_least(0), default=1,
                     metavar="W")
    run.add_argument("--size", type=_int_at_least(1), default=None,
                     metavar="S")
    run.add_argument("--min-time", type=_seconds(False), default=None,
                     metavar="SECONDS", dest="min_time")
    run.add_argument("--scaling", choices=SCALINGS, default="strong")
    run.add_argument("--mode", choices=MODES, default="threads")
    run.add_argument("--jit-wait", type=_seconds(True),
                     default=JIT_WAIT_DEFAULT, metavar="SECONDS",
                     dest="jit_wait")
    run.add_argument("--one-thread-on", choices=ONE_THREAD_ON,
                     default="worker", dest="one_thread_on")
    run.add_argument("--layout-seed", type=_int_at_least(0), default=None,
                     metavar="N", dest="layout_seed")
    run.add_argument("--path", action="append", default=[], metavar="DIR")
    lst = sub.add_parser("list", add_help=False,
                         help="list workloads and probes")
    add_help(lst)
    lst.add_argument("--path", action="append", default=[], metavar="DIR")
    info = sub.add_parser("info", add_help=False,
                          help="print the meta record only")
    add_help(info)
    return top, {"run": run, "list": lst, "info": info}


def parse_args(argv):
    top, subs = _build_parser()
    if not argv or argv[0] in ("-h", "--help"):
        if argv:
            sys.stderr.write(top.format_help())
            raise _HelpRequested()
        raise ArgumentError("missing command; choose one of run, list, info "
                            "(%s)" % _usage(top))
    args, extra = top.parse_known_args(argv)
    command = getattr(args, "command", None)
    if command not in subs:
        raise ArgumentError("missing command; choose one of run, list, info "
                            "(%s)" % _usage(top))
    if extra:
        raise ArgumentError("unrecognized arguments: %s (%s)"
                            % (" ".join(extra), _usage(subs[command])))
    if getattr(args, "help", False):
        sys.stderr.write(subs[args.command].format_help())
        raise _HelpRequested()
    if command == "run" and not args.name:
        raise ArgumentError("the following arguments are required: NAME "
                            "(%s)" % _usage(subs["run"]))
    return args


# --------------------------------------------------------------------------
# finding and loading modules


def _this_file():
    try:
        return os.path.abspath(__file__)
    except NameError:
        return None


def scripts_dir():
    here = _this_file()
    if here:
        return os.path.dirname(here)
    argv0 = sys.argv[0] if sys.argv else ""
    if argv0 and os.path.isfile(argv0):
        return os.path.dirname(os.path.abspath(argv0))
    env = os.environ.get("GILLAB_SCRIPTS")
    if env:
        return os.path.abspath(env)
    return os.path.abspath(os.getcwd())


def search_dirs(extra_paths):
    """Folders searched for NAME.py, in order, without duplicates."""
    dirs = []
    for p in extra_paths:
        if not os.path.isdir(p):
            raise ArgumentError("--path %s: not a directory" % p)
        p = os.path.abspath(p)
        dirs.extend([p, os.path.join(p, "workloads"),
                     os.path.join(p, "probes")])
    base = scripts_dir()
    dirs.extend([os.path.join(base, "workloads"),
                 os.path.join(base, "probes")])
    seen, result = set(), []
    for d in dirs:
        key = os.path.normcase(os.path.realpath(d))
        if key not in seen and os.path.isdir(d):
            seen.add(key)
            result.append(d)
    return result


def _is_driver(path):
    here = _this_file()
    return bool(here) and os.path.normcase(os.path.realpath(path)) == \
        os.path.normcase(os.path.realpath(here))


def candidates(dirs):
    """[(name, path)] of every module file, first occurrence of a name wins."""
    found, seen = [], set()
    for d in dirs:
        try:
            entries = sorted(os.listdir(d))
        except OSError:
            continue
        for entry in entries:
            if not entry.endswith(".py"):
                continue
            name = entry[:-3]
            path = os.path.join(d, entry)
            if not NAME_RE.match(name) or name.startswith("_") or \
                    not os.path.isfile(path) or _is_driver(path):
                continue
            if name not in seen:
                seen.add(name)
                found.append((name, path))
    return found


def find_module(name, dirs):
    for d in dirs:
        path = os.path.join(d, name + ".py")
        if os.path.isfile(path) and not _is_driver(path):
            return path
    return None


def _describe(value):
    return "%s %r" % (type(value).__name__, value)


def validate(module, path):
    """List of contract problems (empty when the module is fine)."""
    problems = []
    missing = object()
    kind = getattr(module, "KIND", missing)
    if kind is missing:
        problems.append("KIND is missing (must be one of %s)"
                        % ", ".join(KINDS))
        kind = None
    elif not isinstance(kind, _STRING_TYPES) or kind not in KINDS:
        problems.append("KIND must be one of %s, got %s"
                        % (", ".join(KINDS), _describe(kind)))
        kind = None
    for attr in ("DESCRIPTION", "PREDICTION"):
        value = getattr(module, attr, missing)
        if value is missing:
            problems.append("%s is missing (a one-line string)" % attr)
        elif not isinstance(value, _STRING_TYPES):
            problems.append("%s must be a string, got %s"
                            % (attr, type(value).__name__))
        elif attr == "DESCRIPTION" and ("\n" in value or not value.strip()):
            problems.append("DESCRIPTION must be one non-empty line")
    if kind == "probe":
        fn = getattr(module, "probe", missing)
        if fn is missing:
            problems.append("probe() is missing (KIND is 'probe')")
        elif not callable(fn):
            problems.append("probe must be a function, got %s"
                            % type(fn).__name__)
    elif kind in WORKLOAD_KINDS:
        fn = getattr(module, "run", missing)
        measure = getattr(module, "measure", missing)
        if fn is missing and measure is missing:
            problems.append("run(size) is missing (KIND is %r; or define "
                            "measure(size, threads))" % str(kind))
        elif fn is not missing and not callable(fn):
            problems.append("run must be a function, got %s"
                            % type(fn).__name__)
        if measure is not missing and not callable(measure):
            problems.append("measure must be a function, got %s"
                            % type(measure).__name__)
        has_measure = measure is not missing
        threads = getattr(module, "THREADS", None)
        if threads is not None:
            lowest = 0 if has_measure else 1
            if not isinstance(threads, (list, tuple)) or not threads or \
                    any(isinstance(n, bool) or not isinstance(n, _INT_TYPES)
                        or n < lowest for n in threads) or \
                    len(set(threads)) != len(threads):
                problems.append(
                    "THREADS must be a non-empty list of distinct ints >= %d"
                    "%s, got %s" % (lowest, "" if has_measure else
                                    " (0 needs measure())",
                                    _describe(threads)))
        calibrate = getattr(module, "CALIBRATE", True)
        if not isinstance(calibrate, bool):
            problems.append("CALIBRATE must be True or False, got %s"
                            % _describe(calibrate))
        size = getattr(module, "DEFAULT_SIZE", missing)
        if size is missing:
            problems.append("DEFAULT_SIZE is missing (an int > 0)")
        elif isinstance(size, bool) or not isinstance(size, _INT_TYPES) or \
                size <= 0:
            problems.append("DEFAULT_SIZE must be an int > 0, got %s"
                            % _describe(size))
        check = getattr(module, "check", None)
        if check is not None and not callable(check):
            problems.append("check must be a function, got %s"
                            % type(check).__name__)
    return problems


def load_module(name, path):
    """Compile and execute path into a fresh module; validate it.

    Raises whatever the module raises (SyntaxError, ImportError, ...) or
    ContractError.
    """
    with open(path, "rb") as handle:
        source = handle.read()
    modname = "gillab_module_" + name
    module = types.ModuleType(modname)
    module.__file__ = path
    code = compile(source, path, "exec", 0, True)
    sys.modules[modname] = module
    try:
        exec(code, module.__dict__)
        problems = validate(module, path)
        if problems:
            raise ContractError("%s breaks the gillab contract: %s"
                                % (path, "; ".join(problems)))
    except:  # noqa: E722
        sys.modules.pop(modname, None)
        raise
    return module


class _Redirect(object):
    """Send sys.stdout to stderr while module code runs."""

    def __enter__(self):
        self.saved = sys.stdout
        sys.stdout = sys.stderr
        return self

    def __exit__(self, *exc):
        sys.stdout = self.saved
        return False


def _load_or_report(name, path):
    """(module, None) or (None, True) after writing a load error."""
    try:
        with _Redirect():
            return load_module(name, path), None
    except:  # noqa: E722
        info = sys.exc_info()
        if isinstance(info[1], ContractError):
            emit_error("load", exception="ContractError",
                       message=_text(info[1]), file=os.path.abspath(path))
        else:
            emit_error("load", info, file=os.path.abspath(path))
        return None, True


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
    with _Redirect():
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
                with _Redirect():
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
        isinstance(value, _INT_TYPES + (float,))


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
                         ">= 0, got %s" % _describe(seconds))
    metrics = collections.OrderedDict()
    for key in sorted(result, key=_text):
        if key == "seconds":
            continue
        value = result[key]
        if not isinstance(key, _STRING_TYPES):
            raise ValueError("measure() metric names must be strings, "
                             "got %s" % _describe(key))
        if value is not None and (not _is_number(value) or
                                  not _finite(value)):
            raise ValueError("measure() metric %r must be a finite number "
                             "or None, got %s" % (str(key), _describe(value)))
        metrics[_text(key)] = value
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
        with _Redirect():
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
                   message=_text(sys.exc_info()[1]), file=path,
                   extra=[("index", index), ("thread", None)])
        raise _WorkloadFailed()
    check = getattr(module, "check", None)
    if check is not None:
        try:
            with _Redirect():
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


def run_probe(name, module, path):
    try:
        with _Redirect():
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
        _dumps(result)
    except:  # noqa: E722
        emit_error("check", sys.exc_info(), file=path,
                   message="probe() result is not JSON-serialisable: %s"
                   % _text(sys.exc_info()[1]))
        return 1
    emit("probe", [("probe", name), ("result", result)])
    return 0


def run_in_mode(name, module, path, args):
    """run_workload on the workers of --mode processes, interpreters or
    contexts (see gillab_modes), started before calibration."""
    import gillab_modes
    why = gillab_modes.why_unavailable(args.mode, _HOST)
    if why is None and getattr(module, "measure", None) is not None:
        why = ("mode %s not available for %s: it defines measure() and runs "
               "its own threads" % (args.mode, name))
    if why is not None:
        emit_error("args", exception=gillab_modes.NOT_AVAILABLE, message=why)
        return 2
    workers = max(args.threads) if args.threads else 1
    try:
        with _Redirect():
            executor = gillab_modes.executor(args.mode, name, path, workers,
                                             scripts_dir(), CPU_CLOCK, _HOST)
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
                   % (args.mode, _text(sys.exc_info()[1])))
        return 1
    try:
        emit("mode", executor.describe())
        return run_workload(name, module, path, args, executor)
    finally:
        with _Redirect():
            executor.close()


# --------------------------------------------------------------------------
# commands


def cmd_run(args):
    if not NAME_RE.match(args.name):
        raise ArgumentError(
            "bad NAME %r: a workload or probe name is an identifier "
            "(the file NAME.py), not a path" % args.name)
    dirs = search_dirs(args.path)
    path = find_module(args.name, dirs)
    if path is None:
        names = [n for n, _ in candidates(dirs)]
        raise ArgumentError(
            "unknown workload or probe %r; choices: %s (searched %s)"
            % (args.name, ", ".join(names) or "(none)", ", ".join(dirs)))
    path = os.path.abspath(path)
    module, failed = _load_or_report(args.name, path)
    if failed:
        return 2
    if module.KIND == "probe":
        code = run_probe(args.name, module, path)
    elif args.mode != "threads":
        code = run_in_mode(args.name, module, path, args)
    else:
        code = run_workload(args.name, module, path, args)
    if code == 0:
        emit("end", [("status", "ok")])
    return code


def cmd_list(args):
    dirs = search_dirs(args.path)
    broken = False
    for name, path in candidates(dirs):
        path = os.path.abspath(path)
        module, failed = _load_or_report(name, path)
        if failed:
            broken = True
            continue
        is_probe = module.KIND == "probe"
        threads = None if is_probe else getattr(module, "THREADS", None)
        emit("catalogue", [
            ("name", name),
            ("kind", module.KIND),
            ("description", _text(module.DESCRIPTION)),
            ("prediction", _text(module.PREDICTION)),
            ("default_size", None if is_probe else int(module.DEFAULT_SIZE)),
            ("file", _text(path)),
            ("threads", [int(n) for n in threads] if threads else None),
            ("measure", not is_probe and
             getattr(module, "measure", None) is not None),
            ("calibrate", None if is_probe else
             bool(getattr(module, "CALIBRATE", True))),
        ])
    if broken:
        return 2
    emit("end", [("status", "ok")])
    return 0


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    argv = list(argv)
    # Workloads and probes may import helpers that live beside the driver
    # (gillab_common), however the driver was started (embedded, -c, a path).
    here = scripts_dir()
    if here not in sys.path:
        sys.path.insert(0, here)
    try:
        emit("meta", meta_fields())
    except:  # noqa: E722
        # cannot even describe the interpreter: still say what happened
        emit_error("run", sys.exc_info())
        return 1
    try:
        try:
            args = parse_args(argv)
        except _HelpRequested:
            emit("end", [("status", "ok")])
            return 0
        if args.command == "info":
            emit("end", [("status", "ok")])
            return 0
        if args.command == "list":
            return cmd_list(args)
        if args.command == "run":
            return cmd_run(args)
        raise ArgumentError("missing command; choose one of run, list, info")
    except ArgumentError:
        info = sys.exc_info()
        emit_error("args", exception="ArgumentError", message=_text(info[1]))
        return 2
    except:  # noqa: E722  (a bug in the driver itself)
        emit_error("run", sys.exc_info())
        return 1


if __name__ == "__main__":
    sys.exit(main())
