"""gunicorn, started with deploy/gunicorn.conf.py as the service starts it, serves the site."""

import urllib.error
import urllib.request

import pytest

from tests.servers import gunicorn, nginx, production_env
from tests.test_settings import BASE_DIR

GUNICORN_CONF = BASE_DIR / "deploy" / "gunicorn.conf.py"

pytestmark = pytest.mark.django_db(transaction=True)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"Host": "news.example.lv", **headers})
    try:
        with urllib.request.build_opener(NoRedirects).open(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def production_server(tmp_path):
    """gunicorn as deploy/vestis.service runs it (README, Deployment), on the test database."""
    from django.db import connection

    env = production_env(tmp_path / "static", connection.settings_dict["NAME"])
    with gunicorn(env, tmp_path / "gunicorn.log", "--workers", "2", config=GUNICORN_CONF) as base:
        yield base


def test_gunicorn_serves_pages_and_hashed_compressed_static_files(production_server):
    status, headers, body = fetch(f"{production_server}/", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    assert "Strict-Transport-Security" in headers
    html = body.decode()
    stylesheet = html.split('<link rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"

    status, headers, _ = fetch(
        f"{production_server}{stylesheet}",
        **{"Accept-Encoding": "gzip", "X-Forwarded-Proto": "https"},
    )
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert "immutable" in headers["Cache-Control"]


def test_gunicorn_redirects_plain_http_to_https(production_server):
    status, headers, _ = fetch(f"{production_server}/")
    assert status == 301
    assert headers["Location"] == "https://news.example.lv/"


def test_reader_and_admin_pages_carry_the_security_headers(
    production_server, django_user_model, settings
):
    """Production mode (issue 8): the policy, HSTS and friends on a reader page, the admin's
    login page and an editor's page; cookies only over HTTPS and out of scripts' reach."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # gunicorn's
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user(
        "redaktore", password="Latgale-2024!", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Redaktori"))
    https = {"X-Forwarded-Proto": "https"}
    status, headers, login_page = fetch(f"{production_server}/admin/login/", **https)
    csrf_cookie = headers["Set-Cookie"]
    token = login_page.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"')[0]
    login = urllib.request.Request(
        f"{production_server}/admin/login/",
        data=f"csrfmiddlewaretoken={token}&username=redaktore&password=Latgale-2024!".encode(),
        headers={
            "Host": "news.example.lv",
            "Cookie": csrf_cookie.split(";", 1)[0],
            "Origin": "https://news.example.lv",
            "Referer": "https://news.example.lv/admin/login/",
            **https,
        },
    )
    with pytest.raises(urllib.error.HTTPError) as redirect:  # NoRedirects: the 302 raises
        urllib.request.build_opener(NoRedirects).open(login, timeout=5)
    assert redirect.value.code == 302
    cookies = redirect.value.headers.get_all("Set-Cookie")
    session_cookie = next(cookie for cookie in cookies if cookie.startswith("sessionid="))
    for cookie in (csrf_cookie, session_cookie):
        assert "; Secure" in cookie and "; HttpOnly" in cookie and "SameSite=Lax" in cookie

    for path, extra in [
        ("/", {}),
        ("/admin/login/", {}),
        ("/admin/news/article/add/", {"Cookie": session_cookie.split(";", 1)[0]}),
    ]:
        status, headers, _ = fetch(f"{production_server}{path}", **https, **extra)
        assert status == 200, path
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, path
        assert headers["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        ), path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert headers["X-Frame-Options"] == "DENY", path


@pytest.mark.django_db(transaction=False)
def test_nginx_keeps_uploaded_media_for_a_year_as_immutable(tmp_path):
    """Uploads never reuse a name, so deploy/nginx.conf's /media/ block lets browsers and
    proxies keep them for good (issue 21)."""
    media = tmp_path / "media" / "photos"
    media.mkdir(parents=True)
    (media / "rits-960w.jpg").write_bytes(b"\xff\xd8 not really a photo")

    with nginx(tmp_path / "nginx", ["http://127.0.0.1:9"], media_root=tmp_path / "media") as base:
        status, headers, body = fetch(f"{base}/media/photos/rits-960w.jpg")

    assert status == 200 and body.startswith(b"\xff\xd8")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"
