#!/usr/bin/env python3
"""Records what driver.py writes for a fixed set of runs, and compares two recordings.

For a change to python-scripts/ that must not change behaviour (a refactoring): record with the old
code, record again with the new, compare.  Timings and what depends on them are masked (seconds, CPU
seconds, JIT waits, convoy latencies, pids, the environment's size, racy probe counts, id() distances);
so are the driver's own frames in tracebacks, which move when its code moves.  Everything else must be equal:
record order, keys, sizes, calibration steps, messages, exit codes.

    bench/driver-records.py record DIR [--only RUNNER,...]   # run the set, one file per run in DIR
    bench/driver-records.py compare OLD_DIR NEW_DIR          # exit 1 on a difference

Runners: py3 (python3), py27 (pyenv 2.7.18), jython and graalpy (a worker JVM, as gillab starts it;
needs ./mvnw package and JAVA_HOME), cpython:3.14 and pypy (containers, network none; skipped when
Docker or the image is missing).
"""
from __future__ import print_function

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
SCRIPTS = os.path.join(TOP, "python-scripts")
DRIVER = os.path.join(SCRIPTS, "driver.py")
FIXTURES = os.path.join(TOP, "gillab-tests", "src", "test", "resources", "fixtures")
BROKEN = os.path.join(FIXTURES, "faults", "broken")
# jitlike.py: a "JIT" 10x faster after three calls, sleep-based: calibration grows 10 -> 80, the
# warm-ups run, the re-calibration grows 80 -> 320 and the warm-ups run again (DriverCalibrationTest).
CALIBRATION = os.path.join(FIXTURES, "calibration")
PY27 = os.path.expanduser("~/.pyenv/versions/2.7.18/bin/python")

# Workloads that fail: in run(), in check(), in measure()'s contract, in probe().
FAILING = os.path.join(FIXTURES, "failing")

COUNTDOWN = ["run", "countdown", "--size", "20000", "--samples", "2", "--warmups", "1"]
ALL = ("py3", "py27", "jython", "graalpy", "cpython:3.14", "pypy")
INTERPRETERS = ("py3", "py27", "cpython:3.14", "pypy")

# (name, driver arguments, runners)
CASES = [
    ("info", ["info"], ALL),
    ("list", ["list", "--path", FAILING], ("py3", "py27", "jython", "graalpy")),
    ("probe_refcount", ["run", "refcount"], ALL),
    ("probe_runtime_facts", ["run", "runtime_facts"], ("py3", "py27", "jython")),
    ("threads_1_2", COUNTDOWN + ["--threads", "1,2"], ALL),
    ("threads_weak_seed_main", COUNTDOWN + ["--threads", "2,1", "--scaling", "weak", "--layout-seed", "7",
                                            "--one-thread-on", "main", "--warmups", "2"], ("py3", "py27", "jython")),
    ("recalibration", ["run", "jitlike", "--path", CALIBRATION, "--min-time", "0.05", "--warmups", "2",
                       "--samples", "2"], ("py3", "py27", "jython")),
    ("calibration_threads_2", ["run", "jitlike", "--path", CALIBRATION, "--min-time", "0.05", "--samples", "1",
                               "--threads", "1,2", "--warmups", "0"], ("py3", "py27")),
    ("convoy_k01", ["run", "convoy", "--threads", "0,1", "--size", "200", "--samples", "1", "--warmups", "1"],
     ("py3", "py27", "jython")),
    ("mode_processes", COUNTDOWN + ["--threads", "1,2", "--mode", "processes"], ALL),
    ("mode_interpreters", COUNTDOWN + ["--threads", "1,2", "--mode", "interpreters"], ("py3", "py27", "cpython:3.14")),
    ("mode_contexts", COUNTDOWN + ["--threads", "1,2", "--mode", "contexts"], ("py3", "py27", "graalpy")),
    ("mode_processes_raises", ["run", "raises", "--path", FAILING, "--mode", "processes", "--samples", "1"],
     ("py3", "py27", "cpython:3.14")),
    ("mode_interpreters_wrong", ["run", "wrong", "--path", FAILING, "--mode", "interpreters", "--samples", "1"],
     ("cpython:3.14",)),
    ("mode_contexts_raises", ["run", "raises", "--path", FAILING, "--mode", "contexts", "--samples", "1"],
     ("graalpy",)),
    ("mode_measure", ["run", "convoy", "--mode", "processes"], ("py3", "py27")),
    ("error_unknown", ["run", "no_such_workload"], ("py3", "py27", "jython")),
    ("error_bad_args", ["run", "countdown", "--threads", "x"], ("py3", "py27")),
    ("error_threads_0", ["run", "countdown", "--threads", "0,1"], ("py3", "py27")),
    ("error_raises", ["run", "raises", "--path", FAILING, "--threads", "2", "--samples", "1"],
     ("py3", "py27", "jython", "graalpy")),
    ("error_check", ["run", "wrong", "--path", FAILING, "--samples", "1"], ("py3", "py27", "jython")),
    ("error_measure", ["run", "bad_measure", "--path", FAILING, "--samples", "1"], ("py3", "py27")),
    ("error_probe", ["run", "probe_raises", "--path", FAILING], ("py3", "py27", "jython")),
    ("error_syntax", ["run", "syntax_error", "--path", BROKEN], ("py3", "py27", "jython")),
    ("error_contract", ["run", "bad_kind", "--path", BROKEN], ("py3", "py27")),
    ("list_broken", ["list", "--path", BROKEN], ("py3", "py27")),
]

