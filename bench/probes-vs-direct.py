#!/usr/bin/env python3
"""Do the GIL-semantics probes answer the same through gillab as run directly?

For each of N rounds: one `./gillab run` of every gil_* probe on the given runtimes, then each probe
file run directly by the same interpreter, without gillab's driver: `PYTHONPATH=python-scripts python3
probes/gil_x.py` (a gil_* file run as a script prints probe()'s answer as JSON).  A container runtime's
direct run is a plain `docker run` of the same image with the same limits gillab's trial recorded
(network none, its CPUs and memory, read-only root, a /tmp tmpfs); `cpython-local` runs the local
interpreter gillab recorded.  Rounds interleave the two ways, so a change in the machine's load falls
on both.

Per probe part (default, lowered) it prints how many rounds saw a violation each way and a verdict:
  same           both ways gave one answer every round, and the same one
  same (varies)  the implementation is not deterministic there (either way gave both answers) and
                 the counts do not differ (two-sided Fisher exact test, p >= 0.05)
  DIFFERS        anything else
It writes everything to OUT/probes-vs-direct.json.  Exit code 1 when a part DIFFERS.

Usage: bench/probes-vs-direct.py [-n N] [-o OUT] RUNTIME...
Example: bench/probes-vs-direct.py -n 5 cpython:3.11 cpython:3.14 pypy cpython-local
"""
import argparse
import datetime
import glob
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(HERE, "python-scripts")
PARTS = ("default", "lowered")


def probe_names():
    names = [os.path.basename(p)[:-3] for p in glob.glob(os.path.join(SCRIPTS, "probes", "gil_*.py"))]
    return sorted(names)


def gillab_round(runtimes, probes, out):
    cmd = [os.path.join(HERE, "gillab"), "run", "--runtimes", ",".join(runtimes),
           "--workloads", ",".join(probes), "--out", out]
    with open(out + ".log", "w") as log:
        subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT)
    trials = {}
    path = os.path.join(out, "results.jsonl")
    if os.path.exists(path):
        for line in open(path):
            r = json.loads(line)
            trials[(r["runtime"], r["name"])] = r
    return trials


def direct_command(trial, probe):
    fork = trial["forks"][0]
    launch = fork.get("launch") or {}
    exe = fork["implementation"]["executable"]
    script = "probes/%s.py" % probe
    if launch.get("kind") == "container":
        return ["docker", "run", "--rm", "--network", "none",
                "--cpus", str(launch["cpus"]), "--memory", str(launch["memory_bytes"]),
                "--read-only", "--tmpfs", "/tmp", "-e", "PYTHONPATH=/s",
                "-v", SCRIPTS + ":/s:ro", launch["image"], exe, "/s/" + script]
    return [exe, os.path.join(SCRIPTS, script)]


def direct(trial, probe):
    cmd = direct_command(trial, probe)
    env = dict(os.environ, PYTHONPATH=SCRIPTS)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                          universal_newlines=True, timeout=120)
    if proc.returncode != 0:
        raise SystemExit("direct run failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd[:6]),
                                                             proc.stderr[-2000:]))
    answer = json.loads(proc.stdout.strip().splitlines()[-1])
    return {part: None if answer.get(part) is None else answer[part]["violated"] for part in PARTS}


def fisher_p(a, n1, b, n2):
    """Two-sided Fisher exact test of a/n1 against b/n2 (sum of tables as likely or less)."""
    k = a + b
    total = n1 + n2

    def prob(x):
        return math.comb(n1, x) * math.comb(n2, k - x) / math.comb(total, k)

    observed = prob(a)
    lo, hi = max(0, k - n2), min(k, n1)
    return min(1.0, sum(prob(x) for x in range(lo, hi + 1) if prob(x) <= observed * (1 + 1e-9)))


def verdict(through, directly):
    if None in through or None in directly:
        return "same" if set(through) == set(directly) == {None} else "DIFFERS"
    g, d = sum(through), sum(directly)
    if len(set(through)) == 1 and len(set(directly)) == 1:
        return "same" if through[0] == directly[0] else "DIFFERS"
    return "same (varies)" if fisher_p(g, len(through), d, len(directly)) >= 0.05 else "DIFFERS"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=5, help="rounds (default 5)")
    ap.add_argument("-o", help="output folder (default results/probes-vs-direct-<time>)")
    ap.add_argument("runtimes", nargs="+")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("-n takes a whole number >= 1, got %d" % args.n)
    out = args.o or os.path.join(HERE, "results", "probes-vs-direct-"
                                 + datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
    os.makedirs(out, exist_ok=True)
    probes = probe_names()
    seen = {}  # (runtime, probe, part) -> {"gillab": [...], "direct": [...]}
    for i in range(1, args.n + 1):
        print("round %d of %d: gillab" % (i, args.n), file=sys.stderr)
        trials = gillab_round(args.runtimes, probes, os.path.join(out, "run-%d" % i))
        print("round %d of %d: direct" % (i, args.n), file=sys.stderr)
        for (runtime, probe), trial in sorted(trials.items()):
            if trial.get("status") != "ok":
                raise SystemExit("%s/%s was %s in round %d: see %s" % (
                    runtime, probe, trial.get("status"), i, os.path.join(out, "run-%d.log" % i)))
            answer = direct(trial, probe)
            for part in PARTS:
                got = trial["probe"].get(part)
                cell = seen.setdefault((runtime, probe, part), {"gillab": [], "direct": []})
                cell["gillab"].append(None if got is None else got["violated"])
                cell["direct"].append(answer[part])
        if len(trials) != len(args.runtimes) * len(probes):
            raise SystemExit("round %d ran %d trials, not %d (see %s)" % (
                i, len(trials), len(args.runtimes) * len(probes), os.path.join(out, "run-%d.log" % i)))
    rows = []
    print("%-14s %-22s %-8s %-8s %-8s %s" % ("runtime", "probe", "part", "gillab", "direct", "verdict"))
    for (runtime, probe, part), cell in sorted(seen.items()):
        g, d = cell["gillab"], cell["direct"]
        v = verdict(g, d)
        count = lambda xs: "-" if None in xs else "%d/%d" % (sum(xs), len(xs))
        print("%-14s %-22s %-8s %-8s %-8s %s" % (runtime, probe, part, count(g), count(d), v))
        rows.append({"runtime": runtime, "probe": probe, "part": part, "gillab": g, "direct": d,
                     "verdict": v})
    with open(os.path.join(out, "probes-vs-direct.json"), "w") as f:
        json.dump({"rounds": args.n, "runtimes": args.runtimes, "rows": rows}, f, indent=1)
    differs = [r for r in rows if r["verdict"] == "DIFFERS"]
    print("%d parts, %d differ; %s" % (len(rows), len(differs), os.path.join(out, "probes-vs-direct.json")))
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
