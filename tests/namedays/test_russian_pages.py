"""Name days on Russian pages: each name in Russian letters beside its official spelling
(issue 15), while Latvian and English pages keep the official spelling only."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from namedays.models import Name, NameDay

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar")]

NOVEMBER_14 = datetime.date(2024, 11, 14)
SPELLING_NOTE = "Имена даны русскими буквами, в скобках — официальное латышское написание."


@pytest.fixture
def on_25_november_2026():
    with time_machine.travel("2026-11-25T12:00:00+02:00", tick=False):
        yield


def page(client, name, language, **kwargs):
    with translation.override(language):
        return client.get(reverse(f"namedays:{name}", kwargs=kwargs)).text


@pytest.mark.usefixtures("on_25_november_2026")
def test_today_page_in_russian_gives_todays_and_tomorrows_names_in_cyrillic(client):
    html = page(client, "today", "ru")
    assert (
        '<ul class="name-list">\n'
        '    <li><span lang="ru">Катрина</span> (<span lang="lv">Katrīna</span>)</li>'
        '<li><span lang="ru">Кате</span> (<span lang="lv">Kate</span>)</li>'
    ) in html
    assert '<li><span lang="ru">Конрадс</span> (<span lang="lv">Konrāds</span>)</li>' in html
    assert SPELLING_NOTE in html


@pytest.mark.usefixtures("on_25_november_2026")
def test_today_page_in_latvian_and_english_keeps_the_official_spelling(client):
    for language in ("lv", "en"):
        html = page(client, "today", language)
        assert '<ul class="name-list" lang="lv">\n    <li>Katrīna</li><li>Kate</li>' in html
        assert "Катрина" not in html
        assert "nameday-note--spelling" not in html


def test_date_page_in_russian_gives_the_extended_list_in_cyrillic_too(client):
    html = page(client, "day", "ru", date=NOVEMBER_14)
    assert '<li><span lang="ru">Фредерика</span> (<span lang="lv">Frederika</span>)</li>' in html
    assert SPELLING_NOTE in html


@pytest.mark.usefixtures("on_25_november_2026")
def test_calendar_in_russian_gives_every_days_names_in_cyrillic(client):
    html = page(client, "calendar", "ru")
    assert (
        '<span><span lang="ru">Фрицис</span> (<span lang="lv">Fricis</span>), '
        '<span lang="ru">Викентий</span> (<span lang="lv">Vikentijs</span>), '
        '<span lang="ru">Винцентс</span> (<span lang="lv">Vincents</span>)</span>'
    ) in html
    assert '<span lang="ru">Янис</span> (<span lang="lv">Jānis</span>)' in html
    assert '<span lang="ru">Сергей</span> (<span lang="lv">Sergejs</span>)' in html
    assert SPELLING_NOTE in html


def test_calendar_in_english_keeps_the_official_spelling(client):
    html = page(client, "calendar", "en")
    assert '<span lang="lv">Fricis, Vikentijs, Vincents</span>' in html
    assert 'lang="ru"' not in html.split('<main id="content"')[1]


def test_names_an_editor_typed_are_escaped_in_both_spellings(client):
    day = NameDay.objects.get(month=11, day=14)
    Name.objects.create(name_day=day, name="Ann<b>a", position=99, is_extended=True)
    html = page(client, "day", "ru", date=NOVEMBER_14)
    assert "<b>" not in html
    assert '<span lang="ru">Анн&lt;б&gt;а</span> (<span lang="lv">Ann&lt;b&gt;a</span>)' in html


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [("today", {}), ("day", {"date": NOVEMBER_14}), ("calendar", {})],
)
def test_russian_pages_need_one_query_beyond_the_layout(
    client, django_assert_num_queries, layout_queries, name, kwargs
):
    with translation.override("ru"):
        url = reverse(f"namedays:{name}", kwargs=kwargs)
    with django_assert_num_queries(layout_queries + 1):
        response = client.get(url)
    assert response.status_code == 200
