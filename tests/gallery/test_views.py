"""Readers' pages: the photo of the day's own page, the month archive, and the sidebar."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.gallery.factories import jpeg_bytes, make_photo

pytestmark = pytest.mark.django_db

NOON_IN_RIGA = "2024-11-12T10:00:00+00:00"  # Tuesday 12 November 2024
TODAY = datetime.date(2024, 11, 12)


@pytest.fixture(autouse=True)
def tuesday():
    with time_machine.travel(NOON_IN_RIGA, tick=False):
        yield


def day_url(date, prefix=""):
    return prefix + reverse("gallery:photo_of_the_day", kwargs={"day": date})


def month_url(year, month):
    return reverse("gallery:archive_month", kwargs={"month": datetime.date(year, month, 1)})


def test_day_page_shows_the_large_photo_with_caption_credit_and_date(client):
    photo = make_photo(
        jpeg_bytes(2400, 1600),
        shown_on=TODAY,
        title_lv="Miglains rīts pie Daugavas",
        caption_lv="Rīta migla virs upes.",
        credit_lv="Jura Rogas foto",
    )
    response = client.get(day_url(TODAY))

    assert response.status_code == 200
    html = response.text
    assert '<h1 class="page-title">Miglains rīts pie Daugavas</h1>' in html
    assert "otrdiena, 12.11.2024" in html
    assert "Rīta migla virs upes." in html and "Jura Rogas foto" in html
    largest = photo.image.name.removesuffix(".jpg") + "-1920w.webp 1920w"
    assert largest in html
    assert 'loading="eager" decoding="async" fetchpriority="high"' in html
    og_image = f"http://testserver/media/{photo.image.name[:-4]}-1920w.jpg"
    assert f'<meta property="og:image" content="{og_image}">' in html


def test_day_page_links_to_the_previous_and_next_photo_days(client):
    make_photo(shown_on=TODAY - datetime.timedelta(days=4))
    make_photo(shown_on=TODAY - datetime.timedelta(days=2))
    make_photo(shown_on=TODAY)
    html = client.get(day_url(TODAY - datetime.timedelta(days=2))).text
    assert f'rel="prev" href="{day_url(TODAY - datetime.timedelta(days=4))}"' in html
    assert f'rel="next" href="{day_url(TODAY)}"' in html


def test_day_page_of_today_has_no_link_to_tomorrows_photo(client):
    make_photo(shown_on=TODAY)
    make_photo(shown_on=TODAY + datetime.timedelta(days=1))
    assert 'rel="next"' not in client.get(day_url(TODAY)).text


def test_future_photo_has_no_page_before_its_day(client):
    tomorrow = TODAY + datetime.timedelta(days=1)
    make_photo(shown_on=tomorrow)
    assert client.get(day_url(tomorrow)).status_code == 404


def test_day_without_a_photo_is_not_found(client):
    assert client.get(day_url(TODAY)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/dienas-foto/2024/2/30/",
        "/dienas-foto/2024/13/1/",
        "/dienas-foto/0/1/1/",
        "/dienas-foto/99999/1/1/",
        "/dienas-foto/9999/12/31/",
        "/dienas-foto/2024/0/",
        "/dienas-foto/0/1/",
        "/dienas-foto/9999/12/",
        "/dienas-foto/2024/99999999999999999999/",
    ],
)
def test_impossible_dates_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_day_page_in_russian_falls_back_to_latvian_where_untranslated(client):
    make_photo(
        shown_on=TODAY, title_lv="Miglains rīts", title_ru="Туманное утро", caption_lv="Migla"
    )
    html = client.get(day_url(TODAY, prefix="/ru")).text
    assert '<html lang="ru">' in html
    assert '<h1 class="page-title">Туманное утро</h1>' in html
    assert "Migla" in html
    assert "вторник, 12.11.2024" in html.lower()


def test_latest_address_leads_to_todays_photo(client):
    make_photo(shown_on=TODAY - datetime.timedelta(days=1))
    make_photo(shown_on=TODAY)
    make_photo(shown_on=TODAY + datetime.timedelta(days=1))
    response = client.get(reverse("gallery:latest"))
    assert response.status_code == 302
    assert response["Location"] == day_url(TODAY)


def test_latest_address_without_any_photo_of_the_day_is_not_found(client):
    make_photo()
    assert client.get(reverse("gallery:latest")).status_code == 404


def test_month_archive_is_a_grid_of_the_months_photos_in_day_order(client):
    first = make_photo(shown_on=datetime.date(2024, 11, 1), title_lv="Pirmais")
    second = make_photo(shown_on=datetime.date(2024, 11, 5), title_lv="Otrais")
    make_photo(shown_on=datetime.date(2024, 10, 31), title_lv="Oktobra")
    make_photo(shown_on=TODAY + datetime.timedelta(days=1), title_lv="Rītdienas")
    make_photo(title_lv="Raksta foto")

    html = client.get(month_url(2024, 11)).text

    assert "Dienas foto: Novembris 2024" in html
    assert html.count('<li class="photo-grid__item">') == 2
    assert html.index(first.get_absolute_url()) < html.index(second.get_absolute_url())
    assert "1. novembris" in html
    for absent in ("Oktobra", "Rītdienas", "Raksta foto"):
        assert absent not in html
    assert f'rel="prev" href="{month_url(2024, 10)}"' in html
    assert 'rel="next"' not in html.split('aria-label="Citi mēneši"')[1]


def test_month_archive_is_paginated(client):
    for day in range(1, 15):
        make_photo(shown_on=datetime.date(2024, 10, day), title_lv=f"Diena {day}")
    first_page = client.get(month_url(2024, 10)).text
    second_page = client.get(month_url(2024, 10) + "?page=2").text
    assert first_page.count('class="photo-grid__item"') == 12
    assert second_page.count('class="photo-grid__item"') == 2
    assert "Diena 13" in second_page and "Diena 13" not in first_page
    assert "2. lapa no 2" in second_page


@pytest.mark.parametrize("page", ["3", "0", "abc", "-1", "1.5", "١"])
def test_month_archive_page_that_does_not_exist_is_not_found(client, page):
    make_photo(shown_on=TODAY)
    assert client.get(month_url(2024, 11), {"page": page}).status_code == 404


def test_month_without_photos_or_in_the_future_is_not_found(client):
    make_photo(shown_on=datetime.date(2024, 12, 1))
    assert client.get(month_url(2024, 11)).status_code == 404
    assert client.get(month_url(2024, 12)).status_code == 404


def test_every_page_shows_the_photo_of_the_day_in_the_sidebar(client):
    make_photo(shown_on=TODAY, title_lv="Miglains rīts", credit_lv="Jura Rogas foto")
    html = client.get("/meklet/").text
    sidebar = html[html.index('<aside class="sidebar"') :]
    assert "Dienas foto" in sidebar and "Miglains rīts" in sidebar
    assert "otrdiena, 12.11.2024" in sidebar and "Jura Rogas foto" in sidebar


def test_the_front_page_shows_the_photo_of_the_day_after_the_latest_news_once(client):
    make_photo(shown_on=TODAY, title_lv="Miglains rīts")
    html = client.get("/").text
    main = html[html.index('<main id="content"') : html.index('<aside class="sidebar"')]
    assert main.count("Miglains rīts") == 1 and html.count("Miglains rīts") == 1


def test_gallery_pages_answer_only_safe_methods(client):
    make_photo(shown_on=TODAY)
    assert client.post(day_url(TODAY)).status_code == 405


def test_editor_previews_a_scheduled_photo_at_its_address(client, photo_editor):
    tomorrow = TODAY + datetime.timedelta(days=1)
    make_photo(shown_on=tomorrow, title_lv="Rītdienas foto")
    client.force_login(photo_editor)

    response = client.get(day_url(tomorrow))

    assert response.status_code == 200
    assert "Priekšskatījums: šis ir dienas foto trešdiena, 13.11.2024" in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert "no-cache" in response["Cache-Control"]


def test_editor_sees_no_preview_banner_on_a_shown_photo(client, photo_editor):
    make_photo(shown_on=TODAY)
    client.force_login(photo_editor)
    response = client.get(day_url(TODAY))
    assert "preview-banner" not in response.text
    assert "no-cache" not in response.get("Cache-Control", "")
