"""The shared layout every reader page has: date, languages, landmarks, health check."""

import pytest
import time_machine
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Thursday 14 November 2024, 00:30 in Riga, when it is still the 13th in UTC.
JUST_AFTER_MIDNIGHT_IN_RIGA = "2024-11-13T22:30:00+00:00"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("/", "ceturtdiena, 14. novembris, 2024"),
        ("/ru/", "четверг, 14 ноября 2024"),  # Russian weekdays are lower case (issue 15)
        ("/en/", "Thursday, 14 November 2024"),
    ],
)
def test_header_shows_todays_date_in_riga_in_the_readers_language(client, prefix, expected):
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        response = client.get(prefix)
    assert response.status_code == 200
    assert f'<time datetime="2024-11-14">{expected}</time>' in response.text


@pytest.mark.parametrize(("prefix", "language"), [("/", "lv"), ("/ru/", "ru"), ("/en/", "en")])
def test_page_is_served_in_the_language_of_its_prefix(client, prefix, language):
    response = client.get(prefix, HTTP_ACCEPT_LANGUAGE="de")
    assert f'<html lang="{language}">' in response.text


def test_unprefixed_pages_are_latvian_whatever_the_browser_prefers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru,en;q=0.8")
    assert '<html lang="lv">' in response.text


def test_language_switcher_links_to_the_same_page_in_each_language(client):
    response = client.get("/ru/?page=2")
    assert '<a href="/?page=2" hreflang="lv" lang="lv">Latviešu</a>' in response.text
    assert '<a href="/en/?page=2" hreflang="en" lang="en">English</a>' in response.text
    assert 'hreflang="ru" lang="ru" aria-current="true">Русский</a>' in response.text


def test_every_language_version_is_announced_to_search_engines(client):
    response = client.get("/")
    for href in ("http://testserver/", "http://testserver/ru/", "http://testserver/en/"):
        assert f'href="{href}"' in response.text


def test_layout_has_landmarks_and_a_skip_link(client):
    html = client.get("/").text
    assert '<a class="skip-link" href="#content">' in html
    for landmark in ("<header", "<nav", '<main id="content"', "<aside", "<footer"):
        assert landmark in html


def test_footer_shows_copyright_and_contacts(client, settings):
    settings.NEWSPAPER = {**settings.NEWSPAPER, "email": "info@vestis.example"}
    html = client.get("/").text
    assert "Visas tiesības aizsargātas." in html
    assert 'href="mailto:info@vestis.example"' in html


def test_health_check_reports_a_working_database(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_missing_pages_language_links_keep_its_address_as_it_was_sent(client):
    """An address no route knows is linked as it came, percent-encoding and all: decoded,
    a %3F would turn the rest of the path into a query string."""
    response = client.get("/nav%3Fx/", {"lapa": "1"})

    assert response.status_code == 404
    assert '<a href="/nav%3Fx/?lapa=1" hreflang="lv" lang="lv"' in response.text
