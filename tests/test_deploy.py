"""Upgrades without downtime (issue 18): gunicorn, started with deploy/gunicorn.conf.py as
the service starts it, reloads gracefully (`systemctl reload vestis`, which `make deploy`
ends with) while readers keep asking for pages, and not one request fails."""

import os
import re
import shutil
import signal
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.factories import make_article
from tests.servers import answers, free_port, gunicorn, production_env, wait_until
from tests.test_server import GUNICORN_CONF
from tests.test_settings import BASE_DIR

DEPLOY = BASE_DIR / "deploy"

pytestmark = pytest.mark.django_db(transaction=True)

READERS = 4
MOST_REQUESTS = 4000  # per reader: the load stops by itself


def workers_of(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    return {int(pid) for pid in children.read_text().split()} if children.exists() else set()


class Readers:
    """Threads asking for pages one after another, each on a new connection as nginx's
    would be; every answer that is not a 200 with the page is a failure."""

    def __init__(self, urls):
        self.urls, self.stop = urls, threading.Event()
        self.served, self.failures = 0, []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.read) for _ in range(READERS)]

    def read(self):
        for number in range(MOST_REQUESTS):
            if self.stop.is_set():
                return
            url = self.urls[number % len(self.urls)]
            request = urllib.request.Request(
                url, headers={"Host": "news.example.lv", "X-Forwarded-Proto": "https"}
            )
            try:
                with urllib.request.urlopen(request, timeout=15) as response:
                    ok = response.status == 200 and b"</html>" in response.read()
                    failure = None if ok else f"{url}: {response.status}"
            except (OSError, urllib.error.HTTPError) as error:
                failure = f"{url}: {error!r}"
            with self.lock:
                if failure:
                    self.failures.append(failure)
                else:
                    self.served += 1

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)


def test_a_graceful_reload_under_load_fails_no_request(tmp_path):
    from django.db import connection

    article = make_article(title_lv="Krāslavā atklāj jauno tiltu")
    env = production_env(tmp_path / "static", connection.settings_dict["NAME"])
    pid_file = tmp_path / "gunicorn.pid"
    log = tmp_path / "gunicorn.log"
    with gunicorn(env, log, "--workers", "2", "--pid", str(pid_file), config=GUNICORN_CONF) as base:
        master = int(pid_file.read_text())
        old_workers = workers_of(master)
        assert len(old_workers) == 2
        with Readers([f"{base}/", f"{base}{article.get_absolute_url()}"]) as readers:
            wait_until(lambda: readers.served >= 50, 30, "the first pages")

            os.kill(master, signal.SIGHUP)  # what ExecReload in deploy/vestis.service sends
            wait_until(
                lambda: len(workers_of(master)) == 2 and not workers_of(master) & old_workers,
                60,
                "new workers to replace the old ones",
            )
            served_by_then = readers.served
            wait_until(lambda: readers.served >= served_by_then + 100, 30, "more pages")

    assert readers.failures == []
    assert readers.served >= 150
    assert "Handling signal: hup" in log.read_text()


def test_systemd_accepts_the_units(tmp_path):
    """`systemd-analyze verify` on deploy/'s units, with /srv/vestis read as this checkout
    (it checks that the programs they start exist)."""
    if not shutil.which("systemd-analyze"):
        pytest.fail("systemd-analyze is missing (apt-get install systemd)", pytrace=False)
    units = ["vestis.service", "vestis-backup.service", "vestis-backup.timer"]
    for unit in units:
        text = (DEPLOY / unit).read_text().replace("/srv/vestis", str(BASE_DIR))
        text = text.replace("/etc/vestis/vestis.env", str(DEPLOY / "vestis.env"))
        (tmp_path / unit).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / unit) for unit in units)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_the_service_runs_gunicorn_with_the_tested_configuration():
    service = (DEPLOY / "vestis.service").read_text()
    assert "ExecStart=/srv/vestis/.venv/bin/gunicorn --config deploy/gunicorn.conf.py\n" in service
    assert "ExecReload=/bin/kill -s HUP $MAINPID\n" in service


def test_every_variable_of_the_production_environment_is_documented():
    documented = set(re.findall(r"^([A-Z_]+)=", (BASE_DIR / ".env.example").read_text(), re.M))
    template = (DEPLOY / "vestis.env").read_text()
    used = set(re.findall(r"^#?([A-Z_]+)=", template, re.M))
    used |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', GUNICORN_CONF.read_text()))
    assert used - documented == set()


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=120)


def test_make_deploy_upgrades_the_running_site_without_a_failed_request(tmp_path):
    """scripts/deploy.sh, as `make deploy` runs it on the server: a checkout of this code
    serves under load; a new commit reaches its origin; the deploy fetches it, installs,
    migrates, collects static files, reloads, and readers get the new page, every request
    answered."""
    from django.db import connection

    origin, checkout, developer = tmp_path / "origin.git", tmp_path / "srv", tmp_path / "dev"
    git("clone", "--quiet", "--bare", str(BASE_DIR), str(origin), cwd=tmp_path)
    git("clone", "--quiet", str(origin), str(checkout), cwd=tmp_path)
    env = production_env(
        checkout / "var" / "static",
        connection.settings_dict["NAME"],
        PATH=f"{BASE_DIR / '.tools' / 'bin'}:{os.environ['PATH']}",
        DEPLOY_ENV_FILE=str(tmp_path / "no-environment-file"),
        UV_OFFLINE="1",  # the locked packages are in uv's cache already
    )
    env.pop("VIRTUAL_ENV", None)

    def deploy(reload):
        result = subprocess.run(
            ["bash", "scripts/deploy.sh"],
            cwd=checkout,
            env={**env, "DEPLOY_RELOAD": reload},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return result.stderr

    deploy("true")  # the first installation: nothing runs yet
    pid_file, log, port = tmp_path / "gunicorn.pid", tmp_path / "gunicorn.log", free_port()
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [checkout / ".venv" / "bin" / "gunicorn", "--config", "deploy/gunicorn.conf.py"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--pid", str(pid_file)],
            cwd=checkout,
            env=env,
            stdout=output,
            stderr=output,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(f"{base}/healthz", "news.example.lv"), 60, "gunicorn")
        git("clone", "--quiet", str(origin), str(developer), cwd=tmp_path)
        footer = developer / "templates" / "base.html"
        footer.write_text(footer.read_text().replace("</footer>", "<p>Jaunā versija</p></footer>"))
        git(
            "-c",
            "user.name=Dev",
            "-c",
            "user.email=dev@example.lv",
            "commit",
            "-qam",
            "A new footer",
            cwd=developer,
        )
        git("push", "--quiet", "origin", "HEAD", cwd=developer)

        with Readers([f"{base}/"]) as readers:
            wait_until(lambda: readers.served >= 20, 30, "the first pages")
            said = deploy(f"kill -HUP {pid_file.read_text().strip()}")
            wait_until(lambda: "Jaunā versija" in page(base), 60, "the new version")
            served_by_then = readers.served
            wait_until(lambda: readers.served >= served_by_then + 50, 30, "more pages")
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert readers.failures == []
    assert "deploy: deployed " in said
    assert (
        subprocess.run(
            ["git", "log", "-1", "--format=%s"], cwd=checkout, capture_output=True, text=True
        ).stdout.strip()
        == "A new footer"
    )


def page(base):
    request = urllib.request.Request(
        f"{base}/", headers={"Host": "news.example.lv", "X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.read().decode()
