# -*- coding: utf-8 -*-
"""I/O-bound: echo round trips over loopback TCP inside the process.

Runs on Python 2.7 and 3.6+.  See driver.py for the contract.  One echo
server (a thread accepting on 127.0.0.1, port chosen by the OS, and a
thread per connection) is started on first use and shared by every run()
call.  It stops by itself once no client has used it for IDLE_SECONDS (and
at exit), so an embedding that waits for every thread at shutdown (GraalPy's
Context.close) is not held up; the next run() starts it again.
"""
import atexit
import socket
import threading
import time

from gillab_common import recv_exactly, start_background  # noqa: E402  (python-scripts/, on sys.path via the driver)

GROUP = "benchmark"
ORIGIN = "gillab"
KIND = "io"
DESCRIPTION = ("size echo round trips of a 64-byte message over one "
               "loopback TCP connection to an echo server thread in the "
               "same process")
PREDICTION = ("I/O-bound: a thread blocked in recv() releases the GIL, so "
              "client threads overlap on every implementation; but each "
              "round trip also needs the GIL for a little Python code on "
              "both ends, so speedups stay well below N on a GIL runtime")
# ~35 ms on one thread for CPython 3.11 here (~55 us per round trip; about
# one run in five takes ~4 ms, when client and server threads share a core).
DEFAULT_SIZE = 600
MESSAGE_BYTES = 64
IDLE_SECONDS = 0.5
ACCEPT_POLL_SECONDS = 0.05

_lock = threading.Lock()
_server = {"address": None, "running": False, "stop": False,
           "clients": 0, "last_used": 0.0, "generation": 0}


def _nodelay(sock):
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except:  # noqa: E722  (Java exceptions on Jython)
        pass


def _handle(conn):
    try:
        _nodelay(conn)
        while True:
            data = conn.recv(4096)
            if not data:
                break
            conn.sendall(data)
    except (socket.error, OSError):
        pass
    finally:
        conn.close()


def _serve(listener):
    try:
        while True:
            try:
                conn, _ = listener.accept()
            except socket.timeout:
                with _lock:
                    idle = time.time() - _server["last_used"]
                    if _server["stop"] or (_server["clients"] == 0 and
                                           idle > IDLE_SECONDS):
                        _server["running"] = False
                        _server["address"] = None
                        return
                continue
            conn.settimeout(None)
            start_background(threading.Thread(target=_handle, args=(conn,),
                                              name="gillab-echo-conn"))
    finally:
        with _lock:
            _server["running"] = False
            _server["address"] = None
        listener.close()


def _stop():
    with _lock:
        _server["stop"] = True


def _acquire_server():
    """Address of a running server; counts the caller as a client."""
    with _lock:
        if not _server["running"]:
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.bind(("127.0.0.1", 0))
            listener.listen(64)
            listener.settimeout(ACCEPT_POLL_SECONDS)
            _server["address"] = listener.getsockname()
            _server["running"] = True
            _server["stop"] = False
            if _server["generation"] == 0:
                atexit.register(_stop)
            _server["generation"] += 1
            start_background(threading.Thread(target=_serve,
                                              args=(listener,),
                                              name="gillab-echo-server"))
        _server["clients"] += 1
        return _server["address"]


def _release_server():
    with _lock:
        _server["clients"] -= 1
        _server["last_used"] = time.time()


def run(size):
    """size echo round trips; returns the number of bytes echoed correctly."""
    if size <= 0:
        return 0
    address = _acquire_server()
    try:
        sock = socket.create_connection(address)
        try:
            _nodelay(sock)
            good = 0
            for i in range(size):
                message = ("%063d\n" % i).encode("ascii")
                sock.sendall(message)
                reply = recv_exactly(sock, MESSAGE_BYTES)
                if reply == message:
                    good += len(reply)
        finally:
            sock.close()
    finally:
        _release_server()
    return good


def check(size, result):
    assert result == size * MESSAGE_BYTES, \
        "%d round trips echoed %r bytes correctly, expected %d" % (
            size, result, size * MESSAGE_BYTES)
