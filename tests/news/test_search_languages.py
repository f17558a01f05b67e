"""Search in Latvian and Russian (issue 15): inflected forms find each other, words that
merely share a prefix do not, and every result is shown in one language."""

import pytest
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def search(client, query, prefix=""):
    return client.get(prefix + reverse("news:search"), {"q": query}).text


@pytest.mark.parametrize("query", ["skola", "skolā", "skolas", "skolām", "SKOLAI"])
def test_latvian_inflected_forms_find_each_other(client, query):
    make_article(title_lv="Jauna skola", body_lv="<p>Skolā mācās simt bērnu.</p>")
    assert "Atrasts 1 raksts." in search(client, query)


@pytest.mark.parametrize(
    ("query", "other_word", "own_title"),
    [
        ("skola", "Skolotāja stāsta par darbu", "<mark>Skolā</mark> jauna zāle"),
        ("pils", "Pilsēta svin svētkus", "<mark>Pilī</mark> atklāta izstāde"),
        ("Daugava", "Daugavpils teātris", "<mark>Daugavā</mark> ceļas ūdens"),
    ],
)
def test_a_word_does_not_find_words_that_merely_begin_like_it(client, query, other_word, own_title):
    """skola ≠ skolotāja, pils ≠ pilsēta, Daugava ≠ Daugavpils (issue 15)."""
    make_article(title_lv=other_word, lead_lv="", body_lv="")
    make_article(
        title_lv=own_title.replace("<mark>", "").replace("</mark>", ""), lead_lv="", body_lv=""
    )

    html = search(client, query)

    assert "Atrasts 1 raksts." in html
    assert own_title in html


@pytest.mark.parametrize("query", ["kraslavieši", "krāslavietis", "krāslaviešu"])
def test_inhabitants_plural_finds_the_singular_and_back(client, query):
    make_article(title_lv="Krāslavietis uzvar", lead_lv="", body_lv="")
    make_article(title_lv="Krāslavieši stāda ozolus", lead_lv="", body_lv="")
    assert "Atrasti 2 raksti." in search(client, query)


@pytest.mark.parametrize("query", ["Jāņa Kalniņa", "janis kalnins", "Jānim Kalniņam"])
def test_peoples_names_are_found_in_their_cases_with_or_without_diacritics(client, query):
    make_article(title_lv="Saruna ar Jāni Kalniņu", lead_lv="", body_lv="")
    assert "Atrasts 1 raksts." in search(client, query)


@pytest.mark.parametrize("query", ["Краславской", "Краславского", "Краслава", "краславский"])
def test_russian_place_and_its_adjectives_find_each_other(client, query):
    make_article(title_ru="Краславский замок открыт", lead_ru="", body_ru="")
    make_article(title_ru="Новости Краславы", lead_ru="", body_ru="")
    assert "Найдено 2 статьи." in search(client, query, prefix="/ru")


def test_russian_adjective_highlights_the_place(client):
    make_article(title_ru="Праздник в Краславе", lead_ru="", body_ru="")
    assert "Праздник в <mark>Краславе</mark>" in search(client, "Краславской", prefix="/ru")


def test_russian_words_do_not_lose_their_ending_to_a_place_rule(client):
    """Only a stem of four letters or more is taken for a place: "риск" is not "ри"."""
    make_article(title_ru="Большой риск", lead_ru="", body_ru="")
    make_article(title_ru="Ри и другие", lead_ru="", body_ru="")
    assert "Найдена 1 статья." in search(client, "риск", prefix="/ru")


def test_cyrillic_place_finds_an_article_that_has_only_latvian(client):
    make_article(title_lv="Krāslavā atjaunots tilts", lead_lv="", body_lv="")

    html = search(client, "Краслава", prefix="/ru")

    assert "Найдена 1 статья." in html
    assert '<h2 class="card__title" lang="lv">' in html


def test_russian_page_shows_russian_title_and_russian_excerpt(client):
    make_article(
        title_lv="Koncerts Dagdā",
        lead_lv="Latviešu ievads.",
        body_lv="<p>Latviešu teksts par koncertu.</p>",
        title_ru="Концерт в Дагде",
        lead_ru="Русский лид о концерте.",
        body_ru="",
    )

    html = search(client, "концерт", prefix="/ru")

    assert "Русский лид о <mark>концерте</mark>." in html
    assert "Latviešu teksts" not in html  # no Latvian body spliced onto the Russian lead
    assert '<h2 class="card__title"><a' in html  # in the page's language: no lang of its own


def test_russian_page_shows_latvian_title_and_excerpt_together_when_no_russian(client):
    make_article(
        title_lv="Koncerts Dagdā",
        lead_lv="Koncerts notiks sestdien.",
        body_lv="<p>Ieeja bez maksas.</p>",
    )

    html = search(client, "koncerts", prefix="/ru")

    assert '<h2 class="card__title" lang="lv">' in html
    assert '<p class="card__lead" lang="lv"><mark>Koncerts</mark> notiks sestdien.' in html


def test_latvian_page_shows_latvian_text_of_a_russian_match(client):
    make_article(title_lv="Dagdas ziņas", lead_lv="Latviski.", body_lv="", title_ru="Дагда сегодня")

    html = search(client, "Дагда")

    assert "<mark>Dagdas</mark> ziņas" in html
    assert "сегодня" not in html
    assert 'lang="' not in html.split('role="status"')[1]
