# -*- coding: utf-8 -*-
"""Execution modes besides threads: how the N workers of one sample run.

Runs on Python 2.7 and 3.6+ (the parts a runtime lacks are reported as not
available, never imported at load time).  The measurement loop
(gillab_measure) keeps calibration, warm-ups, rounds and the interleaving of
worker counts exactly as in threads mode; only the execution of one sample
changes:

  threads       (gillab_measure itself) N Python threads in one interpreter.
  processes     multiprocessing: N worker processes ("spawn" where it exists,
                else "fork" on Python 2.7), started and loaded with the
                workload BEFORE calibration, reused for every sample.  For a
                sample the main process sends each of the N workers its size,
                waits until all N are ready (gc collected, waiting on one
                multiprocessing.Event), reads t0, sets the event and reads t1
                when the last "done" message arrived: process start-up is
                never in a measured value; one pipe message per worker is.
                cpu_seconds = the main process's CPU time over the interval
                plus each worker's own CPU time over its run().
  interpreters  CPython 3.14's concurrent.interpreters: N subinterpreters
                (each with its own GIL), created and loaded with the
                workload before calibration.  A sample is timed exactly like
                threads mode (N threads released together by one Event),
                except that thread i runs the workload in subinterpreter i
                through Interpreter.call().
  contexts      GraalPy only: N polyglot Contexts sharing one Engine, one per
                Java thread (a GIL per Context), made by the worker JVM
                (io.gillab.worker.GraalPyEngine), which exposes them to the
                driver as __gillab_host__.  Timed from Java with
                System.nanoTime from the release of N ready workers (once
                the JIT compilers are idle, see driver.py --jit-wait) to
                the end of the last; cpu_seconds is the JVM's process CPU
                time.

In every mode a worker runs run(size) with its share of the size (the same
split as threads mode) and check() runs after the timed interval.  Errors of
workers come back as the fields of an error record (JSON), emitted by the
main driver with the sample's index and the worker as "thread".

A mode a runtime lacks gives one error record, stage "args", exception
"ModeNotAvailable", message "mode M not available on IMPL: REASON" (e.g.
"mode processes not available on Jython: no multiprocessing"), exit code 2.

A worker imports this module in a fresh interpreter (a process, a
subinterpreter, a Context), which imports gillab_protocol and gillab_loader
but never the driver.
"""
from __future__ import absolute_import, division, print_function

import gc
import json
import sys
import threading

from gillab_protocol import (CLOCK, CPU_CLOCK, HOST, IS_GRAALPY, IS_JYTHON,
                             MODES, STRING_TYPES, dumps, error_fields,
                             implementation_label, jit_fields)
from gillab_loader import load_error_fields, load_module, scripts_dir

THREADS, PROCESSES, INTERPRETERS, CONTEXTS = MODES
NOT_AVAILABLE = "ModeNotAvailable"


def why_unavailable(mode):
    """None when this interpreter can run mode, else the reason, worded
    "mode M not available on IMPL: REASON"."""
    if mode == THREADS:
        return None
    reason = None
    if mode == PROCESSES:
        if IS_JYTHON:
            reason = "no multiprocessing"
        elif IS_GRAALPY:
            reason = ("its Context in the worker JVM may not create "
                      "processes (use --mode contexts)")
        else:
            try:
                import multiprocessing
                import multiprocessing.synchronize  # noqa: F401  (sem_open)
                multiprocessing.Event()
            except Exception:  # noqa: BLE001
                reason = "no working multiprocessing (%s: %s)" % (
                    type(sys.exc_info()[1]).__name__, sys.exc_info()[1])
    elif mode == INTERPRETERS:
        try:
            from concurrent import interpreters  # noqa: F401
        except Exception:  # noqa: BLE001
            reason = ("no concurrent.interpreters (CPython 3.14+ has "
                      "subinterpreters with a GIL each)")
    elif mode == CONTEXTS:
        if HOST is None:
            reason = ("contexts are GraalPy's (one polyglot Context per "
                      "worker, run by the GraalPy worker JVM)")
    else:
        reason = "unknown mode (choose one of %s)" % ", ".join(MODES)
    if reason is None:
        return None
    return "mode %s not available on %s: %s" % (mode, implementation_label(),
                                                reason)


# --------------------------------------------------------------------------
# the worker side: a child process, a subinterpreter or a GraalPy Context
# imports this module and keeps one workload loaded.

_W = {"module": None, "path": None, "result": None, "error": None}


def _error_json(stage, exc_info, path):
    return dumps(dict(error_fields(stage, exc_info, file=path)))


def worker_setup(folder):
    """Called first in a fresh interpreter: the driver's folder (its
    modules, gillab_common) on sys.path, stray prints to stderr (stdout
    carries the main driver's records)."""
    if folder and folder not in sys.path:
        sys.path.insert(0, folder)
    sys.stdout = sys.stderr
    return None


