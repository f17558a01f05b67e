"""PostgreSQL restarted while readers browse and vote (issue 8): the site answers errors for a
moment, then recovers by itself, and no vote it accepted is lost.

The machine's shared PostgreSQL is left alone: the site runs, as README deploys it (gunicorn,
two gthread workers, persistent connections), on a throwaway cluster made here with the
PostgreSQL binaries that scripts/database.py finds, which is then restarted under load.
Four readers keep loading the front page and voting, each vote from a new browser and
address; every request is timed and kept. A vote answered 200 must be in the database; a
vote answered with an error may or may not be (the commit can beat the failure).
"""

import http.cookies
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.utils.crypto import salted_hmac

from scripts.database import postgres_binaries
from tests.servers import free_port, gunicorn
from tests.test_settings import BASE_DIR, PRODUCTION

READERS = 4
# How the app processes hold their connections: the default (persistent connections with
# health checks), and a pool in each process (README: "Growing past one machine").
CONNECTIONS = {
    "persistent": {"CONN_MAX_AGE": "60", "DATABASE_POOL_SIZE": "0"},
    "pool": {"DATABASE_POOL_SIZE": "4"},
}
NOT_INHERITED = {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "CONN_MAX_AGE", "DATABASE_POOL_SIZE"}
# The longest the site may answer errors around one restart (seconds), and how many
# requests started after it must then all succeed.
OUTAGE_LIMIT = 10.0
REQUESTS_AFTER = 80
HOST = "news.example.lv"
BROWSER_HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https"}
SETUP = """
import json, sys, django
django.setup()
from django.core.management import call_command
from tests.polls.factories import make_poll
call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
polls = {}
for connections in sys.argv[1:]:
    for case in ("fast", "immediate", "idle"):
        poll = make_poll(slug=f"restart-{connections}-{case}", choices=["Jā", "Nē"])
        choices = [choice.pk for choice in poll.choices.all()]
        poll_data = {"pk": poll.pk, "slug": poll.slug, "choices": choices}
        polls.setdefault(connections, {})[case] = poll_data
print(json.dumps(polls))
"""


