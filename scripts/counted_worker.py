"""A gunicorn gthread worker that has callgrind count each request it serves, whole.

For scripts/instructions.py `--server gunicorn`: gunicorn runs as deployed
(deploy/gunicorn.conf.py) under `valgrind --tool=callgrind --instr-atstart=no`, with this
worker class. Instrumentation goes on when the worker's event loop sees a request coming
(a new connection accepted, or a kept-alive or waiting one readable) and off when the
loop has put the connection back after the response: so a request's count holds the
event loop's share, the hand-over to a thread, HTTP parsing, the WSGI application,
writing the answer and the bookkeeping after it, and nothing of the worker's idle time.
Each request's counts are then dumped under its path (CALLGRIND_DUMP_STATS_AT), which the
harness reads; what ran for a connection without a request (a client closing its
kept-alive connection) is dumped under "-". The harness sends one request at a time.

COUNTING_LIBRARY names the tiny C library of callgrind's client requests that
scripts/instructions.py compiles.
"""

import ctypes
import os
import sys

from gunicorn.workers.gthread import ThreadWorker


class CountedThreadWorker(ThreadWorker):
    def init_process(self):
        self.client_requests = ctypes.CDLL(os.environ["COUNTING_LIBRARY"])
        self.counted_path = b"-"
        super().init_process()

    def load_wsgi(self):
        super().load_wsgi()
        # Under valgrind a second lasts a few requests; in production hundreds. The
        # generation's once-a-second read is left out, as in the in-process count.
        if generation := sys.modules.get("pagecache.generation"):  # not in the floor
            generation.SHARED_FOR = float("inf")

    def accept(self, listener):
        self.client_requests.start()
        super().accept(listener)

    def on_client_socket_readable(self, conn, client):
        self.client_requests.start()
        super().on_client_socket_readable(conn, client)

    def on_pending_socket_readable(self, conn, client):
        self.client_requests.start()
        super().on_pending_socket_readable(conn, client)

    def handle_request(self, req, conn):
        self.counted_path = (req.path + ("?" + req.query if req.query else "")).encode()
        return super().handle_request(req, conn)

    def finish_request(self, conn, fs):
        super().finish_request(conn, fs)
        self.client_requests.stop()
        self.client_requests.dump(self.counted_path)
        self.counted_path = b"-"