def worker_load(name, path):
    """Load the workload; None, or a load error (JSON)."""
    try:
        _W["module"] = load_module(name, path)
        _W["path"] = path
    except:  # noqa: E722
        return dumps(dict(load_error_fields(path)))
    return None


def worker_prepare():
    """Before a sample, outside the timed interval (as threads mode)."""
    gc.collect()
    _W["result"] = None
    _W["error"] = None
    return None


def worker_run(size):
    """The timed part: run(size); an exception is kept for worker_finish."""
    try:
        _W["result"] = _W["module"].run(size)
    except:  # noqa: E722  (Java exceptions on GraalPy, SystemExit, ...)
        _W["error"] = sys.exc_info()
    return None


def worker_finish(size):
    """After the timed interval: None, or the run/check error (JSON)."""
    path = _W["path"]
    if _W["error"] is not None:
        err, _W["error"] = _W["error"], None
        return _error_json("run", err, path)
    check = getattr(_W["module"], "check", None)
    if check is not None:
        try:
            check(size, _W["result"])
        except:  # noqa: E722
            return _error_json("check", sys.exc_info(), path)
    _W["result"] = None
    return None


def process_worker(conn, go, name, path, folder):
    """Body of one worker process: load, then serve samples until 'stop'."""
    worker_setup(folder)
    conn.send(("loaded", worker_load(name, path)))
    cpu = CPU_CLOCK
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg[0] != "run":
            return
        size = msg[1]
        worker_prepare()
        conn.send(("ready", None))
        go.wait()
        c0 = cpu() if cpu else None
        worker_run(size)
        c1 = cpu() if cpu else None
        conn.send(("done", (c1 - c0) if cpu else None))
        conn.send(("finished", worker_finish(size)))


# --------------------------------------------------------------------------
# the main side


class ModeError(Exception):
    """Workers could not be started or loaded; .fields is an error record's
    fields (a list of pairs) when a worker reported one."""

    def __init__(self, message, fields=None):
        Exception.__init__(self, message)
        self.fields = fields


def _fields(error):
    """Error-record fields (a list of pairs) from a worker's error: its JSON
    text, or the dict it parses to (GillabHost.sampleContexts returns each
    Context's error inside its own JSON, parsed with it)."""
    data = json.loads(error) if isinstance(error, STRING_TYPES) else error
    order = ("stage", "exception", "message", "file", "line", "traceback")
    return [(k, data.get(k)) for k in order]


class _Executor(object):
    mode = None
    description = ""

    def describe(self):
        return [("mode", self.mode), ("workers", self.workers),
                ("how", self.description)]

    def close(self):
        pass


class ProcessExecutor(_Executor):
    mode = PROCESSES

    def __init__(self, name, path, workers):
        import multiprocessing
        if hasattr(multiprocessing, "get_context"):
            self.start_method = "spawn"
            ctx = multiprocessing.get_context("spawn")
        else:
            self.start_method = "fork"
            ctx = multiprocessing
        self.description = (
            "multiprocessing (%s): one process per worker, started and "
            "loaded before calibration and reused; a sample is timed from "
            "the release of N ready processes to the last one's done "
            "message (process start-up excluded)" % self.start_method)
        self.workers = workers
        self.go = ctx.Event()
        self.procs = []
        self.conns = []
        try:
            for _ in range(workers):
                parent, child = ctx.Pipe()
                p = ctx.Process(target=process_worker,
                                args=(child, self.go, name, path,
                                      scripts_dir()))
                p.daemon = True
                p.start()
                child.close()
                self.procs.append(p)
                self.conns.append(parent)
            for conn in self.conns:
                kind, err = self._recv(conn)
                if err is not None:
                    raise ModeError("a worker process could not load %s"
                                    % name, _fields(err))
        except:  # noqa: E722
            self.close()
            raise

    def _recv(self, conn):
        try:
            return conn.recv()
        except EOFError:
            raise ModeError("a worker process exited unexpectedly")

    def sample(self, sizes, jit_wait=0):
        n = len(sizes)
        conns = self.conns[:n]
        self.go.clear()
        for conn, size in zip(conns, sizes):
            conn.send(("run", size))
        for conn in conns:
            self._recv(conn)
        c0 = CPU_CLOCK() if CPU_CLOCK else None
        t0 = CLOCK()
        self.go.set()
        worker_cpu = []
        for conn in conns:
            worker_cpu.append(self._recv(conn)[1])
        t1 = CLOCK()
        c1 = CPU_CLOCK() if CPU_CLOCK else None
        errors = []
        for conn in conns:
            err = self._recv(conn)[1]
            errors.append(_fields(err) if err is not None else None)
        cpu = None
        if c0 is not None and None not in worker_cpu:
            cpu = (c1 - c0) + sum(worker_cpu)
        return t1 - t0, cpu, errors, None  # no JIT thread: jit_wait unused

    def close(self):
        for conn in self.conns:
            try:
                conn.send(("stop", None))
                conn.close()
            except Exception:  # noqa: BLE001
                pass
        for p in self.procs:
            p.join(5)
            if p.is_alive():
                p.terminate()
        self.conns, self.procs = [], []


