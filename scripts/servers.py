"""Real servers started for a while: gunicorn as deployed, a private Redis, nginx in front.

One way to start each, for the benchmark (scripts/bench.py) and for the tests that need
real servers (tests/servers.py wraps these for pytest). Every server listens on a free
port of 127.0.0.1 and is stopped when its `with` block ends; nothing here touches the
machine's own Redis or nginx.
"""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
GUNICORN_CONFIG = BASE_DIR / "deploy" / "gunicorn.conf.py"


class ServerDidNotStart(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url, host=None):
    """Whether `url` answers 200 (as `host`, for ALLOWED_HOSTS)."""
    try:
        request = urllib.request.Request(url, headers={"Host": host} if host else {})
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except (OSError, urllib.error.HTTPError):
        return False


def wait_for(condition, timeout, failure):
    """Poll `condition` until it holds; ServerDidNotStart(failure()) after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise ServerDidNotStart(failure())
        time.sleep(0.1)


def on_first_core(command):
    """`command` pinned to CPU core 0 where there are two, so a load tool can have core 1."""
    if shutil.which("taskset") and len(os.sched_getaffinity(0)) >= 2:
        return ["taskset", "--cpu-list", "0", *command]
    return command


@contextlib.contextmanager
def gunicorn(
    env, log, options=(), *, config=None, pinned=False, timeout=30, app="config.wsgi", under=()
):
    """gunicorn serving the site (or another WSGI `app`) with the environment `env` on a
    free port; its base URL while the block runs. `config`: a configuration file
    (deploy/gunicorn.conf.py), which `options` override; without either, README's command
    line (2 workers × 4 threads). `under`: a command that runs gunicorn (valgrind …);
    `timeout` is then also how long it may take to stop."""
    port = free_port()
    command = [*under, str(Path(sys.executable).parent / "gunicorn"), app]
    command += ["--config", str(config)] if config else []
    command += ["--bind", f"127.0.0.1:{port}", "--no-control-socket"]
    if not config and not options:
        options = ["--workers", "2", "--threads", "4", "--worker-class", "gthread"]
    command += list(options)
    with open(log, "wb") as output:
        server = subprocess.Popen(
            on_first_core(command) if pinned else command,
            cwd=BASE_DIR,
            env=env,
            stdout=output,
            stderr=output,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        host = env["ALLOWED_HOSTS"].split(",")[0]
        wait_for(
            lambda: answers(f"{base}/healthz", host) or server.poll() is not None,
            timeout,
            lambda: f"gunicorn did not start:\n{Path(log).read_text()[-3000:]}",
        )
        if server.poll() is not None:
            raise ServerDidNotStart(f"gunicorn stopped:\n{Path(log).read_text()[-3000:]}")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=max(30, timeout))


def redis_answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class PrivateRedis:
    """A redis-server of our own on a free port, which we may stop, start and empty."""

    def __init__(self, folder):
        if not shutil.which("redis-server"):
            raise ServerDidNotStart("redis-server is needed (apt-get install redis-server).")
        self.folder, self.port, self.process = folder, free_port(), None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )
        wait_for(lambda: redis_answers(self.port), 10, lambda: "redis-server did not start")
        return self

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def flush(self):
        """Empty it: it is ours, so nobody else's data goes."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as conn:
            conn.sendall(b"FLUSHALL\r\n")
            conn.recv(100)

    def url(self, database=0):
        return f"redis://127.0.0.1:{self.port}/{database}"


@contextlib.contextmanager
def nginx(folder, upstreams, *, static_root=None, media_root=None, pinned=False, https=False):
    """nginx as deploy/nginx.conf sets it up (its upstream options and `location /` block,
    verbatim), over plain HTTP on a free port, in front of the base URLs `upstreams`; its
    base URL while the block runs. `static_root`: a folder it serves at /static-copy/;
    `media_root`: a folder it serves at /media/ with the documented `location /media/` block.
    `https`: stand in for the HTTPS server block, telling the app its requests came by
    HTTPS (as production settings expect), without a certificate."""
    if not shutil.which("nginx"):
        raise ServerDidNotStart("nginx is needed (apt-get install nginx).")
    documented = (BASE_DIR / "deploy" / "nginx.conf").read_text()
    start = documented.index("    location / {")
    location = documented[start : documented.index("\n    }\n", start) + 6]
    if https:
        location = location.replace("$scheme", "https")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    temp = " ".join(
        f"{kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    servers = " ".join(f"server {urlsplit(upstream).netloc} max_fails=0;" for upstream in upstreams)
    static = f"location /static-copy/ {{ alias {static_root}/; }}\n" if static_root else ""
    if media_root:
        start = documented.index("    location /media/ {")
        media = documented[start : documented.index("\n    }\n", start) + 6]
        static += re.sub(r"alias [^;]+;", f"alias {media_root}/;", media) + "\n"
    conf = folder / "nginx.conf"
    conf.write_text(
        f"worker_processes 1; daemon off; pid {folder / 'nginx.pid'};\n"
        # As root, nginx's workers would run as nobody, who cannot write to our folder.
        + ("user root;\n" if os.geteuid() == 0 else "")
        + f"error_log {folder / 'error.log'};\n"
        "events { worker_connections 1024; }\n"
        f"http {{ access_log off; {temp}\n"
        f"upstream vestis {{ {servers} keepalive 32; }}\n"
        f"proxy_cache_path {folder / 'cache'} levels=1:2 keys_zone=vestis:10m "
        "max_size=200m inactive=10m use_temp_path=off;\n"
        f"server {{ listen 127.0.0.1:{port};\n{static}{location}\n}} }}\n"
    )
    command = ["nginx", "-c", str(conf), "-p", str(folder)]
    process = subprocess.Popen(on_first_core(command) if pinned else command)
    base = f"http://127.0.0.1:{port}"
    try:

        def listening():
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                return True
            return process.poll() is not None

        wait_for(listening, 10, lambda: f"nginx did not start; see {folder / 'error.log'}")
        if process.poll() is not None:
            raise ServerDidNotStart((folder / "error.log").read_text()[-2000:])
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
