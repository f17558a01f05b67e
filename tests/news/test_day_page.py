"""The day page (issue 16): one address per date with that day's articles, its photo of the
day and its name days, in Riga time; future and impossible dates are 404s."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from namedays.models import Name, NameDay
from tests.factories import make_article
from tests.gallery.factories import make_photo

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 14)


@pytest.fixture(autouse=True)
def on_25_november_2026():
    with time_machine.travel("2026-11-25T12:00:00+02:00", tick=False):
        yield


@pytest.fixture
def names_of_14_november():
    name_day = NameDay.objects.create(month=11, day=14)
    for position, name in enumerate(["Vikentijs", "Vincents"]):
        Name.objects.create(name_day=name_day, name=name, position=position)
    return name_day


def day_url(day):
    return reverse("news:archive_day", kwargs={"day": day})


@pytest.mark.usefixtures("names_of_14_november")
def test_day_page_joins_articles_photo_of_the_day_and_name_days(client):
    make_article(
        title_lv="Novada svētki",
        title_ru="Праздник края",
        published_at=datetime.datetime(2026, 11, 13, 22, 30, tzinfo=datetime.UTC),  # 14th in Riga
    )
    make_article(
        title_lv="Citā dienā", published_at=datetime.datetime(2026, 11, 13, 12, tzinfo=datetime.UTC)
    )
    make_photo(shown_on=DAY, title_lv="Ezers miglā", title_ru="Озеро в тумане")
    make_photo(shown_on=DAY - datetime.timedelta(days=1), title_lv="Vakardienas foto")

    html = client.get(day_url(DAY)).text

    assert "sestdiena, 14. novembris, 2026" in html
    assert "Novada svētki" in html and "Citā dienā" not in html
    assert "Ezers miglā" in html and "Vakardienas foto" not in html
    assert "<li>Vikentijs</li><li>Vincents</li>" in html
    assert reverse("namedays:day", kwargs={"date": datetime.date(2024, 11, 14)}) in html


@pytest.mark.usefixtures("names_of_14_november")
def test_day_page_in_russian_writes_names_in_russian_letters(client):
    make_article(
        title_lv="Novada svētki",
        title_ru="Праздник края",
        published_at=datetime.datetime(2026, 11, 14, 9, tzinfo=datetime.UTC),
    )
    make_photo(shown_on=DAY, title_lv="Ezers miglā", title_ru="Озеро в тумане")

    html = client.get("/ru" + day_url(DAY)).text

    assert "Праздник края" in html and "Озеро в тумане" in html
    assert 'lang="lv">Vincents</span>' in html
    assert "Именины" in html


def test_empty_day_says_so_and_shows_no_photo(client):
    response = client.get(day_url(datetime.date(2026, 3, 3)))

    assert response.status_code == 200
    assert "Šajā dienā nekas netika publicēts." in response.text
    assert "day-page__photo" not in response.text
    assert "Šajā datumā vārda dienu nav." in response.text


def test_today_is_shown_and_tomorrow_is_not_found(client):
    assert client.get(day_url(datetime.date(2026, 11, 25))).status_code == 200
    assert client.get(day_url(datetime.date(2026, 11, 26))).status_code == 404
    assert client.get("/ru" + day_url(datetime.date(2027, 1, 1))).status_code == 404


@pytest.mark.parametrize(
    "path", ["/zinas/2026/02/30/", "/zinas/0000/01/01/", "/zinas/2026/13/01/", "/zinas/20xx/01/01/"]
)
def test_impossible_dates_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_photo_of_the_day_still_to_come_stays_off_its_day_page(client):
    make_photo(shown_on=datetime.date(2026, 11, 26), title_lv="Rītdienas foto")
    # Tomorrow's page is a 404; and no other day shows tomorrow's photo.
    assert "Rītdienas foto" not in client.get(day_url(datetime.date(2026, 11, 25))).text


def test_day_page_query_count_stays_fixed(client, django_assert_max_num_queries):
    for hour in range(6):
        make_article(published_at=datetime.datetime(2026, 11, 14, hour + 6, tzinfo=datetime.UTC))
    make_photo(shown_on=DAY)
    with django_assert_max_num_queries(18):
        assert client.get(day_url(DAY)).status_code == 200


def test_name_days_today_page_links_to_todays_day_page(client):
    html = client.get(reverse("namedays:today")).text
    assert f'href="{day_url(datetime.date(2026, 11, 25))}"' in html


def test_article_shares_by_plain_links_with_its_encoded_address_and_title(client):
    article = make_article(
        title_lv="Ceļi & skolas?", published_at=datetime.datetime(2026, 11, 14, tzinfo=datetime.UTC)
    )
    html = client.get(article.get_absolute_url()).text
    address = "http%3A%2F%2Ftestserver" + article.get_absolute_url().replace("/", "%2F")
    title = "Ce%C4%BCi%20%26%20skolas%3F"
    assert f"https://www.facebook.com/sharer/sharer.php?u={address}" in html
    assert f"https://wa.me/?text={title}%20{address}" in html
    assert f"https://t.me/share/url?url={address}&amp;text={title}" in html
    assert f"https://x.com/intent/post?url={address}&amp;text={title}" in html
    assert f"mailto:?subject={title}&amp;body={address}" in html
    assert "Dalīties:" in html
    assert "Поделиться:" in client.get("/ru" + article.get_absolute_url()).text
