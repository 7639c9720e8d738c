# -*- coding: utf-8 -*-
"""gillab driver: runs one workload or probe and prints JSON lines.

The entry point of the Python side of the measurement: it parses the
command line and hands over to the modules beside it, which it finds however
it was started (python driver.py, embedded by a gillab worker JVM, main()).
Each imports only modules below it in this list; none imports this file.

  gillab_measure   the measurement loop: samples, warm-ups, calibration,
                   the wait for an idle JIT; how a sample is timed (in its
                   docstring).
  gillab_modes     --mode processes, interpreters and contexts: the workers
                   of one sample.
  gillab_loader    finding and loading workload and probe modules, the
                   workload / probe contract (in its docstring), the
                   catalogue of `list`.
  gillab_common    helpers for workloads and probes (clock, recv_exactly...).
  gillab_protocol  the wire format: the JSON records this prints on stdout
                   (specified in its docstring), clocks, implementation
                   flags, meta and error records.

All of it runs unchanged on Python 2.7 (Jython 2.7.x, CPython 2.7) and on
Python 3.6+ (CPython, PyPy, GraalPy) and uses the standard library only.

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
                A module's folder is put first on sys.path before it loads,
                so it can import a helper beside it (`import _helper` for
                _helper.py; a file whose name starts with "_" is never a
                workload).
  -h, --help    usage on stderr (stdout stays JSON only)

For a probe, --threads/--samples/--warmups/--size/--scaling are accepted and
ignored: probe() runs once, on the main thread.

Embedding: call main(argv) (returns the exit code) instead of running the
file; built-ins and the modules above are found next to __file__, else next
to sys.argv[0], else in the folder named by the environment variable
GILLAB_SCRIPTS.
"""
from __future__ import absolute_import, division, print_function

import os
import sys


def _scripts_dir():
    """This file's folder, which holds the modules it imports."""
    try:
        return os.path.dirname(os.path.abspath(__file__))
    except NameError:  # exec'd without a __file__
        pass
    argv0 = sys.argv[0] if sys.argv else ""
    if argv0 and os.path.isfile(argv0):
        return os.path.dirname(os.path.abspath(argv0))
    env = os.environ.get("GILLAB_SCRIPTS")
    if env:
        return os.path.abspath(env)
    return os.path.abspath(os.getcwd())


# The modules beside this file (and gillab_common, which workloads and probes
# import), however the driver was started: embedded, -c, a path.
if _scripts_dir() not in sys.path:
    sys.path.insert(0, _scripts_dir())

import gillab_loader  # noqa: E402
import gillab_measure  # noqa: E402
from gillab_protocol import (ArgumentError, MODES, emit,  # noqa: E402
                             emit_error, meta_fields, to_text)
from gillab_measure import (JIT_WAIT_DEFAULT, ONE_THREAD_ON,  # noqa: E402
                            SCALINGS)


class _HelpRequested(Exception):
    pass


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
    # a file that ended an earlier list process while importing (gillab
    # names it and lists the rest without it)
    lst.add_argument("--skip", action="append", default=[], metavar="FILE")
    lst.add_argument("--import-limit", type=_seconds(False),
                     default=gillab_loader.IMPORT_LIMIT_SECONDS,
                     metavar="SECONDS", dest="import_limit")
    for p in (run, lst):
        p.add_argument("--allow-shadowing", action="store_true",
                       dest="allow_shadowing",
                       help="let a --path file replace a built-in of the "
                       "same name")
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
# commands


def cmd_run(args):
    path = gillab_loader.locate(args.name, args.path, args.allow_shadowing)
    module, failed = gillab_loader.load_or_report(args.name, path)
    if failed:
        return 2
    gillab_measure.report_thread_deaths()
    if module.KIND == "probe":
        code = gillab_measure.run_probe(args.name, module, path)
    elif args.mode != "threads":
        code = gillab_measure.run_in_mode(args.name, module, path, args)
    else:
        code = gillab_measure.run_workload(args.name, module, path, args)
    if code == 0:
        emit("end", [("status", "ok")])
    return code


def cmd_list(args):
    if not gillab_loader.emit_catalogue(args.path, args.skip,
                                        args.allow_shadowing,
                                        args.import_limit):
        return 2
    emit("end", [("status", "ok")])
    return 0


def _end_with_parent():
    """A local interpreter ends when gillab does, even when gillab is killed with SIGKILL (the worker JVMs
    watch their parent themselves). gillab names itself in GILLAB_PARENT_PID; the kernel then sends
    SIGKILL when the parent goes (Linux prctl PR_SET_PDEATHSIG; costs nothing while measuring)."""
    parent = os.environ.pop("GILLAB_PARENT_PID", None)
    if not parent or not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal
        ctypes.CDLL(None).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except Exception:  # no ctypes (a minimal build): the time limit still ends the trial
        return
    if str(os.getppid()) != parent:  # gillab was gone before the request took hold
        os._exit(143)


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    argv = list(argv)
    _end_with_parent()
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
        emit_error("args", exception="ArgumentError", message=to_text(info[1]))
        return 2
    except:  # noqa: E722  (a bug in the driver itself)
        emit_error("run", sys.exc_info())
        return 1


if __name__ == "__main__":
    sys.exit(main())
