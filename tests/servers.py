"""Real servers for the tests that need them: gunicorn as README deploys it, and Redis."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.test_settings import BASE_DIR, PRODUCTION


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(static_root, database_name=None, **overrides):
    """The environment of README's production setup, on this run's test database."""
    env = {**os.environ, **PRODUCTION, "STATIC_ROOT": str(static_root)}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # check --deploy refuses it, rightly
    if database_name:
        server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        env["DATABASE_URL"] = f"{server}/{database_name}"
    env.update(overrides)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        timeout=120,
    )
    return env


def answers(url, host):
    try:
        request = urllib.request.Request(url, headers={"Host": host})
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except (OSError, urllib.error.HTTPError):
        return False


@contextlib.contextmanager
def gunicorn(env, log, *options, config=None):
    """gunicorn serving the site on a free port; its base URL while the block runs.
    `config`: a configuration file (deploy/gunicorn.conf.py), which `options` override."""
    port = free_port()
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [Path(sys.executable).parent / "gunicorn", "config.wsgi"]
            + (["--config", str(config)] if config else [])
            + ["--bind", f"127.0.0.1:{port}", "--no-control-socket"]
            + list(options or ["--workers", "2", "--threads", "4", "--worker-class", "gthread"]),
            cwd=BASE_DIR,
            env=env,
            stdout=output,
            stderr=output,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        host = env["ALLOWED_HOSTS"].split(",")[0]
        while not answers(f"{base}/healthz", host):
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail(f"gunicorn did not start:\n{Path(log).read_text()[-3000:]}")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until(condition, timeout, what):
    """Poll `condition` until it holds; fail the test, saying `what`, after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out waiting for {what}")
        time.sleep(0.05)


def redis_answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class PrivateRedis:
    """A redis-server of the test's own, which it may stop and start again."""

    def __init__(self, folder):
        if not shutil.which("redis-server"):
            pytest.fail("These tests need redis-server (apt-get install redis-server).")
        self.folder, self.port, self.process = folder, free_port(), None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not redis_answers(self.port):
            if time.monotonic() > deadline:
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
        return self

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def url(self, database=0):
        return f"redis://127.0.0.1:{self.port}/{database}"