# A batch of probes in one worker JVM (io.gillab.worker.WorkerMain --batch), as gillab runs probes.
BATCH = [["run", "refcount"], ["run", "probe_raises", "--path", FAILING], ["run", "runtime_facts"]]

IN_CONTAINER = {"scripts": "/gillab/python-scripts", "failing": "/gillab/extra/0", "broken": "/gillab/extra/1"}


# --------------------------------------------------------------------------
# recording


def java():
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", "java") if home else "java"


def worker_command(engine, args):
    # the command line's build: gillab.jar's own classes are the CLI's, the worker's are in lib/gillab-core
    lib = os.path.join(TOP, "gillab-cli", "target", "lib")
    classpath = sorted(
        os.path.join(lib, f) for f in os.listdir(lib) if f.endswith(".jar"))
    # GraalPy without the Graal compiler (interpreted): the records are the same, and it starts faster.
    return [java(), "-Xms512m", "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-cp", os.pathsep.join(classpath),
            "io.gillab.worker.WorkerMain", engine, DRIVER] + args


def image(runner):
    return "gillab/pypy:bookworm" if runner == "pypy" else "gillab/" + runner


def container_command(runner, args):
    name = image(runner)
    python = subprocess.check_output(
        ["docker", "image", "inspect", "--format", '{{index .Config.Labels "io.gillab.python"}}', name],
        universal_newlines=True).strip() or "python3"
    mapped = [a.replace(FAILING, IN_CONTAINER["failing"]).replace(BROKEN, IN_CONTAINER["broken"]) for a in args]
    return ["docker", "run", "--rm", "--network", "none", "-e", "PYTHONDONTWRITEBYTECODE=1",
            "-v", SCRIPTS + ":" + IN_CONTAINER["scripts"] + ":ro",
            "-v", FAILING + ":" + IN_CONTAINER["failing"] + ":ro",
            "-v", BROKEN + ":" + IN_CONTAINER["broken"] + ":ro",
            name, python, "-u", IN_CONTAINER["scripts"] + "/driver.py"] + mapped


def why_not(runner):
    """None when the runner can run here, else why not."""
    if runner == "py27" and not os.path.isfile(PY27):
        return PY27 + " is missing"
    if runner in ("jython", "graalpy") and not os.path.isdir(os.path.join(TOP, "gillab-cli", "target", "lib")):
        return "no gillab-cli/target/lib: run ./mvnw package first"
    if runner in ("cpython:3.14", "pypy"):
        try:
            subprocess.check_output(["docker", "image", "inspect", image(runner)], stderr=subprocess.STDOUT)
        except (OSError, subprocess.CalledProcessError):
            return "no Docker daemon or no image " + image(runner)
    return None


def command(runner, args):
    if runner == "py3":
        return [sys.executable, "-u", DRIVER] + args
    if runner == "py27":
        return [PY27, "-u", DRIVER] + args
    if runner in ("jython", "graalpy"):
        return worker_command(runner, args)
    return container_command(runner, args)


