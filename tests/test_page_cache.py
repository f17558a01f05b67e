"""Cached pages for readers: fast, never stale, never someone else's (issue 7)."""

import datetime

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pagecache.generation import forget_generation
from pagecache.middleware import without_tracking_parameters
from tests.factories import make_article
from tests.polls.factories import make_poll
from tests.servers import PrivateRedis

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    """Pages and fragments cached in this process's memory, as Redis would in production."""
    settings.CACHE_PAGES = settings.CACHE_PAGE_PARTS = True
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    yield
    for alias in ("default", "template_fragments"):
        caches[alias].clear()
    forget_generation()


def test_second_reader_gets_the_page_without_a_single_query(client, django_assert_num_queries):
    make_article(title_lv="Ziņa no Krāslavas")
    first = client.get("/")

    with django_assert_num_queries(0):
        second = client.get("/")

    assert second.status_code == 200
    assert second.content == first.content
    assert "Ziņa no Krāslavas" in second.text


def test_a_page_from_the_cache_keeps_its_security_headers(client, django_assert_num_queries):
    """A hit skips the middleware that set them: they are stored with the page."""
    make_article(title_lv="Ziņa no Krāslavas")
    first = client.get("/")
    with django_assert_num_queries(0):
        second = client.get("/")

    assert second.content == first.content
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"):
        assert second[header] == first[header], header
    assert "frame-ancestors 'none'" in second["Content-Security-Policy"]


# Addresses that name the front page only once their dot segments are resolved.
DOT_SEGMENTS = ["/aptaujas/../", "/aptaujas/%2e%2e/", "/meklet/../", "/zinas/2026/12/../../../"]


@pytest.mark.parametrize("path", DOT_SEGMENTS)
def test_dot_segments_are_not_found_whether_the_front_page_is_cached_or_not(client, path):
    """The key is what the router saw: a cached page is never served under an address
    that does not exist (it used to be, resolved by build_absolute_uri())."""
    make_article(title_lv="Ziņa pirmajā lapā")
    cold = client.get(path)
    assert client.get("/").status_code == 200  # the front page is now cached

    warm = client.get(path)

    assert (cold.status_code, warm.status_code) == (404, 404)
    assert "Ziņa pirmajā lapā" not in warm.text


def test_a_link_shared_on_facebook_is_served_from_the_cache(client, django_assert_num_queries):
    """Facebook adds a different fbclid to every click; newsletters add utm_ parameters."""
    make_article(title_lv="Ziņa, ko dalās")
    first = client.get("/")

    with django_assert_num_queries(0):
        shared = client.get("/?fbclid=IwAR0xYz&utm_source=facebook&utm_medium=social")

    assert shared.status_code == 200
    assert shared.content == first.content


def test_tracking_parameters_leave_no_trace_on_the_page(client, settings):
    settings.CACHE_PAGES = settings.CACHE_PAGE_PARTS = False
    make_article(title_lv="Krāslavas ziņa")

    response = client.get("/meklet/?utm_campaign=jaunumi&q=Kr%C4%81slavas&fbclid=abc")

    assert "<mark>Krāslavas</mark> ziņa" in response.text  # the search itself still happens
    assert "fbclid" not in response.text and "utm_campaign" not in response.text
    assert "/ru/meklet/?q=Kr%C4%81slavas" in response.text  # the language switcher's link


def test_only_tracking_parameters_are_dropped_and_the_rest_is_kept_as_it_came():
    query = "page=2&UTM_Source=x&q=a%26b+c&fbclid=1&utm%5Fterm=y&gclid&flag"
    assert without_tracking_parameters(query) == "page=2&q=a%26b+c&flag"


def cache_control(response):
    return dict(
        (part.strip().split("=") + [None])[:2] for part in response["Cache-Control"].split(",")
    )


def test_browsers_ask_again_and_proxies_keep_pages_a_few_seconds(client, settings):
    """Issue 19: a publish or a takedown must not wait in a browser's or nginx's copy."""
    settings.SHARED_CACHE_SECONDS = 4
    response = client.get("/")
    directives = cache_control(response)
    assert "public" in directives
    assert directives["max-age"] == "0"
    assert 0 < int(directives["s-maxage"]) <= 4
    assert "Cookie" in response["Vary"]


