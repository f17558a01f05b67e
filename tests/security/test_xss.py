"""Whatever an editor types, in any field and any language, never runs as script on a
reader page, in a feed or in a sitemap: it is shown as text (tests/security/hostile.py)."""

import pytest
from django.test import Client

from tests.security.hostile import (
    FEEDS,
    PAYLOADS,
    SITEMAPS,
    make_hostile_content,
    markup_problems,
    visible_text,
    xml_problems,
)

pytestmark = pytest.mark.django_db

# Pages that show what the reader typed, or nothing of the content.
WITHOUT_CONTENT = {"/meklet/?q=%3Cscript%3Ealert(1)%3C/script%3E"}


def test_payloads_in_every_editor_field_are_text_on_every_reader_page(client):
    urls = make_hostile_content()
    shown = set()
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code in (200, 400, 404), url
        html = response.content.decode()
        assert markup_problems(html) == [], url
        text = visible_text(html)
        on_page = {name for name, payload in PAYLOADS.items() if payload in text}
        if response.status_code == 200 and url not in WITHOUT_CONTENT:
            assert on_page, f"{url} shows none of the content"
        shown |= on_page
    assert shown == set(PAYLOADS)  # each payload reached readers, and only as text


def test_payloads_are_text_in_feeds_and_sitemaps(client):
    make_hostile_content()
    for url in FEEDS + SITEMAPS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert xml_problems(response.content) == [], url


def test_poll_state_and_vote_pages_show_payloads_as_text(client):
    """The poll widget's results arrive as HTML in JSON; a vote posted without a token is
    shown back on a page of its own."""
    make_hostile_content()
    for number in range(len(PAYLOADS)):
        state = client.get(f"/aptaujas/aptauja-{number}/stavoklis/").json()
        assert markup_problems(state["results_html"]) == []
        answer = Client(enforce_csrf_checks=True).post(
            f"/aptaujas/aptauja-{number}/balsot/", {"choice": "1", "next": "/"}
        )
        assert answer.status_code in (400, 403)
        assert markup_problems(answer.content.decode()) == []
