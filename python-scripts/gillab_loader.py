# -*- coding: utf-8 -*-
"""Finding and loading workload and probe modules; the catalogue.

A search folder is a --path DIR, DIR/workloads or DIR/probes (in the order
given), then the built-in workloads/ and probes/ beside this file.  The
first NAME.py found wins.  Names are identifiers ([A-Za-z_][A-Za-z0-9_]*);
files whose name starts with "_" and the driver's own files are never
workloads.

The workload / probe contract
=============================

A module is a file NAME.py in a search folder.  It is compiled and executed
into a fresh module object (named "gillab_module_NAME", so a workload can
never shadow a standard module).  The driver's own __future__ flags are not
inherited.  Its folder is put first on sys.path before it runs (as Python
does for a script), so it can import a helper module beside it: `import
_helper` for _helper.py.  Name helpers with a leading "_": such files are
never taken for workloads, while any other NAME.py is, and one without KIND
is reported as broken.  `from gillab_common import clock, ...` gives the
driver's clock and a few helpers (the driver's folder is on sys.path too).
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
  ROUNDS       an int >= 1: the most measured rounds per process the
               workload needs when the run sets no --samples (the preset's
               count, if lower, is used); listed as "rounds".
  INTERPRETER_WARMUPS
               an int >= 0: the most warm-up rounds per process the
               workload needs on an interpreter without a JIT (CPython)
               when the run sets no --warmups (the runtime's count, if
               lower, is used; JIT runtimes keep theirs); listed as
               "interpreter_warmups".

any module (workload or probe) optionally, for the catalogue:

  GROUP        which part of the catalogue it belongs to: "benchmark",
               "scaling pattern", "behaviour probe" or "GIL semantics"
               (default "benchmark" for a workload, "behaviour probe" for a
               probe); listed as "group"
  ORIGIN       a short string: where the workload or question comes from,
               e.g. "CPython Tools/ftscalingbench (object_cfunction)" or
               "gillab" (the default); listed as "origin"

a probe (KIND probe) also:

  probe()      returns a JSON-serialisable dict of structured data (values,
               exception type names - never only prose), at most 512 KiB
               as JSON; called once.

Code must run on Python 2.7 and 3.6+: no f-strings, print via the function
form with `from __future__ import print_function`, no perf_counter without
a fallback, catch Java exceptions on Jython with a bare `except:`.
"""
from __future__ import absolute_import, division, print_function

import os
import re
import sys
import types

from gillab_protocol import (ArgumentError, INT_TYPES, Redirect,
                             STRING_TYPES, describe, emit, error_fields,
                             to_text)

KINDS = ("cpu", "io", "mixed", "probe")
GROUPS = ("benchmark", "scaling pattern", "behaviour probe", "GIL semantics")
WORKLOAD_KINDS = ("cpu", "io", "mixed")
NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class ContractError(Exception):
    """A module file that breaks the workload/probe contract (stage "load")."""


# --------------------------------------------------------------------------
# finding modules


def scripts_dir():
    """The driver's folder: this file's, which holds driver.py, its
    gillab_*.py modules and the built-in workloads/ and probes/."""
    return os.path.dirname(os.path.abspath(__file__))


def _same_folder(a, b):
    return os.path.normcase(os.path.realpath(a)) == \
        os.path.normcase(os.path.realpath(b))


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


def _is_own_file(path):
    """driver.py and its modules (the files beside this one) are never
    workloads, even when the driver's folder is given with --path."""
    return _same_folder(os.path.dirname(os.path.abspath(path)), scripts_dir())


def _is_built_in(path):
    folder = os.path.dirname(os.path.abspath(path))
    base = scripts_dir()
    return any(_same_folder(folder, os.path.join(base, d))
               for d in ("workloads", "probes"))


def survey(dirs, allow_shadowing=False):
    """([(name, path)] of every module file, the first of a name winning,
    [(path, problem)] of files that cannot be listed: a name that is not an
    identifier, or a --path file named like a built-in (refused unless
    allow_shadowing: the seed's claims would be judged on other code).
    Files whose names start with "_" are helper modules, never listed."""
    found, problems, seen = [], [], {}
    for d in dirs:
        try:
            entries = sorted(os.listdir(d))
        except OSError:
            continue
        for entry in entries:
            path = os.path.join(d, entry)
            if not entry.endswith(".py") or entry.startswith("_") or \
                    not os.path.isfile(path) or _is_own_file(path):
                continue
            name = entry[:-3]
            if not NAME_RE.match(name):
                problems.append((path, "file name '%s' is not a Python "
                                 "identifier, so it cannot be imported as a "
                                 "workload: rename it" % to_text(entry)))
                continue
            if name in seen:
                first = seen[name]
                if _is_built_in(path) and not _is_built_in(first) and \
                        not allow_shadowing:
                    problems.append((first, "%s has the name of the "
                                     "built-in %s: rename it, or allow it "
                                     "to replace the built-in "
                                     "(--allow-shadowing)" % (first, path)))
                    # the user's file is refused, the built-in stays
                    found[found.index((name, first))] = (name, path)
                    seen[name] = path
                continue
            seen[name] = path
            found.append((name, path))
    return found, problems


