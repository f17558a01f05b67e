"""A reader browses pages full of hostile editor content (tests/security/hostile.py) in a
real browser: no payload runs, and none even tries (no Content Security Policy violation)."""

from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import expect

from tests.journeys.conftest import watch
from tests.security.hostile import make_hostile_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def one_of_each_page(urls):
    """The first URL of each kind of page (each view, in each language)."""
    chosen = {}
    for url in urls:
        path = urlsplit(url).path
        try:
            kind = (resolve(path).view_name, path[:4])
        except Resolver404:
            kind = ("404", "")
        chosen.setdefault(kind, url)
    return list(chosen.values())


def test_no_payload_runs_in_the_readers_browser(page):
    urls = one_of_each_page(make_hostile_content())
    seen = watch(page)
    for url in urls:
        page.goto(url)
        expect(page.locator("footer")).to_be_visible()

    page.goto("/")
    poll = page.get_by_role("region", name="Jauna aptauja")
    poll.get_by_role("radio", name="Nē").check()
    poll.get_by_role("button", name="Balsot").click()
    expect(poll.get_by_role("status")).to_have_text("Paldies! Jūsu balss ir saskaitīta.")
    expect(poll.locator(".poll__results")).to_contain_text("alert(")
    seen.assert_clean()
    assert len(urls) >= 15
