"""Every process logs in one format and one time zone, each request's lines with its id
(issue 18): gunicorn's master and workers and Django, as deploy/gunicorn.conf.py sets them up."""

import importlib.util
import json
import re
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.test import Client

from tests.servers import gunicorn, production_env
from tests.test_server import GUNICORN_CONF

pytestmark = pytest.mark.django_db(transaction=True)

# 2026-12-02 14:05:01.123+02:00: Riga's offset is +02:00 in winter, +03:00 in summer.
RIGA_TIME = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+0[23]:00"
TEXT_LINE = re.compile(rf"^({RIGA_TIME}) (\w+) \[(\d+)\] ([\w.]+) (\S+): (.*)$")
REQUEST_ID = "0123456789abcdef0123456789abcdef"


def get(url, **headers):
    request = urllib.request.Request(url, headers={"Host": "news.example.lv", **headers})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def served_log(tmp_path, **environment):
    """The log of a gunicorn that answered one page with nginx's request id and one that
    Django logs (a 404), and the ids it returned."""
    from django.db import connection

    env = production_env(tmp_path / "static", connection.settings_dict["NAME"], **environment)
    log = tmp_path / "gunicorn.log"
    with gunicorn(env, log, "--workers", "1", config=GUNICORN_CONF) as base:
        https = {"X-Forwarded-Proto": "https"}
        _, page = get(f"{base}/", **https, **{"X-Request-ID": REQUEST_ID})
        status, missing = get(f"{base}/nav-tadas-lapas/", **https)
    assert status == 404
    return log.read_text().splitlines(), page["X-Request-ID"], missing["X-Request-ID"]


def test_master_workers_and_django_log_alike_with_each_requests_id(tmp_path):
    lines, page_id, missing_id = served_log(tmp_path)

    parsed = [TEXT_LINE.match(line) for line in lines]
    assert all(parsed), [line for line, match in zip(lines, parsed, strict=True) if not match]
    by_logger = {}
    for match in parsed:
        by_logger.setdefault(match[4], []).append(match)
    master = {m[3] for m in by_logger["gunicorn.error"] if "Listening at" in m[6]}
    workers = {m[3] for m in by_logger["gunicorn.error"] if "Booting worker" in m[6]}
    assert master and workers and master.isdisjoint(workers)
    # nginx's id is kept, a request without one gets a new one; both are in the lines.
    assert page_id == REQUEST_ID
    assert re.fullmatch(r"[0-9a-f]{32}", missing_id)
    access = {m[5]: m[6] for m in by_logger["gunicorn.access"]}
    assert access[REQUEST_ID].startswith('"GET / HTTP/1.1" 200 ')
    assert access[missing_id].startswith('"GET /nav-tadas-lapas/ HTTP/1.1" 404 ')
    [not_found] = by_logger["django.request"]
    assert not_found[5] == missing_id and not_found[6] == "Not Found: /nav-tadas-lapas/"
    assert not_found[3] in workers


def test_json_lines_carry_the_same_fields(tmp_path):
    lines, page_id, _ = served_log(tmp_path, LOG_FORMAT="json")

    records = [json.loads(line) for line in lines]
    assert all(re.fullmatch(RIGA_TIME, record["time"]) for record in records)
    [page] = [r for r in records if r["logger"] == "gunicorn.access" and r["path"] == "/"]
    assert page["request_id"] == page_id == REQUEST_ID
    assert (page["method"], page["status"]) == ("GET", "200")
    assert any(r["logger"] == "django.request" and r["level"] == "WARNING" for r in records)


def test_an_id_that_is_not_an_id_is_replaced(client):
    response = client.get("/healthz", headers={"X-Request-ID": "x\nFORGED LINE"})
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_cached_pages_carry_a_request_id_too(settings):
    settings.CACHE_PAGES = True
    client = Client()
    first, second = client.get("/"), client.get("/")
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_gunicorn_logs_in_the_sites_time_zone():
    """The master does not load the settings (deploy/gunicorn.conf.py says why), so the
    zone is written there too; it must be the site's."""
    spec = importlib.util.spec_from_file_location("gunicorn_conf", GUNICORN_CONF)
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    assert conf.TIME_ZONE == settings.TIME_ZONE
    assert conf.control_socket_disable and not conf.preload_app


def test_the_access_line_is_built_from_the_atoms_it_names_only():
    """config.access_log builds what ACCESS_LOG_FORMAT and the request-id filter read
    (gunicorn's own logger builds an atom for every header and environ variable), and
    leaves a format that names anything else to gunicorn."""
    import datetime
    import types

    from gunicorn.config import Config

    from config.access_log import AccessLogger
    from config.logs import ACCESS_LOG_FORMAT

    config = Config()
    config.set("access_log_format", ACCESS_LOG_FORMAT)
    logger = AccessLogger(config)
    response = types.SimpleNamespace(
        status="200 OK", headers=[("X-Request-ID", "abcdefgh12"), ("Vary", "Cookie")], sent=512
    )
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/?a=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": "/",
        "HTTP_USER_AGENT": 'Bot "1"',
    }
    atoms = logger.atoms(response, None, environ, datetime.timedelta(milliseconds=12))
    line = ACCESS_LOG_FORMAT % logger.atoms_wrapper_class(atoms)
    assert line == '"GET /?a=1 HTTP/1.1" 200 512 12ms "-" "Bot \\"1\\""'
    assert atoms["{x-request-id}o"] == "abcdefgh12" and len(atoms) == 9

    config.set("access_log_format", '%(h)s "%(r)s" %({vary}o)s')
    logger = AccessLogger(config)
    request = types.SimpleNamespace(headers=[])
    atoms = logger.atoms(
        response, request, environ | {"REMOTE_ADDR": "10.0.0.1"}, datetime.timedelta()
    )
    assert atoms["h"] == "10.0.0.1" and atoms["{vary}o"] == "Cookie"