def test_an_unchanged_page_is_answered_not_modified(client):
    first = client.get("/")
    etag = first["ETag"]

    again = client.get("/", headers={"If-None-Match": etag})

    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and cache_control(again)["s-maxage"]
    make_article(title_lv="Jauna ziņa")
    from pagecache import content_changed

    content_changed()
    changed = client.get("/", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Jauna ziņa" in changed.text


def test_a_proxy_is_never_told_to_keep_a_page_past_a_scheduled_publication(client, settings):
    settings.SHARED_CACHE_SECONDS = 300
    make_article(published_at=timezone.now() + datetime.timedelta(seconds=40))
    response = client.get("/")
    assert int(cache_control(response)["s-maxage"]) <= 40


def test_an_editors_change_in_the_admin_shows_at_once(
    client, editor, django_capture_on_commit_callbacks
):
    article = make_article(title_lv="Vecais virsraksts")
    assert "Vecais virsraksts" in client.get("/").text

    editors = type(client)()
    editors.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        editors.post(
            reverse("admin:news_article_changelist"),
            {"action": "unpublish", "_selected_action": [article.pk]},
        )

    assert "Vecais virsraksts" not in client.get("/").text


def test_strangers_posting_to_the_admin_do_not_empty_the_cache(
    client, django_capture_on_commit_callbacks
):
    """Anyone can post to the login page; were that to start a new generation, a script
    could keep every page uncached and the site on its knees."""
    client.get("/")
    generation = caches["default"].get("content-generation")
    login = reverse("admin:login")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(login, {"username": "redaktors", "password": "minējums"})
        client.post(reverse("admin:logout"))
        client.post(reverse("admin:news_article_changelist"), {"action": "unpublish"})

    assert caches["default"].get("content-generation") == generation


def test_a_scheduled_article_appears_on_time_through_the_cache(client):
    at = timezone.now() + datetime.timedelta(hours=3)
    make_article(title_lv="Ieplānotā ziņa", published_at=at)
    assert "Ieplānotā ziņa" not in client.get("/").text
    assert "Ieplānotā ziņa" not in client.get("/").text  # now from the cache

    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert "Ieplānotā ziņa" in client.get("/").text


def test_the_sidebar_poll_closes_on_time_through_the_cache(client):
    poll = make_poll(closes_at=timezone.now() + datetime.timedelta(hours=1))
    vote_url = reverse("polls:vote", kwargs={"slug": poll.slug})
    assert vote_url in client.get("/").text

    with time_machine.travel(poll.closes_at + datetime.timedelta(seconds=1)):
        assert vote_url not in client.get("/").text


def test_midnight_brings_a_new_date_in_the_header(client):
    with time_machine.travel(datetime.datetime(2024, 11, 14, 21, 59, tzinfo=datetime.UTC)):
        assert "ceturtdiena, 14. novembris, 2024" in client.get("/").text
    with time_machine.travel(datetime.datetime(2024, 11, 14, 22, 0, 1, tzinfo=datetime.UTC)):
        assert "piektdiena, 15. novembris, 2024" in client.get("/").text


def test_editors_are_never_served_or_stored_in_the_shared_cache(client, editor):
    draft = make_article(title_lv="Melnraksts", is_published=False)
    client.get("/")  # a reader's copy is cached
    editors = type(client)()
    editors.force_login(editor)

    preview = editors.get(draft.get_absolute_url())
    front = editors.get("/")

    assert preview.status_code == 200
    assert "private" in preview["Cache-Control"] and "private" in front["Cache-Control"]
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_reader_with_a_message_waiting_gets_a_fresh_page(client):
    """A reader without JavaScript is redirected back after voting, with a message."""
    poll = make_poll(choices=["Jā", "Nē"])
    client.get("/")  # cached without any message
    choice = poll.choices.first()
    client.get(reverse("polls:poll_state", kwargs={"slug": poll.slug}))  # the CSRF cookie
    token = client.cookies["csrftoken"].value

    response = client.post(
        reverse("polls:vote", kwargs={"slug": poll.slug}),
        {"choice": choice.pk, "next": "/", "csrfmiddlewaretoken": token},
        follow=True,
    )

    assert "Paldies! Jūsu balss ir saskaitīta." in response.text
    assert "public" not in response.get("Cache-Control", "")


def test_pages_that_set_cookies_are_not_shared(client):
    poll = make_poll()
    url = reverse("polls:poll_state", kwargs={"slug": poll.slug})
    client.get(url)
    assert "csrftoken" in type(client)().get(url).cookies


def test_pages_are_served_when_the_cache_is_down(client, settings):
    """Redis stopped: every read is a miss, every write is dropped, pages still work."""
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        },
    }
    settings.CACHES["template_fragments"] = settings.CACHES["default"]
    make_article(title_lv="Ziņa bez kešatmiņas")

    for path in ["/", "/ru/", reverse("news:search") + "?q=zina"]:
        response = client.get(path)
        assert response.status_code == 200, path
    assert "Ziņa bez kešatmiņas" in client.get("/").text


