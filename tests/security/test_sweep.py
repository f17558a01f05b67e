"""Every reader URL pattern, requested with hostile values, answers without a server error.

The patterns come from the resolver itself, so a new page is swept as soon as it exists
(and this test names it until it has an example value). Each converter position gets the
hostile values in HOSTILE_SEGMENTS that its pattern lets through to the view, the language
prefix gets unknown languages, the query string each kind of hostile value for every
parameter any view reads, and the vote hostile bodies and headers.
"""

import re
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver
from django.urls.converters import get_converters
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import timezone
from django.views import static

from config.views import media
from namedays.models import Name, NameDay
from pages.models import Page
from tests.factories import make_article, make_author, make_topic
from tests.gallery.factories import make_photo
from tests.polls.factories import make_poll

pytestmark = pytest.mark.django_db

LANGUAGE = "{language}"
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")

HOSTILE_SEGMENTS = [
    "x" * 5000,  # very long
    "%00",  # NUL
    "a%00b",
    "%ff%fe",  # invalid UTF-8
    "%c0%af",  # an overlong UTF-8 slash
    "-1",
    "0",
    "99999999999999999999",
    "2024/02/30",  # impossible dates, and the calendar's ends
    "2023/02/29",
    "9999/12/31",
    "9998/12/31",
    "0000/01/01",
    "0001/01/01",
    "0002/01/01",
    "2024/13/01",
    "2024/00/00",
    "9999/12",
    "0001/01",
    "2024/13",
    "02-30",
    "13-01",
    "00-00",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%E2%80%AEtxt.exe",  # right-to-left override
    "%C4%81%C5%A1%D1%8F",  # āšя
    "-",
    "_",
]
HOSTILE_LANGUAGES = ["ru/", "lv/", "de/", "xx/", "%ff/"]
# Every query parameter a reader view reads, and each kind of hostile value for them.
PARAMETERS = ["page", "q", "vards", "p", "next", "choice"]
HOSTILE_VALUES = {
    "negative": "-1",
    "zero": "0",
    "huge": "9" * 40,
    "exponent": "1e9",
    "arabic digits": "%D9%A1%D9%A2",
    "NUL": "%00",
    "invalid UTF-8": "%ff%fe%fd",
    "very long": "x" * 20_000,
    "script": "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "other site": "https%3A%2F%2Fevil.example%2F",
    "javascript": "javascript%3Aalert(1)",
    "empty": "",
}
HOSTILE_QUERIES = {
    kind: "&".join(f"{name}={value}" for name in PARAMETERS)
    for kind, value in HOSTILE_VALUES.items()
} | {
    "repeated": "page=1&page=x&q=a&q=b",
    "array": "page[]=1&q[]=a",
    "invalid UTF-8 name": "%ff%fe=1&%00",
}
HOSTILE_BODY = {"choice": "9" * 40, "next": "javascript:alert(1)", "q": "\x00"}
HOSTILE_BODIES = [
    {"choice": value, "next": value} for value in ("-1", "0", "9" * 40, "\x00", "1.5", "")
] + [
    {"choice": ["1", "2"]},
    {"next": "https://evil.example/"},
    {"next": "javascript:alert(1)"},
    {"next": "\x00//evil.example"},
    {},
]


def reader_routes(patterns=None, prefix="", namespace=""):
    """(view name, route) of every reader URL pattern, the admin left out; the route keeps
    its converters ("zinas/<date:day>/<slug:slug>/") and marks a language prefix."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            part = LANGUAGE
        elif isinstance(pattern, RoutePattern):
            part = str(pattern)
        else:
            part = str(pattern)
        if isinstance(entry, URLResolver):
            if part == settings.ADMIN_URL:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from reader_routes(entry.url_patterns, prefix + part, inner)
        elif entry.callback not in (static.serve, media):  # media in development only (nginx's)
            yield f"{namespace}{entry.name}", prefix + part


ROUTES = sorted(set(reader_routes()))


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """One of everything a reader URL can point at, made once for the module (each test
    runs in a savepoint inside this transaction, rolled back at the end)."""
    from django.db import transaction

    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        today = timezone.localdate()
        photo = make_photo(shown_on=today)
        article = make_article(
            main_photo=photo,
            published_at=timezone.now(),
            authors=[make_author()],
            topics=[make_topic()],
        )
        poll = make_poll()
        name_day = NameDay.objects.create(month=today.month, day=today.day, note="Piezīme")
        Name.objects.create(name_day=name_day, name="Mārcis", position=1)
        page = Page.objects.create(slug="par-mums", title_lv="Par mums", is_published=True)
        yield {
            "day": f"{today:%Y/%m/%d}",
            "month": f"{today:%Y/%m}",
            "date": f"{today:%m-%d}",
            "section": "articles",
            "article": article.slug,
            "section_slug": article.section.slug,
            "author_slug": article.byline()[0].slug,
            "topic_slug": article.topics.get().slug,
            "poll": poll.slug,
            "page": page.slug,
        }
        transaction.set_rollback(True)


def example(view_name, argument, site):
    """A value of `argument` in `view_name`'s route that finds something."""
    if argument != "slug":
        return site[argument]
    slugs = {
        "news:article_detail": site["article"],
        "news:section_detail": site["section_slug"],
        "news:section_feed": site["section_slug"],
        "news:author_detail": site["author_slug"],
        "news:author_feed": site["author_slug"],
        "news:topic_detail": site["topic_slug"],
        "news:topic_feed": site["topic_slug"],
        "polls:poll_detail": site["poll"],
        "polls:vote": site["poll"],
        "polls:poll_state": site["poll"],
        "pages:page_detail": site["page"],
    }
    return slugs[view_name]


