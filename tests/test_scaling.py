"""Two app servers, one database, one Redis: the deployment a growing paper uses (issue 7).

An editor publishes through one server and readers of the other see it within a second,
although the other server caches pages; votes sent to both are all counted exactly once; behind
nginx, readers never see a worker being killed (issue 20).
"""

import contextlib
import os
import re
import signal
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import connection

import pagecache.generation
from news.models import Article
from polls.models import Vote
from tests.factories import make_article
from tests.polls.factories import make_poll
from tests.servers import PrivateRedis, gunicorn, nginx, production_env, wait_until
from tests.test_server import NoRedirects

pytestmark = pytest.mark.django_db(transaction=True)
HOST = "news.example.lv"


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A Redis of the test's own: the machine's may hold someone else's data."""
    redis = PrivateRedis(tmp_path_factory.mktemp("redis")).start()
    yield redis.url()
    redis.stop()


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory, redis_url, django_db_setup):

    folder = tmp_path_factory.mktemp("servers")
    env = production_env(
        folder / "static",
        connection.settings_dict["NAME"],
        ALLOWED_HOSTS=HOST,
        CACHE_URL=redis_url,
        CACHE_PAGES="true",
        CACHE_PAGE_PARTS="true",
        POLL_VOTES_PER_ADDRESS="1000",
    )
    port = int(redis_url.split(":")[2].split("/")[0])
    with socket.create_connection(("127.0.0.1", port)) as redis:
        redis.sendall(b"SELECT 9\r\nFLUSHDB\r\n")  # no pages cached by an earlier run
        redis.recv(64)
    with (
        gunicorn(env, folder / "first.log") as first,
        gunicorn(env, folder / "second.log") as second,
    ):
        yield first, second


def request(base, path, data=None, cookies=None, headers=None):
    """One HTTPS-behind-a-proxy request; (status, headers, body, cookies it set)."""
    headers = {"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    if data is not None:
        data = urllib.parse.urlencode(data).encode()
        headers["Referer"] = f"https://{HOST}{path}"
    req = urllib.request.Request(base + path, data=data, headers=headers)
    try:
        response = urllib.request.build_opener(NoRedirects).open(req, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    set_cookies = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, value = header.split(";", 1)[0].split("=", 1)
        set_cookies[name] = value
    return response.status, response.headers, response.read().decode(), set_cookies


def log_in(base, username, password):
    _, _, page, cookies = request(base, "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    status, _, _, more = request(
        base,
        "/admin/login/",
        {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": token,
            "next": "/admin/",
        },
        cookies,
    )
    assert status == 302, "the editor could not log in"
    return cookies | more


def test_a_publish_on_one_server_is_seen_at_once_on_the_other(
    two_servers, django_user_model, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # the servers'
    first, second = two_servers
    editor = django_user_model.objects.create_user("ilze", password="Latgale-2024!", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktori"))
    draft = make_article(title_lv="Jaunais tilts atklāts", is_published=False)
    for _ in range(2):  # the second answer comes from the shared cache
        assert "Jaunais tilts atklāts" not in request(second, "/")[2]

    cookies = log_in(first, "ilze", "Latgale-2024!")
    _, _, page, _ = request(first, "/admin/news/article/", cookies=cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    status, *_ = request(
        first,
        "/admin/news/article/",
        {"action": "publish", "_selected_action": draft.pk, "csrfmiddlewaretoken": token},
        cookies,
    )
    assert status == 302
    assert Article.objects.published().filter(pk=draft.pk).exists()

    # The other server's processes read the content generation once a second (issue 19).
    wait_until(
        lambda: "Jaunais tilts atklāts" in request(second, "/")[2],
        pagecache.generation.SHARED_FOR + 1,
        "the publish on the other server",
    )


def test_votes_sent_to_both_servers_are_each_counted_exactly_once(two_servers):
    poll = make_poll(choices=["Jā", "Nē"])
    choice = poll.choices.first()
    accepted = []

    def vote(base):
        _, _, state, cookies = request(base, f"/aptaujas/{poll.slug}/stavoklis/")
        token = re.search(r'"csrf_token": "([^"]+)"', state)[1]
        status, *_ = request(
            base,
            f"/aptaujas/{poll.slug}/balsot/",
            {"choice": choice.pk, "csrfmiddlewaretoken": token},
            cookies,
            headers={"Accept": "application/json"},
        )
        if status == 200:
            accepted.append(base)

    threads = [threading.Thread(target=vote, args=(base,)) for base in two_servers * 20]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(accepted) == 40 and set(accepted) == set(two_servers)
    assert Vote.objects.filter(poll=poll).count() == 40
    for base in two_servers:
        assert "Kopā: 40 balsis" in request(base, f"/aptaujas/{poll.slug}/")[2]


def workers_of(base):
    """The process ids of the gunicorn workers serving `base`: its master's children."""
    bind = urllib.parse.urlsplit(base).netloc
    parents = {}
    for process in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if bind in (process / "cmdline").read_bytes().decode(errors="replace"):
                stat = (process / "stat").read_text()
                parents[int(process.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return [pid for pid, parent in parents.items() if parent in parents]


def test_readers_never_see_a_worker_killed_under_load_through_nginx(two_servers, tmp_path):
    """kill -9 of a busy worker resets the connections it held; nginx (deploy/nginx.conf)
    sends those GETs on to the other server, so not one reader gets an error."""
    make_article(title_lv="Ziņa slodzē")
    answered, failed = [], []
    stop = threading.Event()

    def read(base, reader):
        for n in range(100_000):
            if stop.is_set():
                return
            # A new address every time: neither nginx nor the app answer from a cache.
            path = f"/meklet/?q=zi%C5%86a&r={reader}-{n}"
            try:
                status, *_ = request(base, path)
            except OSError as error:
                failed.append(f"{path}: {error!r}")
                continue
            (answered if status == 200 else failed).append(f"{path}: {status}")

    with nginx(tmp_path / "nginx", two_servers, https=True) as base:
        readers = [threading.Thread(target=read, args=(base, i)) for i in range(8)]
        for reader in readers:
            reader.start()
        killed = []
        for _ in range(3):
            time.sleep(1)
            worker = workers_of(two_servers[0])[0]
            os.kill(worker, signal.SIGKILL)
            killed.append(worker)
        time.sleep(1)
        stop.set()
        for reader in readers:
            reader.join()

    assert len(killed) == 3 and len(answered) > 20  # 40-60 here; without nginx's retry, 6 502s
    assert failed == []
