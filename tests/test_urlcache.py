"""Addresses built from memory are the ones Django would build, in every language."""

import datetime

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, path
from django.utils import translation

from config.urlcache import reverse

DAY = datetime.date(2024, 5, 21)


def test_addresses_follow_the_readers_language():
    assert reverse("news:archive_day", day=DAY) == "/zinas/2024/05/21/"
    with translation.override("ru"):
        assert reverse("news:archive_day", day=DAY) == "/ru/zinas/2024/05/21/"
    assert reverse("news:article_detail", day=DAY, slug="parks") == "/zinas/2024/05/21/parks/"


def test_an_unknown_address_is_an_error_every_time():
    for _attempt in range(2):
        with pytest.raises(NoReverseMatch):
            reverse("news:article_detail", day=DAY)


def elsewhere():
    pass  # only its address is asked for


urlpatterns = [path("cits/robots.txt", elsewhere, name="robots_txt")]


def test_a_swapped_urlconf_is_not_answered_from_memory():
    assert reverse("robots_txt") == "/robots.txt"
    with override_settings(ROOT_URLCONF=__name__):
        assert reverse("robots_txt") == "/cits/robots.txt"
    assert reverse("robots_txt") == "/robots.txt"
