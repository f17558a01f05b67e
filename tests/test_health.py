"""/healthz/status tells a monitor which of database, cache and media storage is degraded
(issue 18), without secrets; /healthz stays the proxy's quick database check."""

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from tests.servers import free_port

pytestmark = pytest.mark.django_db


def status(client):
    response = client.get(reverse("health_status"))
    return response.status_code, response.json()


def states(report):
    return {name: check["status"] for name, check in report["checks"].items()}


def test_all_working_is_ok_and_leaves_no_probe_behind(client, media_root):
    code, report = status(client)
    assert code == 200
    assert report["status"] == "ok"
    assert states(report) == {"database": "ok", "cache": "ok", "media": "ok"}
    assert list((media_root / "healthz").iterdir()) == []


def test_a_redis_outage_is_named(client, settings):
    """The site serves pages without Redis (config/cache.py); the monitor must still know."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "config.cache.FailSoftRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        },
    }
    code, report = status(client)
    assert code == 503
    assert report["status"] == "degraded"
    assert states(report) == {"database": "ok", "cache": "degraded", "media": "ok"}


def test_unusable_media_storage_is_named(client, settings, tmp_path):
    (tmp_path / "not-a-folder").write_text("")
    settings.MEDIA_ROOT = tmp_path / "not-a-folder" / "media"
    code, report = status(client)
    assert code == 503
    assert states(report) == {"database": "ok", "cache": "ok", "media": "degraded"}
    assert report["checks"]["media"]["error"] == "NotADirectoryError"


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    monkeypatch.setattr(connection, "cursor", refuse)


@pytest.mark.usefixtures("database_down")
def test_the_proxys_check_answers_503_when_the_database_is_down(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.usefixtures("database_down")
def test_a_database_outage_is_named_without_its_address(client):
    response = client.get(reverse("health_status"))
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {
        "status": "degraded",
        "error": "OperationalError",
        "ms": response.json()["checks"]["database"]["ms"],
    }
    assert "127.0.0.1" not in response.text and "5432" not in response.text


def test_monitors_reach_it_over_plain_http_and_nobody_caches_it(settings):
    settings.SECURE_SSL_REDIRECT = True
    response = Client().get(reverse("health_status"))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
