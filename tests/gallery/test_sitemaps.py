"""The sitemap section of the photo-of-the-day pages (to be listed in config/urls.py)."""

import datetime

import pytest
import time_machine
from django.contrib.sites.requests import RequestSite
from django.test import RequestFactory

from gallery.sitemaps import PhotoOfTheDaySitemap
from tests.gallery.factories import make_photo

pytestmark = pytest.mark.django_db


def test_sitemap_lists_shown_photo_days_in_the_languages_they_have_never_future_ones(
    django_assert_num_queries,
):
    for day in (11, 12, 13):
        make_photo(shown_on=datetime.date(2024, 11, day), title_ru="Фото", title_en="Photo")
    make_photo(shown_on=datetime.date(2024, 11, 10))  # only in Latvian
    make_photo()
    site = RequestSite(RequestFactory().get("/sitemap.xml"))

    with (
        time_machine.travel("2024-11-12T10:00:00+00:00", tick=False),
        django_assert_num_queries(1),
    ):
        urls = PhotoOfTheDaySitemap().get_urls(site=site, protocol="https")

    assert sorted({url["location"] for url in urls}) == [
        "https://testserver/dienas-foto/2024/11/10/",
        "https://testserver/dienas-foto/2024/11/11/",
        "https://testserver/dienas-foto/2024/11/12/",
        "https://testserver/en/dienas-foto/2024/11/11/",
        "https://testserver/en/dienas-foto/2024/11/12/",
        "https://testserver/ru/dienas-foto/2024/11/11/",
        "https://testserver/ru/dienas-foto/2024/11/12/",
    ]