def candidates(dirs):
    """[(name, path)] of every module file that can be listed."""
    return survey(dirs)[0]


def find_module(name, dirs):
    for d in dirs:
        path = os.path.join(d, name + ".py")
        if os.path.isfile(path) and not _is_own_file(path):
            return path
    return None


def locate(name, extra_paths, allow_shadowing=False):
    """The absolute path of NAME.py; ArgumentError for a bad or unknown
    NAME, naming the valid choices. A --path file named like a built-in
    is passed over for the built-in unless allow_shadowing."""
    if not NAME_RE.match(name):
        raise ArgumentError(
            "bad NAME %r: a workload or probe name is an identifier "
            "(the file NAME.py), not a path" % name)
    dirs = search_dirs(extra_paths)
    path = find_module(name, dirs)
    if path is None:
        names = [n for n, _ in candidates(dirs)]
        raise ArgumentError(
            "unknown workload or probe %r; choices: %s (searched %s)"
            % (name, ", ".join(names) or "(none)", ", ".join(dirs)))
    if not allow_shadowing and not _is_built_in(path):
        # a --path file named like a built-in is refused (list names both
        # files): the built-in runs, as the catalogue lists it
        built_in = find_module(name, [d for d in dirs if _is_built_in(
            os.path.join(d, name + ".py"))])
        if built_in is not None:
            path = built_in
    return os.path.abspath(path)


# --------------------------------------------------------------------------
# the contract


def _optional_int_problem(module, attr, lowest):
    """What is wrong with an optional int attribute (absent is fine), or
    None: e.g. "ROUNDS must be an int >= 1, got int 0"."""
    value = getattr(module, attr, None)
    if value is None or (not isinstance(value, bool) and
                         isinstance(value, INT_TYPES) and value >= lowest):
        return None
    return "%s must be an int >= %d, got %s" % (attr, lowest,
                                                describe(value))


def validate(module, path):
    """List of contract problems (empty when the module is fine)."""
    problems = []
    missing = object()
    kind = getattr(module, "KIND", missing)
    if kind is missing:
        problems.append("KIND is missing (must be one of %s)"
                        % ", ".join(KINDS))
        kind = None
    elif not isinstance(kind, STRING_TYPES) or kind not in KINDS:
        problems.append("KIND must be one of %s, got %s"
                        % (", ".join(KINDS), describe(kind)))
        kind = None
    for attr in ("DESCRIPTION", "PREDICTION"):
        value = getattr(module, attr, missing)
        if value is missing:
            problems.append("%s is missing (a one-line string)" % attr)
        elif not isinstance(value, STRING_TYPES):
            problems.append("%s must be a string, got %s"
                            % (attr, type(value).__name__))
        elif attr == "DESCRIPTION" and ("\n" in value or not value.strip()):
            problems.append("DESCRIPTION must be one non-empty line")
    group = getattr(module, "GROUP", missing)
    if group is not missing and (not isinstance(group, STRING_TYPES) or
                                 group not in GROUPS):
        problems.append("GROUP must be one of %s, got %s"
                        % (", ".join(repr(g) for g in GROUPS),
                           describe(group)))
    origin = getattr(module, "ORIGIN", missing)
    if origin is not missing and (not isinstance(origin, STRING_TYPES) or
                                  "\n" in origin or not origin.strip()):
        problems.append("ORIGIN must be a one-line non-empty string, got %s"
                        % describe(origin))
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
                    any(isinstance(n, bool) or not isinstance(n, INT_TYPES)
                        or n < lowest for n in threads) or \
                    len(set(threads)) != len(threads):
                problems.append(
                    "THREADS must be a non-empty list of distinct ints >= %d"
                    "%s, got %s" % (lowest, "" if has_measure else
                                    " (0 needs measure())",
                                    describe(threads)))
        for attr, lowest in (("ROUNDS", 1), ("INTERPRETER_WARMUPS", 0)):
            problem = _optional_int_problem(module, attr, lowest)
            if problem:
                problems.append(problem)
        calibrate = getattr(module, "CALIBRATE", True)
        if not isinstance(calibrate, bool):
            problems.append("CALIBRATE must be True or False, got %s"
                            % describe(calibrate))
        size = getattr(module, "DEFAULT_SIZE", missing)
        if size is missing:
            problems.append("DEFAULT_SIZE is missing (an int > 0)")
        elif isinstance(size, bool) or not isinstance(size, INT_TYPES) or \
                size <= 0:
            problems.append("DEFAULT_SIZE must be an int > 0, got %s"
                            % describe(size))
        check = getattr(module, "check", None)
        if check is not None and not callable(check):
            problems.append("check must be a function, got %s"
                            % type(check).__name__)
    return problems


# --------------------------------------------------------------------------
# loading modules