def test_poll_results_pages_are_always_live(client):
    from tests.polls.factories import make_votes

    poll = make_poll(choices=["Jā", "Nē"])
    url = reverse("polls:poll_detail", kwargs={"slug": poll.slug})
    client.get(url)
    make_votes(poll.choices.first(), 3)

    response = client.get(url)

    assert "no-store" in response["Cache-Control"]
    assert "Kopā: 3 balsis" in response.text


def test_pages_survive_redis_stopping_and_use_it_again_when_it_is_back(client, settings, tmp_path):
    """A real Redis, stopped under a running site and started again."""
    redis = PrivateRedis(tmp_path).start()
    location = {
        "BACKEND": "config.cache.FailSoftRedisCache",
        "LOCATION": redis.url(),
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    settings.CACHES = {"default": location, "template_fragments": location}
    make_article(title_lv="Ziņa, kas jāredz vienmēr")
    try:
        client.get("/")
        assert caches["default"].get("content-generation") is not None  # caching works

        redis.stop()
        for path in ["/", "/ru/", reverse("news:feed")]:
            response = client.get(path)
            assert response.status_code == 200, path
        assert "Ziņa, kas jāredz vienmēr" in client.get("/").text

        redis.start()
        caches["default"]._unavailable_until = 0  # the retry pause (5 s) has passed,
        forget_generation()  # and so has the second a process keeps the generation
        client.get("/")
        assert caches["default"].get("content-generation") is not None
    finally:
        redis.stop()


@pytest.mark.django_db(transaction=True)
def test_a_process_keeps_one_redis_connection_for_all_its_threads(client, settings, tmp_path):
    """Issue 19: Django's RedisCache makes a client per call and a pool per thread and
    cache alias; here one process reuses one connection, counted by Redis itself."""
    import threading

    import redis as redis_py
    from django.db import connection

    redis = PrivateRedis(tmp_path).start()
    location = {"BACKEND": "config.cache.FailSoftRedisCache", "LOCATION": redis.url()}
    settings.CACHES = {"default": location, "template_fragments": location}
    make_article(title_lv="Ziņa ar vienu savienojumu")
    counter = redis_py.Redis.from_url(redis.url())
    try:
        before = counter.info("stats")["total_connections_received"]
        pages = []

        def read(path):
            pages.append(client.get(path))
            connection.close()  # the thread's own database connection

        for path in ["/", "/ru/", "/", reverse("news:search") + "?q=zina", "/"]:
            # Each request in a thread of its own, as gunicorn's threads serve them.
            reader = threading.Thread(target=read, args=(path,))
            reader.start()
            reader.join()
        after = counter.info("stats")["total_connections_received"]
    finally:
        counter.close()
        redis.stop()

    assert [page.status_code for page in pages] == [200] * 5
    assert "Ziņa ar vienu savienojumu" in pages[-1].text
    assert after - before == 1


def test_a_deploy_never_serves_the_pages_the_old_code_stored(client, monkeypatch):
    """Pages are kept under the code's version too: new templates or headers show at once,
    and old and new workers running side by side never serve each other's pages."""
    import pagecache.middleware

    make_article(title_lv="Ziņa no Krāslavas")
    client.get("/")
    monkeypatch.setattr(pagecache.middleware, "code_version", lambda: "the next release")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")

    assert response.status_code == 200 and len(queries) > 0  # rendered, not from the cache
