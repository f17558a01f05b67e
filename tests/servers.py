"""Real servers for the tests that need them (scripts/servers.py starts them): gunicorn as
README deploys it, a private Redis, nginx in front; a server that does not start fails the
test with what it said."""

import contextlib
import os
import subprocess
import sys
import time

import pytest

from scripts import servers
from scripts.servers import answers, free_port, redis_answers  # noqa: F401 (for the tests)
from tests.test_settings import BASE_DIR, PRODUCTION


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


@contextlib.contextmanager
def gunicorn(env, log, *options, config=None):
    """gunicorn serving the site on a free port; its base URL while the block runs.
    `config`: a configuration file (deploy/gunicorn.conf.py), which `options` override."""
    with started(servers.gunicorn(env, log, options, config=config)) as base:
        yield base


@contextlib.contextmanager
def nginx(folder, upstreams, **options):
    """nginx configured as deploy/nginx.conf, in front of `upstreams`; its base URL."""
    with started(servers.nginx(folder, upstreams, **options)) as base:
        yield base


class PrivateRedis(servers.PrivateRedis):
    """A redis-server of the test's own, which it may stop and start again."""

    def __init__(self, folder):
        try:
            super().__init__(folder)
        except servers.ServerDidNotStart as error:
            pytest.fail(str(error), pytrace=False)

    def start(self):
        try:
            return super().start()
        except servers.ServerDidNotStart as error:
            pytest.fail(str(error), pytrace=False)


@contextlib.contextmanager
def started(server):
    """Enter `server`'s context, failing the test (not erroring) when it does not start."""
    try:
        base = server.__enter__()
    except servers.ServerDidNotStart as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield base
    finally:
        server.__exit__(None, None, None)


def wait_until(condition, timeout, what):
    """Poll `condition` until it holds; fail the test, saying `what`, after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out waiting for {what}")
        time.sleep(0.05)