def load_module(name, path):
    """Compile and execute path into a fresh module, its folder first on
    sys.path; validate it.

    Raises whatever the module raises (SyntaxError, ImportError, ...) or
    ContractError.
    """
    with open(path, "rb") as handle:
        source = handle.read()
    modname = "gillab_module_" + name
    module = types.ModuleType(modname)
    module.__file__ = path
    code = compile(source, path, "exec", 0, True)
    folder = os.path.dirname(os.path.abspath(path))
    if folder not in sys.path:
        sys.path.insert(0, folder)  # as Python does for a script
    sys.modules[modname] = module
    # Helpers it imports are not compiled into a user's folder (Jython
    # writes NAME$py.class there; the local and container runtimes already
    # run with PYTHONDONTWRITEBYTECODE).
    write_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        exec(code, module.__dict__)
        problems = validate(module, path)
        if problems:
            raise ContractError("%s breaks the gillab contract: %s"
                                % (path, "; ".join(problems)))
    except:  # noqa: E722
        sys.modules.pop(modname, None)
        raise
    finally:
        sys.dont_write_bytecode = write_bytecode
    return module


def load_error_fields(path):
    """The fields of the error record for the load error being handled
    (call it in an except block): a ContractError names every problem;
    anything else (SyntaxError, ImportError, ...) comes with its file, line
    and traceback."""
    info = sys.exc_info()
    if isinstance(info[1], ContractError):
        return error_fields("load", exception="ContractError",
                            message=to_text(info[1]), file=path)
    return error_fields("load", info, file=path)


def load_or_report(name, path):
    """(module, None) or (None, True) after writing a load error."""
    try:
        with Redirect():
            return load_module(name, path), None
    except:  # noqa: E722
        emit("error", load_error_fields(os.path.abspath(path)))
        return None, True


def _forget_folder(path):
    """Undo what loading the module at path did to the import system: its
    folder off sys.path, the helpers imported from there out of
    sys.modules.  `list` loads modules from many folders, and two of them
    may each hold a helper of the same name (two probe sets, each with its
    own _common.py)."""
    folder = os.path.dirname(os.path.abspath(path))
    if _same_folder(folder, scripts_dir()):
        return  # the driver's own modules stay
    while folder in sys.path:
        sys.path.remove(folder)
    for name, module in list(sys.modules.items()):
        where = getattr(module, "__file__", None)
        if where and os.path.dirname(os.path.abspath(where)) == folder:
            del sys.modules[name]


# --------------------------------------------------------------------------
# the catalogue


# A module's import should take well under a second; one that takes longer
# than this (a sleep, a loop at import) is named and the process ends, so
# that gillab can list the rest without it.
IMPORT_LIMIT_SECONDS = 30


def emit_catalogue(extra_paths, skip=(), allow_shadowing=False,
                   import_limit=IMPORT_LIMIT_SECONDS):
    """A catalogue record for every good module in the search folders, an
    error record for every broken one; True when none was broken. Before
    each import a "loading" record names the file: if the import ends the
    process (os._exit, a crash), gillab knows which file did it."""
    skipped = set(os.path.abspath(p) for p in skip)
    found, problems = survey(search_dirs(extra_paths), allow_shadowing)
    for path, problem in problems:
        emit("error", error_fields("load", exception="ContractError",
                                   message=problem,
                                   file=os.path.abspath(path)))
    broken = bool(problems)
    for name, path in found:
        path = os.path.abspath(path)
        if path in skipped:
            continue
        emit("loading", [("name", name), ("file", to_text(path))])
        watchdog = _import_watchdog(path, import_limit)
        try:
            module, failed = load_or_report(name, path)
        finally:
            watchdog.cancel()
        if failed:
            broken = True
        else:
            emit("catalogue", _catalogue_fields(name, path, module))
        _forget_folder(path)
    return not broken


def _import_watchdog(path, limit):
    """A timer that names the file and ends the process when its import
    hangs: nothing else can stop an import that does not return."""
    import threading

    def expire():
        emit("error", error_fields(
            "load", exception="ImportTimeout", file=to_text(path),
            message="the import did not finish within %g s" % limit))
        os._exit(3)
    timer = threading.Timer(limit, expire)
    timer.daemon = True
    timer.start()
    return timer


def _catalogue_fields(name, path, module):
    is_probe = module.KIND == "probe"
    threads = None if is_probe else getattr(module, "THREADS", None)
    return [
        ("name", name),
        ("kind", module.KIND),
        ("description", to_text(module.DESCRIPTION)),
        ("prediction", to_text(module.PREDICTION)),
        ("default_size", None if is_probe else int(module.DEFAULT_SIZE)),
        ("file", to_text(path)),
        ("threads", [int(n) for n in threads] if threads else None),
        ("measure", not is_probe and
         getattr(module, "measure", None) is not None),
        ("calibrate", None if is_probe else
         bool(getattr(module, "CALIBRATE", True))),
        ("group", to_text(getattr(module, "GROUP", None) or
                          ("behaviour probe" if is_probe else "benchmark"))),
        ("origin", to_text(getattr(module, "ORIGIN", None) or "gillab")),
        ("rounds", None if is_probe or getattr(module, "ROUNDS", None) is None
         else int(module.ROUNDS)),
        ("interpreter_warmups", None if is_probe or
         getattr(module, "INTERPRETER_WARMUPS", None) is None
         else int(module.INTERPRETER_WARMUPS)),
    ]
