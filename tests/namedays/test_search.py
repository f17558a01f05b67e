"""The name search: a name's date, written out in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar")]


def search(client, name, language="lv"):
    with translation.override(language):
        return client.get(reverse("namedays:search"), {"vards": name})


def test_name_without_diacritics_finds_the_name_with_them(client):
    html = search(client, "Marcis").text
    assert '<a href="/vardadienas/11-10/" lang="lv">Mārcis</a> —' in html
    assert '<time datetime="11-10">10. novembris</time>' in html


def test_exact_spelling_is_listed_before_the_same_letters_with_diacritics(client):
    html = search(client, "Janis").text
    assert html.index(">Janis</a>") < html.index(">Jānis</a>")
    assert '<time datetime="08-27">27. augusts</time>' in html
    assert '<time datetime="06-24">24. jūnijs</time>' in html


def test_date_is_written_out_in_the_readers_language(client):
    assert '<time datetime="11-10">10 ноября</time>' in search(client, "Mārcis", "ru").text
    assert '<time datetime="11-10">10 November</time>' in search(client, "Mārcis", "en").text


def test_extended_list_names_are_marked(client):
    html = search(client, "Janis").text
    janis = html[html.index(">Janis</a>") : html.index("</li>", html.index(">Janis</a>"))]
    assert "(paplašinātajā sarakstā)" in janis


def test_a_misspelt_name_gets_similar_names(client):
    html = search(client, "Marcs").text
    assert "„Marcs” vārda dienu kalendārā nav." in html
    assert "Līdzīgi vārdi" in html
    assert ">Mārcis</a>" in html


def test_search_page_without_a_question_shows_the_form(client):
    response = client.get(reverse("namedays:search"))
    assert response.status_code == 200
    assert 'name="vards"' in response.text
    assert "errorlist" not in response.text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Ierakstiet vārdu, lai uzzinātu tā vārda dienu."),
        ("   ", "Ierakstiet vārdu, lai uzzinātu tā vārda dienu."),
        ("a" * 41, "Vārdam tas ir par garu: ne vairāk kā 40 burti."),
        ("12", "Vārdu raksta ar burtiem, piemēram, Mārcis."),
        ("<script>", "Vārdu raksta ar burtiem, piemēram, Mārcis."),
        ("Anna Marija", "Meklējiet pa vienam vārdam."),
        ("An\x00na", "Nulles rakstzīmes nav atļautas."),
    ],
)
def test_bad_questions_get_a_clear_message(client, name, message):
    response = search(client, name)
    assert response.status_code == 400
    assert message in response.text
    assert 'aria-invalid="true"' in response.text


def test_messages_are_in_the_readers_language(client):
    response = search(client, "a" * 41, "ru")
    assert "Для имени это слишком длинно: не больше 40 букв." in response.text


def test_hyphenated_names_are_accepted(client):
    assert search(client, "Anna-Marija").status_code == 200


def test_a_name_typed_in_cyrillic_finds_its_latvian_spelling(client):
    html = search(client, "Янис", "ru").text
    assert '<span lang="lv">Jānis</span>' in html and '<span lang="lv">Janis</span>' in html
    assert '<time datetime="06-24">24 июня</time>' in html
    assert '<span lang="lv">Mārtiņš</span>' in search(client, "Мартиньш", "ru").text
    assert '<span lang="lv">Jekaterina</span>' in search(client, "Екатерина", "ru").text
