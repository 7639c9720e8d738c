# -*- coding: utf-8 -*-
"""What unsynchronised threads do to shared data.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.  Every part
is bounded by a deadline (a part cut short says so: "complete": false).

counter_*    THREADS threads each do INCREMENTS unsynchronised increments
             of one shared attribute; "lost" = increments made - final value.
             Two forms: "inplace" (`box.n += 1`) and "read_call_write"
             (`v = box.n; noop(); box.n = v + 1`: a call between the read
             and the write, where a GIL switch can happen), each with the
             runtime's default switching and with it lowered
             (sys.setswitchinterval(1e-6), or sys.setcheckinterval(1) on
             2.7; restored afterwards; "lowered_with" names what was done).
             Losses are by chance: a part that lost nothing is run again,
             up to ATTEMPTS times; "attempts" says how many ran, and the
             figures are those of the last one (the first that lost).
list_append  THREADS threads append APPENDS items each to one list:
             "lost" = expected - len(list).
list_pop     THREADS threads pop a prefilled list until it is empty:
             "duplicates" (an item popped twice), "missing" (never popped),
             "exceptions" other than the final IndexError, by type name.
dict_iteration  one thread adds and removes keys of a dict while another
             iterates over it: which exception types the iterating side saw
             (e.g. RuntimeError; Java exceptions by their class name).
"""
import sys
import threading
import time

GROUP = "behaviour probe"
ORIGIN = "gillab"
KIND = "probe"
DESCRIPTION = ("unsynchronised counter += 1 from 4 threads (lost updates, "
               "with and without a lowered switch interval), concurrent "
               "list.append/list.pop, a dict iterated while it is mutated")
PREDICTION = ("The GIL protects the interpreter's own structures, not your "
              "compound operations: list.append/pop lose nothing anywhere; "
              "counter += 1 can lose updates under a GIL when a switch "
              "falls between read and write (CPython 3.10+ switches only at "
              "calls and loop edges, so the plain form rarely loses), and "
              "loses many without one (Jython); iterating a dict that "
              "another thread resizes raises RuntimeError")
THREADS = 4
INCREMENTS = 100000
APPENDS = 50000
PART_SECONDS = 0.3
# Counter parts are repeated until one loses an update, at most this often:
# on CPython 3.13, one 4 x 100000 run in five lost nothing, with the default
# and the lowered switch interval alike.
ATTEMPTS = 5
LOWERED_INTERVAL = 1e-6


from gillab_common import clock  # noqa: E402  (python-scripts/, on sys.path via the driver)


def _type_name(exc_info):
    etype = exc_info[0]
    return getattr(etype, "__name__", None) or str(etype)


def _message(exc_info):
    try:
        return str(exc_info[1])
    except:  # noqa: E722
        return repr(exc_info[1])


def _together(target, args_for):
    """Run target(*args_for(i)) on THREADS threads released at once.

    Returns (results, {exception type: count}, seconds)."""
    go = threading.Event()
    results = [None] * THREADS
    errors = {}
    lock = threading.Lock()

    def body(i):
        go.wait()
        try:
            results[i] = target(*args_for(i))
        except:  # noqa: E722
            name = _type_name(sys.exc_info())
            with lock:
                errors[name] = errors.get(name, 0) + 1

    threads = [threading.Thread(target=body, args=(i,),
                                name="gillab-races-%d" % i)
               for i in range(THREADS)]
    for t in threads:
        t.daemon = True
        t.start()
    t0 = clock()
    go.set()
    for t in threads:
        t.join(PART_SECONDS * 10)
    return results, errors, clock() - t0


class Box(object):
    def __init__(self):
        self.n = 0


def _noop():
    pass


def _inplace(box, count, deadline):
    done = 0
    while done < count:
        box.n += 1
        done += 1
        if done & 1023 == 0 and clock() > deadline:
            break
    return done


def _read_call_write(box, count, deadline):
    done = 0
    while done < count:
        value = box.n
        _noop()
        box.n = value + 1
        done += 1
        if done & 1023 == 0 and clock() > deadline:
            break
    return done


def _counter(fn):
    """Lost updates of fn from THREADS threads, over at most ATTEMPTS
    attempts: the first attempt that loses one, or the last."""
    attempts = 0
    while True:
        attempts += 1
        part = _counter_once(fn)
        part["attempts"] = attempts
        if part["lost"] != 0 or attempts >= ATTEMPTS:
            return part


def _counter_once(fn):
    box = Box()
    deadline = clock() + PART_SECONDS
    results, errors, seconds = _together(
        fn, lambda i: (box, INCREMENTS, deadline))
    made = sum(r for r in results if r is not None)
    return {"threads": THREADS, "increments": made,
            "expected": THREADS * INCREMENTS, "final": box.n,
            "lost": made - box.n,
            "complete": made == THREADS * INCREMENTS and not errors,
            "exceptions": errors, "seconds": seconds}


