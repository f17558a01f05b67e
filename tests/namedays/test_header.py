"""The masthead's "Vārda diena: …" line on every page."""

import pytest
import time_machine
from django.core.cache import caches
from django.template import Context, Template

from namedays.models import Name, NameDay

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar")]

# Thursday 14 November 2024, 00:30 in Riga, when it is still the 13th in UTC.
JUST_AFTER_MIDNIGHT_IN_RIGA = "2024-11-13T22:30:00+00:00"


def header(client, path="/"):
    html = client.get(path).text
    start = html.index('<div class="masthead__today">')
    return html[start : html.index("</div>", start)]


def test_front_page_header_shows_todays_names_in_official_order(client):
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        line = header(client)
    assert '<span class="namedays__label">Vārda diena:</span>' in line
    assert '<a href="/vardadienas/11-14/" lang="lv">Fricis, Vikentijs, Vincents</a>' in line


def test_russian_header_gives_each_name_in_cyrillic_beside_the_official_spelling(client):
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        line = header(client, "/ru/")
    assert '<span class="namedays__label">Именины:</span>' in line
    assert (
        '<a href="/ru/vardadienas/11-14/">'
        '<span lang="ru">Фрицис</span> (<span lang="lv">Fricis</span>), '
        '<span lang="ru">Викентий</span> (<span lang="lv">Vikentijs</span>), '
        '<span lang="ru">Винцентс</span> (<span lang="lv">Vincents</span>)</a>'
    ) in line


def test_english_header_keeps_the_official_spelling_only(client):
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        line = header(client, "/en/")
    assert '<a href="/en/vardadienas/11-14/" lang="lv">Fricis, Vikentijs, Vincents</a>' in line
    assert 'lang="ru"' not in line


@pytest.fixture
def header_cached(settings):
    """Page parts cached in this process's memory, as Redis would in production."""
    settings.CACHE_PAGE_PARTS = True
    settings.CACHES = {
        **settings.CACHES,
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    yield
    caches["template_fragments"].clear()


@pytest.mark.usefixtures("header_cached")
def test_russian_header_is_cached_apart_from_the_latvian_one(client):
    """The header is a page part cached per language: a Latvian page first must not leave
    Latvian-only names for the Russian page, nor the other way round."""
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        latvian, russian, latvian_again = header(client), header(client, "/ru/"), header(client)
    assert "Фрицис" in russian
    assert "Фрицис" not in latvian and latvian == latvian_again


def test_header_on_29_february_says_there_are_no_name_days(client):
    with time_machine.travel("2028-02-29T09:00:00+02:00", tick=False):
        line = header(client)
    assert '<a href="/vardadienas/02-29/">Šodien vārda dienu nav</a>' in line
    assert "namedays__label" not in line


@pytest.mark.parametrize(
    ("path", "note"),
    [
        ("/", "Visu neparasto un kalendāros neierakstīto vārdu diena"),
        ("/ru/", "День всех необычных и не внесённых в календари имён"),
    ],
)
def test_header_on_22_may_shows_the_note_of_the_day(client, path, note):
    with time_machine.travel("2026-05-22T09:00:00+03:00", tick=False):
        line = header(client, path)
    assert 'lang="lv">Emīlija</' in line  # </a> in Latvian, </span>) in Russian
    assert f'<span class="namedays__note">{note}</span>' in line


def test_header_widget_costs_one_query(django_assert_num_queries):
    template = Template("{% load namedays_tags %}{% todays_namedays %}")
    with django_assert_num_queries(1):
        html = template.render(Context())
    assert "Vārda diena:" in html


def test_header_shows_nothing_before_the_calendar_is_loaded(client):
    Name.objects.all().delete()
    NameDay.objects.all().delete()
    assert 'class="namedays' not in header(client)