class InterpreterExecutor(_Executor):
    mode = INTERPRETERS

    def __init__(self, name, path, workers):
        from concurrent import interpreters
        import gillab_modes
        self.description = (
            "concurrent.interpreters: one subinterpreter (own GIL) per "
            "worker, created and loaded before calibration; a sample is "
            "timed like threads mode, thread i running the workload in "
            "subinterpreter i via Interpreter.call()")
        self.mod = gillab_modes
        self.workers = workers
        self.interps = []
        folder = scripts_dir()
        try:
            for _ in range(workers):
                interp = interpreters.create()
                self.interps.append(interp)
                # (getattr: "exec" is a keyword on Python 2.7)
                getattr(interp, "exec")("import sys\nsys.path.insert(0, %r)\n"
                                        "import gillab_modes\n" % folder)
                interp.call(gillab_modes.worker_setup, folder)
                err = interp.call(gillab_modes.worker_load, name, path)
                if err is not None:
                    raise ModeError("a subinterpreter could not load %s"
                                    % name, _fields(err))
        except:  # noqa: E722
            self.close()
            raise

    def sample(self, sizes, jit_wait=0):
        mod = self.mod
        n = len(sizes)
        for interp in self.interps[:n]:
            interp.call(mod.worker_prepare)
        state = {"ready": 0, "errors": [None] * n}
        cond = threading.Condition()
        go = threading.Event()

        def body(i):
            with cond:
                state["ready"] += 1
                cond.notify_all()
            go.wait()
            try:
                self.interps[i].call(mod.worker_run, sizes[i])
            except:  # noqa: E722
                state["errors"][i] = sys.exc_info()

        threads = [threading.Thread(target=body, args=(i,),
                                    name="gillab-worker-%d" % i)
                   for i in range(n)]
        for t in threads:
            t.daemon = True
            t.start()
        with cond:
            while state["ready"] < n:
                cond.wait()
        c0 = CPU_CLOCK() if CPU_CLOCK else None
        t0 = CLOCK()
        go.set()
        for t in threads:
            t.join()
        t1 = CLOCK()
        c1 = CPU_CLOCK() if CPU_CLOCK else None
        errors = []
        for i in range(n):
            if state["errors"][i] is not None:
                errors.append(error_fields("run", state["errors"][i]))
                continue
            err = self.interps[i].call(mod.worker_finish, sizes[i])
            errors.append(_fields(err) if err is not None else None)
        cpu = (c1 - c0) if c0 is not None else None
        return t1 - t0, cpu, errors, None  # no JIT thread: jit_wait unused

    def close(self):
        for interp in self.interps:
            try:
                interp.close()
            except Exception:  # noqa: BLE001
                pass
        self.interps = []


class ContextExecutor(_Executor):
    """The main GraalPy context's view of the worker JVM's Contexts."""
    mode = CONTEXTS

    def __init__(self, name, path, workers):
        self.description = (
            "GraalPy: one polyglot Context per worker on one shared Engine, "
            "each on its own Java thread (a GIL per Context), created and "
            "loaded before calibration; a sample is timed in Java "
            "(System.nanoTime) from the release of N ready workers to the "
            "end of the last; cpu_seconds is the JVM's process CPU time")
        self.workers = workers
        self.host = HOST
        err = HOST.prepareContexts(name, path, scripts_dir(), workers)
        if err:
            raise ModeError("a Context could not load %s" % name,
                            _fields(str(err)))

    def sample(self, sizes, jit_wait=0):
        text = self.host.sampleContexts(",".join(str(s) for s in sizes),
                                        float(jit_wait))
        data = json.loads(str(text))
        errors = [_fields(e) if e is not None else None
                  for e in data["errors"]]
        return (data["seconds"], data.get("cpu_seconds"), errors,
                jit_fields(data))

    def close(self):
        try:
            self.host.closeContexts()
        except:  # noqa: E722
            pass


def executor(mode, name, path, workers):
    """Start the workers of mode (outside any timing)."""
    if mode == PROCESSES:
        return ProcessExecutor(name, path, workers)
    if mode == INTERPRETERS:
        return InterpreterExecutor(name, path, workers)
    if mode == CONTEXTS:
        return ContextExecutor(name, path, workers)
    raise ValueError("no executor for mode %r" % mode)
