"""The reader's name-day pages: today and tomorrow, a date, the year."""

import datetime

import pytest
import time_machine
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar")]

TODAY_IN_RIGA = "2026-11-25T12:00:00+02:00"


@pytest.fixture
def on_25_november_2026():
    with time_machine.travel(TODAY_IN_RIGA, tick=False):
        yield


@pytest.mark.usefixtures("on_25_november_2026")
def test_today_page_shows_today_and_tomorrow_and_the_search(client):
    html = client.get(reverse("namedays:today")).text
    assert 'Šodien,\n          <time datetime="2026-11-25">25. novembris</time>' in html
    assert 'Rīt,\n          <time datetime="2026-11-26">26. novembris</time>' in html
    assert "<li>Katrīna</li><li>Kate</li>" in html
    assert "<li>Konrāds</li><li>Sebastians</li>" in html
    assert 'name="vards"' in html


def test_tomorrow_of_31_december_is_1_january(client):
    with time_machine.travel("2026-12-31T12:00:00+02:00", tick=False):
        html = client.get(reverse("namedays:today")).text
    assert '<time datetime="2027-01-01">1. janvāris</time>' in html
    assert "<li>Laimnesis</li><li>Solvita</li><li>Solvija</li>" in html


@pytest.mark.usefixtures("on_25_november_2026")
def test_date_page_lists_traditional_names_then_the_extended_list(client):
    html = client.get("/vardadienas/11-14/").text
    assert '<h1 class="page-title"><time datetime="11-14">14. novembris</time></h1>' in html
    traditional = html.index("<li>Fricis</li><li>Vikentijs</li><li>Vincents</li>")
    assert html.index("Paplašinātajā sarakstā") > traditional
    assert "<li>Frederika</li><li>Frederiks</li>" in html
    articles = reverse("news:archive_day", kwargs={"day": datetime.date(2026, 11, 14)})
    assert f'<a href="{articles}">14.11.2026 publicētie raksti</a>' in html


@pytest.mark.usefixtures("on_25_november_2026")
def test_date_page_in_russian_writes_the_date_and_the_names_in_russian(client):
    html = client.get("/ru/vardadienas/11-14/").text
    assert '<html lang="ru">' in html
    assert '<time datetime="11-14">14 ноября</time>' in html
    assert "В календаре" in html
    assert (
        '<ul class="name-list">\n'
        '    <li><span lang="ru">Фрицис</span> (<span lang="lv">Fricis</span>)</li>'
    ) in html
    assert "Статьи, опубликованные 14.11.2026" in html


def test_date_page_in_english(client):
    html = client.get("/en/vardadienas/11-14/").text
    assert '<time datetime="11-14">14 November</time>' in html
    assert "In the extended list" in html


@pytest.mark.usefixtures("on_25_november_2026")
def test_29_february_says_there_are_no_names_and_links_to_the_last_leap_day(client):
    html = client.get("/vardadienas/02-29/").text
    assert "Šajā datumā vārda dienu nav." in html
    assert "Paplašinātajā sarakstā" not in html
    articles = reverse("news:archive_day", kwargs={"day": datetime.date(2024, 2, 29)})
    assert f'<a href="{articles}">29.02.2024 publicētie raksti</a>' in html


def test_22_may_page_shows_the_note(client):
    html = client.get("/vardadienas/05-22/").text
    assert "<li>Emīlija</li>" in html
    assert "Visu neparasto un kalendāros neierakstīto vārdu diena" in html


def test_date_pages_link_round_the_year(client):
    html = client.get("/vardadienas/01-01/").text
    assert '<a rel="prev" href="/vardadienas/12-31/">' in html
    assert '<a rel="next" class="article-nav__next" href="/vardadienas/01-02/">' in html


@pytest.mark.usefixtures("on_25_november_2026")
def test_calendar_shows_every_month_and_marks_today(client):
    html = client.get(reverse("namedays:calendar")).text
    assert html.count('<section class="nameday-month"') == 12
    assert html.count('<a href="/vardadienas/') >= 366
    assert '<a href="/vardadienas/11-25/" aria-current="date">25. novembris</a>' in html
    assert '<span lang="lv">Fricis, Vikentijs, Vincents</span>' in html
    assert "vārda dienu nav" in html  # 29 February


def test_calendar_in_russian_names_the_months_in_russian(client):
    html = client.get("/ru/vardadienas/kalendars/").text
    assert '<h2 class="block-title" id="month-11-heading">Ноябрь</h2>' in html


@pytest.mark.parametrize(
    "path",
    [
        "/vardadienas/02-30/",
        "/vardadienas/04-31/",
        "/vardadienas/13-01/",
        "/vardadienas/00-10/",
        "/vardadienas/01-00/",
        "/vardadienas/ab-cd/",
        "/vardadienas/1-1/",
        "/vardadienas/11-14-2024/",
        "/ru/vardadienas/02-30/",
    ],
)
def test_impossible_dates_are_not_found(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert 'class="masthead"' in response.text


def test_pages_are_read_only(client):
    assert client.post(reverse("namedays:today")).status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        reverse("namedays:today"),
        "/vardadienas/11-14/",
        "/vardadienas/02-29/",
        reverse("namedays:calendar"),
        reverse("namedays:search") + "?vards=Marcis",
        reverse("namedays:search") + "?vards=a",
    ],
)
def test_each_page_needs_one_query_beyond_the_layout(
    client, django_assert_num_queries, layout_queries, path
):
    with django_assert_num_queries(layout_queries + 1):
        response = client.get(path)
    assert response.status_code == 200
