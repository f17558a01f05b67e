"""The site's Content Security Policy and security headers, on reader and admin pages alike,
and reader pages that need nothing inline (production mode: tests/test_server.py)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from namedays.models import Name, NameDay
from tests.factories import make_article, make_author, make_topic
from tests.gallery.factories import make_photo
from tests.polls.factories import make_poll
from tests.security.hostile import markup_problems

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_reader_pages_get_a_strict_policy_without_a_nonce(client):
    """Nothing inline is allowed on reader pages, and their policy is the same for every
    reader (no nonce), so that cached pages stay valid."""
    csp = policy(client.get("/"))
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"][0] == "'self'" and csp["style-src"][1].startswith("'sha256-")
    assert csp["object-src"] == csp["base-uri"] == csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in str(csp) and "'unsafe-eval'" not in str(csp)


def test_admin_pages_allow_their_own_inline_code_by_nonce_only(editor_client):
    response = editor_client.get(reverse("admin:news_article_add"))
    nonce = next(s for s in policy(response)["script-src"] if s.startswith("'nonce-"))
    assert f'<script type="importmap" nonce="{nonce[7:-1]}">' in response.text
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/", "/ru/", "admin:login", "admin:index", "/nav-tadas-lapas/"])
def test_security_headers_on_reader_and_admin_pages(client, url):
    response = client.get(url if url.startswith("/") else reverse(url))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_csrf_cookie_is_out_of_scripts_reach(editor_client):
    """No script of the site reads it (forms carry the token, polls.js fetches one)."""
    response = editor_client.get(reverse("admin:news_article_add"))
    assert response.cookies["csrftoken"]["httponly"]


def test_reader_pages_have_no_inline_scripts_or_styles(client):
    """Every kind of reader page, with content: scripts and styles come only from files
    (JSON-LD is data, not script, and must stay valid JSON)."""
    today = timezone.localdate()
    name_day = NameDay.objects.create(month=today.month, day=today.day, note="Piezīme")
    Name.objects.create(name_day=name_day, name="Mārcis", position=1)
    photo = make_photo(shown_on=today)
    article = make_article(
        main_photo=photo,
        authors=[make_author(name_lv="Inese Kalniņa")],
        topics=[make_topic(name_lv="Daugava")],
    )
    poll = make_poll()
    day = article.published_on
    for url in [
        "/",
        "/en/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        article.byline()[0].get_absolute_url(),
        article.topics.get().get_absolute_url(),
        "/temas/",
        f"/zinas/{day:%Y/%m/%d}/",
        f"/zinas/{day:%Y/%m}/",
        "/meklet/?q=raksts",
        photo.get_absolute_url(),
        f"/dienas-foto/{photo.shown_on:%Y/%m}/",
        poll.get_absolute_url(),
        "/aptaujas/",
        "/vardadienas/",
        name_day.get_absolute_url(),
        "/vardadienas/kalendars/",
        "/vardadienas/meklet/?vards=Marcis",
        "/nav-tadas-lapas/",
    ]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert markup_problems(response.text) == [], url
        assert "nonce" not in response.text, url