class Cluster:
    """A private PostgreSQL cluster in a temporary folder, owned by `postgres` under root
    (PostgreSQL refuses to run as root)."""

    def __init__(self, bindir, folder):
        self.bindir = bindir
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "server.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/vestis"
        self.environment = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
        self.environment |= PRODUCTION | {
            "DATABASE_URL": self.url,
            "STATIC_ROOT": str(folder / "static"),
            "TRUSTED_PROXY_COUNT": "1",  # behind nginx: each reader has an address of its own
        }
        self.polls = {}
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")

    def run(self, program, *args):
        command = [str(self.bindir / program), *map(str, args)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"{program} failed: {result.stdout}{result.stderr}"

    def start(self):
        # --no-sync: initdb's own files only; the server itself runs with fsync on.
        self.run(
            "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"
        )
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self.run("pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w", "start")
        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE vestis")

    def restart(self, mode):
        """`pg_ctl restart`: fast ends every session; immediate is a crash, then recovery.
        The server's output goes to the log: on an inherited pipe, run() would wait for it."""
        self.run("pg_ctl", "-D", self.data, "-l", self.log, "-m", mode, "-w", "restart")

    def postmaster_pid(self):
        return (self.data / "postmaster.pid").read_text().split()[0]

    def stop(self):
        self.run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")


@dataclass
class Site:
    base: str
    cluster: Cluster
    polls: dict


@pytest.fixture(scope="module")
def cluster():
    """The throwaway cluster with the site's database migrated, static files collected and
    an open poll for each test."""
    bindir = postgres_binaries()
    if bindir is None:
        pytest.fail(
            "PostgreSQL's initdb and pg_ctl were not found (Debian: apt-get install "
            "postgresql); the restart test needs a cluster of its own.",
            pytrace=False,
        )
    folder = Path(tempfile.mkdtemp(prefix="vestis-restart-"))
    cluster = Cluster(bindir, folder)
    try:
        cluster.start()
        setup = subprocess.run(
            [sys.executable, "-c", SETUP, *CONNECTIONS],
            cwd=BASE_DIR,
            env=cluster.environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert setup.returncode == 0, setup.stderr
        cluster.polls = json.loads(setup.stdout)
        yield cluster
    finally:
        if (cluster.data / "postmaster.pid").exists():
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module", params=CONNECTIONS)
def site(request, cluster):
    """gunicorn as README deploys it, holding its connections one way or the other."""
    log = cluster.folder / f"gunicorn-{request.param}.log"
    with gunicorn(cluster.environment | CONNECTIONS[request.param], log) as base:
        yield Site(base, cluster, cluster.polls[request.param])


def request(url, data=None, **headers):
    """(status, headers, body); status 0 when no HTTP answer came at all."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    prepared = urllib.request.Request(url, data=body, headers={**BROWSER_HEADERS, **headers})
    try:
        with urllib.request.urlopen(prepared, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
    except OSError:
        return 0, {}, b""


@dataclass
class Request:
    kind: str
    started: float
    ended: float
    status: int
    address: str = ""

    @property
    def ok(self):
        return 200 <= self.status < 300


class Readers:
    """Readers who load the front page and vote, each vote as a new browser and address,
    the way polls.js votes: a form post asking for JSON, with the token from poll_state."""

    def __init__(self, site, poll, first_address, csrf=None):
        self.site = site
        self.poll = poll
        self.requests = []
        numbers = itertools.count(first_address)
        self.addresses = (f"10.{n // 65536}.{n // 256 % 256}.{n % 256}" for n in numbers)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.csrf = csrf or self.fetch_csrf()
        self.threads = [threading.Thread(target=self.read_and_vote) for _ in range(READERS)]

    def fetch_csrf(self):
        """(token, cookie): one pair serves every vote (a new voter is a missing voter cookie)."""
        status, headers, body = request(f"{self.site.base}/aptaujas/{self.poll['slug']}/stavoklis/")
        assert status == 200, body
        cookie = http.cookies.SimpleCookie(headers["Set-Cookie"])["csrftoken"].value
        return json.loads(body)["csrf_token"], cookie

    def read_and_vote(self):
        choices = itertools.cycle(self.poll["choices"])
        while not self.stopping.is_set():
            self.timed("page", f"{self.site.base}/")
            with self.lock:
                address = next(self.addresses)
            self.timed(
                "vote",
                f"{self.site.base}/aptaujas/{self.poll['slug']}/balsot/",
                {"csrfmiddlewaretoken": self.csrf[0], "choice": next(choices)},
                address=address,
                **{
                    "Accept": "application/json",
                    "Cookie": f"csrftoken={self.csrf[1]}",
                    "Origin": f"https://{HOST}",
                    "X-Forwarded-For": address,
                },
            )

    def timed(self, kind, url, data=None, address="", **headers):
        started = time.monotonic()
        status = request(url, data, **headers)[0]
        with self.lock:
            self.requests.append(Request(kind, started, time.monotonic(), status, address))

    def started_after(self, moment):
        with self.lock:
            return [r for r in self.requests if r.started > moment]

    def votes(self, accepted):
        with self.lock:
            return {r.address for r in self.requests if r.kind == "vote" and r.ok == accepted}

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=30)


def wait_for(condition, timeout=20):
    """Poll `condition` while the readers run; fail if it does not come true in time."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"the readers did not get there within {timeout} s"
        time.sleep(0.05)


def stored_vote_addresses(site, poll, addresses):
    """Which of `addresses` have a vote in `poll` (the table keeps only keyed hashes)."""
    secret = PRODUCTION["SECRET_KEY"]
    by_hash = {
        salted_hmac(
            "polls.Vote.address_hash", f"{poll['pk']}:{address}", secret=secret, algorithm="sha256"
        ).hexdigest(): address
        for address in addresses
    }
    with psycopg.connect(site.cluster.url) as conn:
        rows = conn.execute("SELECT address_hash FROM polls_vote WHERE poll_id = %s", [poll["pk"]])
        stored = [row[0] for row in rows]
    unknown = [h for h in stored if h not in by_hash]
    assert not unknown, f"{len(unknown)} stored votes came from no reader of this test"
    return {by_hash[h] for h in stored}


def assert_no_vote_lost(site, poll, *groups):
    """Every vote answered 200 is stored; the others may be (a commit can beat a failure)."""
    accepted = set().union(*(readers.votes(accepted=True) for readers in groups))
    refused = set().union(*(readers.votes(accepted=False) for readers in groups))
    stored = stored_vote_addresses(site, poll, accepted | refused)
    print(f"{len(accepted)} votes accepted, {len(stored)} stored, {len(refused)} answered errors")
    assert accepted <= stored, f"{len(accepted - stored)} accepted votes were lost"
    assert stored <= accepted | refused


@pytest.mark.parametrize(("mode", "first_address"), [("fast", 0), ("immediate", 100_000)])
def test_site_recovers_by_itself_after_a_restart_and_loses_no_accepted_vote(
    site, mode, first_address
):
    poll = site.polls[mode]
    pid_before = site.cluster.postmaster_pid()
    with Readers(site, poll, first_address) as readers:
        wait_for(lambda: len(readers.votes(accepted=True)) >= 2 * READERS)
        restart_started = time.monotonic()
        site.cluster.restart(mode)
        restarted = time.monotonic()
        wait_for(lambda: len(readers.started_after(restarted)) >= REQUESTS_AFTER)

    assert site.cluster.postmaster_pid() != pid_before  # it did restart
    failed = [r for r in readers.requests if not r.ok]
    outage = max(r.ended for r in failed) - min(r.started for r in failed) if failed else 0.0
    after = [r for r in readers.requests if r.started > restarted]
    report = (
        f"{mode} restart: pg_ctl took {restarted - restart_started:.2f} s; "
        f"{len(failed)} of {len(readers.requests)} requests failed over {outage:.2f} s "
        f"(statuses {sorted({r.status for r in failed})}); {len(after)} requests after it"
    )
    print(report)
    assert outage < OUTAGE_LIMIT, report
    assert after and all(r.ok for r in after), report
    assert_no_vote_lost(site, poll, readers)


def test_first_readers_after_a_restart_at_a_quiet_moment_see_no_error(site):
    """The app keeps the connections that the restart killed (CONN_MAX_AGE, or its pool); the
    health check (CONN_HEALTH_CHECKS, or the pool's check) replaces a dead one before a
    request uses it, so nobody sees an error. Without it, the first request on each fails."""
    poll = site.polls["idle"]
    with Readers(site, poll, 200_000) as before:
        wait_for(lambda: len(before.votes(accepted=True)) >= 2 * READERS)
    pid_before = site.cluster.postmaster_pid()
    site.cluster.restart("fast")
    assert site.cluster.postmaster_pid() != pid_before
    with Readers(site, poll, 300_000, csrf=before.csrf) as after:
        wait_for(lambda: len(after.requests) >= REQUESTS_AFTER)

    failed = [r for r in after.requests if not r.ok]
    print(f"quiet restart: {len(failed)} of {len(after.requests)} requests after it failed")
    assert not failed
    assert_no_vote_lost(site, poll, before, after)
