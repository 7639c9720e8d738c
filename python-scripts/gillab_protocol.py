# -*- coding: utf-8 -*-
"""gillab's wire format, and what every part of the Python side shares.

The driver (driver.py) talks to gillab through its stdout only: JSON lines,
specified below.  This module writes them, and holds what the driver, the
measurement loop (gillab_measure), the module loader (gillab_loader), the
other execution modes (gillab_modes) and the workloads (through
gillab_common) all need: the clocks, the implementation flags, the host
object of a gillab worker JVM, the meta and error records.  It is a leaf: it
imports the standard library only, never another gillab module.

Runs on Python 2.7 (Jython 2.7.x, CPython 2.7) and 3.6+ (CPython, PyPy,
GraalPy).

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
         "result" is the dict probe() returned; as JSON it is at most
         MAX_PROBE_RESULT_BYTES (512 KiB: a probe answers a question, it does
         not return data), else an error record names the size instead.

catalogue (list) one per good module, in search order, sorted by name within
         a folder; a name found twice is listed once (the first, which wins):
         {"gillab":1,"record":"catalogue","name":NAME,"kind":KIND,
          "description":str,"prediction":str,"default_size":int|null,
          "file":absolute path,"threads":[int, ...]|null,
          "measure":bool,"calibrate":bool|null,"group":str,"origin":str}
         "threads" is the module's THREADS (the thread counts it is meant to
         be measured with, used instead of the user's --threads), null when
         it declares none and for probes; "measure" whether it defines
         measure(size, threads) (false for probes); "calibrate" its
         CALIBRATE (default true; null for probes); "group" its GROUP (one
         of "benchmark", "scaling pattern", "behaviour probe", "GIL
         semantics"; default "benchmark" for workloads, "behaviour probe"
         for probes); "origin" its ORIGIN (where it comes from; default
         "gillab").

error    on any failure:
         {"gillab":1,"record":"error",
          "stage":"args"|"load"|"run"|"check"|"thread",
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
         thread: a thread the workload started itself died of an uncaught
                exception (its share of the work is missing); "thread" is the
                thread's name. The run goes on; gillab fails the trial. Only
                this record says so: text a workload prints is never read.
         list keeps going after a broken module and lists the good ones.

end      last line, only on success: {"gillab":1,"record":"end","status":"ok"}

Exit codes: 0 success (end written); 2 args or load error (list: any broken
module); 1 run or check error.  Nothing is written after an error except,
for list, the remaining catalogue/error records.
"""
from __future__ import absolute_import, division, print_function

import collections
import json
import os
import platform
import sys
import threading
import time
import traceback


DRIVER_VERSION = 2
# The execution modes of --mode; a sample in a mode other than threads
# carries its name as "mode" (see gillab_modes).
MODES = ("threads", "processes", "interpreters", "contexts")
MAX_TRACEBACK_CHARS = 50000
# An error record formats only the innermost frames of its traceback: after a
# RecursionError with the limit lifted (10**6 frames) formatting them all took
# CPython 3.11 about 40 s, and MAX_TRACEBACK_CHARS kept only the tail anyway.
MAX_TRACEBACK_FRAMES = 200
# gillab reads a record line of up to 1 MiB; a probe's answer stays well inside it
MAX_PROBE_RESULT_BYTES = 512 * 1024

IS_JYTHON = platform.python_implementation() == "Jython"
IS_GRAALPY = getattr(getattr(sys, "implementation", None), "name", "") == \
    "graalpy"

try:  # Python 2
    STRING_TYPES = (basestring,)  # noqa: F821
    TEXT_TYPE = unicode  # noqa: F821
    INT_TYPES = (int, long)  # noqa: F821
except NameError:  # Python 3
    STRING_TYPES = (str,)
    TEXT_TYPE = str
    INT_TYPES = (int,)

# The real stdout, kept before anything can replace it (the driver imports
# this module first thing).
_OUT = sys.stdout
_EMIT_LOCK = threading.Lock()


def _gillab_host():
    """The GraalPy worker JVM (io.gillab.worker.GraalPyEngine) puts a host
    object into the globals of __main__ (the driver): the JVM's process CPU
    time, a wait for idle JIT compilers and, for --mode contexts, Contexts
    to run workers in.  None everywhere else."""
    main = sys.modules.get("__main__")
    return getattr(main, "__gillab_host__", None) if main is not None \
        else None


HOST = _gillab_host()


class ArgumentError(Exception):
    """Bad command line or unknown NAME (stage "args")."""


class Redirect(object):
    """Send sys.stdout to stderr while module code runs: stdout carries
    the records and nothing else."""

    def __enter__(self):
        self.saved = sys.stdout
        sys.stdout = sys.stderr
        return self

    def __exit__(self, *exc):
        sys.stdout = self.saved
        return False


# --------------------------------------------------------------------------
# clocks
#
# One clock for everything, chosen once at start-up, and one for process CPU
# time; meta names both ("timer", "cpu_timer").


def _choose_clock():
    """time.perf_counter where it exists; on Jython java.lang.System.nanoTime
    (time.time there has millisecond steps); else timeit.default_timer
    (CPython 2.7)."""
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
        if HOST is not None:
            try:
                if float(HOST.processCpuSeconds()) >= 0:
                    def host_cpu():
                        return float(HOST.processCpuSeconds())
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