def url(route, values, language=""):
    return "/" + CONVERTER.sub(lambda m: values[m[2]], route.replace(LANGUAGE, language))


def assert_no_server_error(client, path, method="get", **data):
    response = getattr(client, method)(path, data) if data else getattr(client, method)(path)
    assert response.status_code < 500, f"{method.upper()} {path[:200]} → {response.status_code}"
    return response.status_code


def test_every_reader_route_is_swept():
    names = {name for name, _route in ROUTES}
    assert {"news:article_detail", "polls:vote", "namedays:search", "sitemap_section"} <= names
    assert not any(route.startswith(settings.ADMIN_URL) for _name, route in ROUTES)


def segments_for(converter):
    """The hostile segments that get past `converter`'s pattern to its to_python() and the
    view, and two that do not (any other is refused by the resolver alike)."""
    regex = get_converters()[converter].regex
    passing = [s for s in HOSTILE_SEGMENTS if re.fullmatch(regex, unquote(s, errors="replace"))]
    return passing + ["%00", "%ff%fe"]


@pytest.mark.parametrize(("view_name", "route"), ROUTES, ids=[route for _n, route in ROUTES])
def test_hostile_addresses_never_cause_a_server_error(client, site, view_name, route):
    arguments = {name: converter or "str" for converter, name in CONVERTER.findall(route)}
    valid = {argument: example(view_name, argument, site) for argument in arguments}
    statuses = [assert_no_server_error(client, url(route, valid))]
    for argument, converter in arguments.items():
        for segment in segments_for(converter):
            statuses.append(assert_no_server_error(client, url(route, valid | {argument: segment})))
    if LANGUAGE in route:
        for language in HOSTILE_LANGUAGES:
            statuses.append(assert_no_server_error(client, url(route, valid, language)))
    for query in HOSTILE_QUERIES.values():
        statuses.append(assert_no_server_error(client, f"{url(route, valid)}?{query}"))
    statuses.append(assert_no_server_error(client, url(route, valid), "post", **HOSTILE_BODY))
    assert statuses[0] < 400 or view_name == "polls:vote"  # the example itself is found


def test_hostile_votes_and_headers_never_cause_a_server_error(site):
    vote = f"/aptaujas/{site['poll']}/balsot/"
    for client in (Client(), Client(enforce_csrf_checks=True, raise_request_exception=False)):
        for body in HOSTILE_BODIES:
            for accept in ("application/json", "*/*;q=x", "a" * 5000):
                response = client.post(vote, body, HTTP_ACCEPT=accept)
                assert response.status_code < 500, (body, accept)
    for headers in [
        {"HTTP_ACCEPT_LANGUAGE": "xx, de;q=abc, ,;q=2"},
        {"HTTP_ACCEPT_LANGUAGE": "lv-" + "x" * 5000},
        {"HTTP_COOKIE": "sessionid=%ff%fe; poll_voter=\x00; csrftoken=" + "x" * 5000},
        {"HTTP_X_FORWARDED_FOR": "\x00, ::::, " + "1." * 2000},
        {"HTTP_HOST": "127.0.0.1:99999"},
        {"HTTP_REFERER": "%ff%fe"},
        {"HTTP_USER_AGENT": "\x00" * 100},
    ]:
        client = Client(raise_request_exception=False, **headers)
        for response in (
            client.get("/"),
            client.get(f"/zinas/{site['day']}/"),
            client.post(vote, {"choice": "1"}),
        ):
            assert response.status_code < 500, (response.request["PATH_INFO"], headers)


def test_a_host_name_not_served_gets_400_not_500():
    """The 400 page must not need the host name that was refused (it used to, via the
    layout's absolute links, and answered 500)."""
    response = Client(raise_request_exception=False, HTTP_HOST="evil.example").get("/")
    assert response.status_code == 400
    assert "<h1>Nepareizs pieprasījums</h1>" in response.text


# What each reader view serves besides GET and HEAD (the vote: POST alone).
SERVED_METHODS = {"polls:vote": {"POST"}}
OTHER_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "TRACE"]


@pytest.mark.parametrize(("view_name", "route"), ROUTES, ids=[route for _n, route in ROUTES])
def test_reader_views_answer_only_the_methods_they_serve(client, site, view_name, route):
    """Any other method is a 405 naming the ones served (a TRACE used to get the feed);
    HEAD answers wherever GET does, with the same status and no body."""
    arguments = {name for _converter, name in CONVERTER.findall(route)}
    path = url(route, {argument: example(view_name, argument, site) for argument in arguments})
    served = SERVED_METHODS.get(view_name, {"GET", "HEAD"})
    for method in OTHER_METHODS:
        response = client.generic(method, path)
        if method in served:
            assert response.status_code < 400 or method == "POST", f"{method} {path}"
            continue
        assert response.status_code == 405, f"{method} {path} → {response.status_code}"
        assert set(response["Allow"].split(", ")) == served, f"{method} {path}"
    if "GET" in served:
        get, head = client.get(path), client.head(path)
        assert (head.status_code, head.content) == (get.status_code, b""), path