def record(out_dir, only):
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    runs = [(name, args, runner) for name, args, runners in CASES for runner in runners]
    batch_file = os.path.join(tempfile.mkdtemp(prefix="gillab-records-"), "batch.json")
    with open(batch_file, "w") as f:
        json.dump(BATCH, f)
    runs += [("batch_probes", ["--batch", batch_file], runner) for runner in ("jython", "graalpy")]
    skipped = {}
    for name, args, runner in runs:
        if only and runner not in only:
            continue
        why = why_not(runner)
        if why:
            skipped.setdefault(runner, why)
            continue
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.Popen(command(runner, args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env, cwd=TOP)
        stdout, stderr = proc.communicate()
        target = os.path.join(out_dir, "%s__%s.json" % (name, runner.replace(":", "-")))
        with open(target, "w") as f:
            json.dump({"case": name, "runner": runner, "args": args, "exit": proc.returncode,
                       "scripts": SCRIPTS, "fixtures": FIXTURES,
                       "stdout": stdout.decode("utf-8", "replace"),
                       "stderr_tail": stderr.decode("utf-8", "replace")[-2000:]}, f, indent=1)
        print("%-28s %-13s exit %d" % (name, runner, proc.returncode))
    for runner, why in sorted(skipped.items()):
        print("skipped %s: %s" % (runner, why))
    shutil.rmtree(os.path.dirname(batch_file), ignore_errors=True)


# --------------------------------------------------------------------------
# comparing

# Keys whose values depend on timing, the process or the heap's layout, wherever they stand.
MASKED_KEYS = {"seconds", "cpu_seconds", "jit_wait_seconds", "jit_busy", "pid", "environ_bytes",
               "id_diffs_alive"}  # runtime_facts: id() distances of live objects move with the heap
# Probes whose answer depends on timing or memory: compared by keys and value types only.
RACY_PROBES = {"races", "memory_reclaim", "finalization"}
_FRAME = re.compile(r'^\s*File "([^"]+)", line \d+, in .*$')


def _shape(value):
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


def _own_frames_out(text, scripts):
    """A traceback without the frames in the driver's own files (they move when its code moves)."""
    out, skip = [], False
    for line in text.splitlines():
        m = _FRAME.match(line)
        if m:
            skip = m.group(1).startswith(scripts + "/") and os.path.dirname(m.group(1)) == scripts
            if skip:
                continue
        elif skip and line.startswith("    "):
            continue  # the source line of a skipped frame
        else:
            skip = False
        out.append(line)
    return "\n".join(out)


def mask(rec, paths):
    """The record with what depends on timing, pids and places replaced by a placeholder."""
    def walk(key, value):
        if key in MASKED_KEYS:
            return "<masked>"
        if isinstance(value, dict):
            return {k: walk(k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(None, v) for v in value]
        if isinstance(value, str):
            for real, name in paths:
                value = value.replace(real, name)
        return value

    kind = rec.get("record")
    if kind == "host":
        return {"record": "host", "keys": sorted(rec)}  # the worker JVM's facts, not the driver's
    rec = walk(None, rec)
    if "traceback" in rec and isinstance(rec["traceback"], str):
        rec["traceback"] = _own_frames_out(rec["traceback"], "<scripts>")
    if kind == "error" and os.path.dirname(rec.get("file") or "") == "<scripts>":
        rec["file"], rec["line"] = "<scripts>/<driver's own file>", "<masked>"
    if kind == "sample" and "metrics" in rec:
        rec["metrics"] = {k: "<masked>" for k in rec["metrics"]}
    if kind == "calibration":
        rec["runs"] = [[size, "<masked>"] for size, _ in rec["runs"]]
    if kind == "probe" and rec.get("probe") in RACY_PROBES:
        rec["result"] = _shape(rec["result"])
    if kind == "meta":
        rec.pop("executable", None)
    return rec


def masked_records(path):
    with open(path) as f:
        run = json.load(f)
    # each recording's own places: the old and the new code may live in different clones
    paths = [(run["scripts"], "<scripts>"), (run["fixtures"], "<fixtures>")]
    paths += [(v, "<%s>" % k) for k, v in IN_CONTAINER.items()]
    records = []
    for line in run["stdout"].splitlines():
        try:
            records.append(mask(json.loads(line), paths))
        except ValueError:
            records.append({"not_json": line})
    return run["exit"], records


def compare(old_dir, new_dir):
    old, new = sorted(os.listdir(old_dir)), sorted(os.listdir(new_dir))
    differences = 0
    for missing in sorted(set(old) ^ set(new)):
        print("only in %s: %s" % (old_dir if missing in old else new_dir, missing))
        differences += 1
    records = 0
    for name in sorted(set(old) & set(new)):
        a, b = masked_records(os.path.join(old_dir, name)), masked_records(os.path.join(new_dir, name))
        records += len(b[1])
        if a == b:
            continue
        differences += 1
        print("DIFFERS %s (exit %s -> %s)" % (name, a[0], b[0]))
        for i in range(max(len(a[1]), len(b[1]))):
            ra = a[1][i] if i < len(a[1]) else None
            rb = b[1][i] if i < len(b[1]) else None
            if ra != rb:
                print("  record %d\n    old %s\n    new %s" % (i, json.dumps(ra, sort_keys=True),
                                                               json.dumps(rb, sort_keys=True)))
    print("%d runs, %d records compared, %d differ" % (len(set(old) & set(new)), records, differences))
    return 1 if differences else 0


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command")
    r = sub.add_parser("record")
    r.add_argument("dir")
    r.add_argument("--only", default="", help="runners, comma-separated (default: all)")
    c = sub.add_parser("compare")
    c.add_argument("old")
    c.add_argument("new")
    args = p.parse_args(argv)
    if args.command == "record":
        record(args.dir, [x for x in args.only.split(",") if x])
        return 0
    if args.command == "compare":
        return compare(args.old, args.new)
    p.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