def jit_fields(data):
    """{"jit_wait_seconds", "jit_busy"} of a sample, from the JSON
    io.gillab.worker returns (JitQuiet.Wait.json(),
    GillabHost.sampleContexts), or None when it holds no wait."""
    if data.get("jit_wait_seconds") is None:
        return None
    return {"jit_wait_seconds": float(data["jit_wait_seconds"]),
            "jit_busy": bool(data["jit_busy"])}


# --------------------------------------------------------------------------
# output


def to_text(obj):
    """Best-effort unicode text of anything (exception messages included)."""
    if isinstance(obj, bytes):
        return obj.decode("utf-8", "replace")
    if isinstance(obj, TEXT_TYPE):
        return obj
    try:
        return TEXT_TYPE(obj)
    except:  # noqa: E722
        pass
    try:
        s = str(obj)
        return s.decode("utf-8", "replace") if isinstance(s, bytes) else s
    except:  # noqa: E722
        pass
    try:
        return to_text(repr(obj))
    except:  # noqa: E722
        return u"<unprintable %s object>" % type(obj).__name__


def describe(value):
    """A value named with its type, for messages: "int 0", "list [1]"."""
    return "%s %r" % (type(value).__name__, value)


def dumps(obj):
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
    line = dumps(_record(kind, fields))
    with _EMIT_LOCK:  # a workload thread may report while the main one does
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


def gil_state(impl, name):
    """(gil on?, how we know): sys._is_gil_enabled() where it exists, else
    what the implementation is known to do; (None, None) when unknown.
    impl is platform.python_implementation(), name sys.implementation.name."""
    probe = getattr(sys, "_is_gil_enabled", None)
    if probe is not None:
        try:
            return bool(probe()), "sys._is_gil_enabled"
        except:  # noqa: E722
            pass
    key = (name or "").lower()
    if key in ("jython", "ironpython") or impl in ("Jython", "IronPython"):
        return False, "implementation"
    if key in ("cpython", "pypy", "graalpy", "graalpython") or \
            impl in ("CPython", "PyPy", "GraalVM", "GraalPy"):
        return True, "implementation"
    return None, None


def implementation_label():
    """'Jython', 'CPython 3.11.2', 'PyPy 7.3.11 (Python 3.9.16)', 'GraalPy'."""
    impl = platform.python_implementation()
    if IS_JYTHON:
        return "Jython"
    if IS_GRAALPY or impl == "GraalVM":
        return "GraalPy"
    version = platform.python_version()
    pypy = getattr(sys, "pypy_version_info", None)
    if pypy is not None:
        return "PyPy %d.%d.%d (Python %s)" % (pypy[0], pypy[1], pypy[2],
                                              version)
    return "%s %s" % (impl, version)


def meta_fields():
    impl = _safe(platform.python_implementation, "unknown")
    impl = str(impl)
    name = _safe(lambda: _implementation_name(impl), impl.lower())
    version = _safe(platform.python_version) or \
        _version_string(sys.version_info)
    version = str(version)
    gil, gil_source = _safe(lambda: gil_state(impl, name), (None, None))
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
        ("executable", to_text(executable) if executable else None),
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
    """(file, line) of the innermost frame in prefer_file, else innermost.

    Walks the traceback's own links (file and line of each entry, as
    traceback.extract_tb gives them) without reading source lines, so that
    a traceback of 10**6 frames costs a fraction of a second."""
    try:
        want = None
        if prefer_file:
            want = os.path.normcase(os.path.abspath(prefer_file))
        same = {}
        found = None
        last = None
        while tb is not None:
            fname = tb.tb_frame.f_code.co_filename
            last = (fname, tb.tb_lineno)
            if want is not None and fname:
                hit = same.get(fname)
                if hit is None:
                    hit = os.path.normcase(os.path.abspath(fname)) == want
                    same[fname] = hit
                if hit:
                    found = last
            tb = tb.tb_next
    except:  # noqa: E722
        return None, None
    if found is not None:
        return to_text(found[0]), int(found[1])
    if last is None:
        return None, None
    fname, line = last
    return (to_text(fname) if fname else None), (int(line) if line else None)


def _traceback_tail(tb, keep):
    """(the entry keep entries before the innermost, how many are skipped)."""
    depth = 0
    t = tb
    while t is not None:
        depth += 1
        t = t.tb_next
    skipped = max(0, depth - keep)
    for _ in range(skipped):
        tb = tb.tb_next
    return tb, skipped


def _same_file(a, b):
    return os.path.normcase(os.path.abspath(a)) == \
        os.path.normcase(os.path.abspath(b))


def _format_traceback(exc_info):
    try:
        etype, value, tb = exc_info
        tb, skipped = _traceback_tail(tb, MAX_TRACEBACK_FRAMES)
        text = "".join(to_text(s) for s in
                       traceback.format_exception(etype, value, tb))
        if skipped:
            text = u"...(%d outer frames omitted)...\n%s" % (skipped, text)
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
            exception = getattr(etype, "__name__", None) or to_text(etype)
        if message is None:
            message = to_text(value)
        if isinstance(value, SyntaxError) and \
                getattr(value, "lineno", None):
            if file is None and getattr(value, "filename", None):
                file = to_text(value.filename)
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
        ("exception", to_text(exception or "Error")),
        ("message", to_text(message if message is not None else "")),
        ("file", to_text(file) if file is not None else None),
        ("line", line),
        ("traceback", tb_text),
    ]
    return fields