def _lower_switching():
    """Lower the switch interval; returns (description, restore())."""
    setter = getattr(sys, "setswitchinterval", None)
    getter = getattr(sys, "getswitchinterval", None)
    if setter is not None and getter is not None:
        old = getter()
        try:
            setter(LOWERED_INTERVAL)
        except:  # noqa: E722
            return None, lambda: None
        return ("setswitchinterval(%g)" % LOWERED_INTERVAL,
                lambda: setter(old))
    setter = getattr(sys, "setcheckinterval", None)
    getter = getattr(sys, "getcheckinterval", None)
    if setter is not None and getter is not None:
        old = getter()
        try:
            setter(1)
        except:  # noqa: E722
            return None, lambda: None
        return "setcheckinterval(1)", lambda: setter(old)
    return None, lambda: None


def _switch_setting():
    for name in ("getswitchinterval", "getcheckinterval"):
        getter = getattr(sys, name, None)
        if getter is not None:
            try:
                return name, getter()
            except:  # noqa: E722
                pass
    return None, None


def _list_append():
    shared = []
    deadline = clock() + PART_SECONDS

    def append(count):
        done = 0
        add = shared.append
        while done < count:
            add(done)
            done += 1
            if done & 1023 == 0 and clock() > deadline:
                break
        return done

    results, errors, seconds = _together(append, lambda i: (APPENDS,))
    made = sum(r for r in results if r is not None)
    return {"threads": THREADS, "appends": made, "length": len(shared),
            "lost": made - len(shared),
            "complete": made == THREADS * APPENDS and not errors,
            "exceptions": errors, "seconds": seconds}


def _list_pop():
    total = THREADS * APPENDS
    shared = list(range(total))
    deadline = clock() + PART_SECONDS

    def pop():
        got = []
        errors = {}
        while True:
            try:
                got.append(shared.pop())
            except IndexError:
                break
            except:  # noqa: E722
                name = _type_name(sys.exc_info())
                errors[name] = errors.get(name, 0) + 1
            if len(got) & 1023 == 0 and clock() > deadline:
                break
        return got, errors

    results, errors, seconds = _together(pop, lambda i: ())
    popped = []
    for r in results:
        if r is not None:
            popped.extend(r[0])
            for name, count in r[1].items():
                errors[name] = errors.get(name, 0) + count
    distinct = set(popped)
    return {"threads": THREADS, "items": total, "popped": len(popped),
            "remaining": len(shared),
            "duplicates": len(popped) - len(distinct),
            "missing": total - len(distinct) - len(shared),
            "complete": len(shared) == 0,
            "exceptions": errors, "seconds": seconds}


def _dict_iteration():
    shared = dict((i, i) for i in range(1000))
    # a lock, not a flag, stops the mutator: GraalPy's JIT may hoist a
    # plain flag's read out of a compiled loop (see workloads/convoy.py)
    stop = threading.Lock()
    stop.acquire()
    mutations = [0]

    def mutate():
        k = 1000
        while True:
            shared[k] = k        # grows ...
            del shared[k - 1000]  # ... and shrinks: a changing key set
            k += 1
            mutations[0] += 1
            if stop.acquire(False):
                stop.release()
                break

    mutator = threading.Thread(target=mutate, name="gillab-races-mutator")
    mutator.daemon = True
    seen = {}
    first = None
    loops = 0
    clean = 0
    mutator.start()
    deadline = clock() + PART_SECONDS
    try:
        while clock() < deadline:
            loops += 1
            try:
                for key in shared:
                    pass
                clean += 1
            except:  # noqa: E722  (Java exceptions on Jython)
                info = sys.exc_info()
                name = _type_name(info)
                seen[name] = seen.get(name, 0) + 1
                if first is None:
                    first = {"exception": name, "message": _message(info)}
    finally:
        stop.release()
        mutator.join(PART_SECONDS * 10)
    return {"iterations": loops, "iterations_without_error": clean,
            "mutations": mutations[0], "exceptions": seen,
            "first_exception": first["exception"] if first else None,
            "first_message": first["message"] if first else None}


def probe():
    setting_name, setting = _switch_setting()
    result = {"threads": THREADS, "switch_setting": setting_name,
              "switch_value": setting}
    result["counter_inplace"] = _counter(_inplace)
    result["counter_read_call_write"] = _counter(_read_call_write)
    lowered_with, restore = _lower_switching()
    result["lowered_with"] = lowered_with
    try:
        if lowered_with is not None:
            result["counter_inplace_lowered"] = _counter(_inplace)
            result["counter_read_call_write_lowered"] = \
                _counter(_read_call_write)
        else:
            result["counter_inplace_lowered"] = None
            result["counter_read_call_write_lowered"] = None
    finally:
        restore()
    result["switch_value_restored"] = _switch_setting()[1]
    result["list_append"] = _list_append()
    result["list_pop"] = _list_pop()
    result["dict_iteration"] = _dict_iteration()
    return result
