import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def search(client, query, prefix=""):
    return client.get(prefix + reverse("news:search"), {"q": query})


@pytest.mark.parametrize("query", ["kraslava", "KRĀSLAVA", "Krāslavā", "krāslavas"])
def test_search_ignores_case_and_latvian_diacritics(client, query):
    make_article(title_lv="Krāslavas pils atjaunota")
    make_article(title_lv="Dagdas ziņas")

    html = search(client, query).text

    assert "Atrasts 1 raksts." in html
    assert "<mark>Krāslavas</mark> pils atjaunota" in html


@pytest.mark.parametrize("query", ["kopiena", "kopienai", "kopienas"])
def test_search_tolerates_latvian_inflection(client, query):
    make_article(title_lv="Sarunas", body_lv="<p>Vietējās kopienas iniciatīvas.</p>")

    assert "Atrasts 1 raksts." in search(client, query).text


def test_search_finds_russian_text_with_russian_inflection(client):
    make_article(title_lv="Latviski", title_ru="Новости города", body_ru="<p>Жители городов.</p>")

    html = search(client, "город", prefix="/ru").text

    assert "Найдена 1 статья." in html
    assert "<mark>" in html


def test_search_finds_english_translations(client):
    make_article(title_lv="Latviski", title_en="Castle restored")
    assert "Atrasts 1 raksts." in search(client, "castle").text


def test_title_matches_rank_above_body_matches(client):
    make_article(title_lv="Par citu", body_lv="<p>Ezers minēts tikai tekstā.</p>")
    make_article(title_lv="Ezers pie Krāslavas")

    html = search(client, "ezers").text

    assert html.index("pie Krāslavas") < html.index("Par citu")


def test_excerpt_highlights_the_words_and_escapes_the_text(client):
    make_article(
        title_lv="Virsraksts",
        lead_lv="",
        body_lv="<p>Koncerts &amp; balle <strong>Krāslavā</strong> sestdien.</p>",
    )

    html = search(client, "kraslava").text

    assert "Koncerts &amp; balle <mark>Krāslavā</mark> sestdien." in html


def test_search_results_are_paginated(client):
    for number in range(14):
        make_article(title_lv=f"Ezers {number}")

    response = client.get(reverse("news:search"), {"q": "ezers", "page": 2})

    assert "Atrasti 14 raksti." in response.text
    assert 'href="?q=ezers&amp;page=1"' in response.text


def test_search_counts_its_matches_without_ranking_or_highlighting_them(client):
    """Only the page shown needs its matches ranked and their excerpts highlighted."""
    for number in range(14):
        make_article(title_lv=f"Ezers {number}")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("news:search"), {"q": "ezers", "page": 2})

    assert "Atrasti 14 raksti." in response.text
    count = next(query["sql"] for query in queries if query["sql"].startswith("SELECT COUNT"))
    assert "ts_rank" not in count and "ts_headline" not in count


def test_empty_search_asks_for_words(client):
    response = search(client, "   ")
    assert response.status_code == 200
    assert "Ierakstiet vienu vai divus vārdus" in response.text


@pytest.mark.parametrize("query", ["x" * 10_000, "a" * 201])
def test_overlong_search_gives_a_clear_error(client, query):
    response = search(client, query)
    assert response.status_code == 400
    assert "Meklējamais teksts ir pārāk garš" in response.text


@pytest.mark.parametrize("query", ["&|!():*'\"\\", "\x00drop", "<script>", "a & b | !c"])
def test_search_syntax_characters_are_just_text(client, query):
    response = search(client, query)
    assert response.status_code in (200, 400)  # NUL characters get a form error
    assert "<script>" not in response.text
