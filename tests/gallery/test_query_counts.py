"""Gallery pages make the same number of SQL queries however many photos there are."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.db.models import Min
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gallery.models import Photo
from tests.gallery.factories import make_photo

pytestmark = pytest.mark.django_db

NOON_IN_RIGA = "2024-11-20T10:00:00+00:00"
TODAY = datetime.date(2024, 11, 20)
# Queries of the page itself (the day page: photo, previous, next; the archive: count,
# page, month before, month after), besides the layout's widgets.
DAY_PAGE = 3
ARCHIVE = 4
FEED = 1


@pytest.fixture(autouse=True)
def november():
    with time_machine.travel(NOON_IN_RIGA, tick=False):
        yield


def grow(days):
    """Photos of the day for `days` more days back, each with an article photo beside it."""
    earliest = Photo.objects.aggregate(day=Min("shown_on"))["day"] or TODAY
    for back in range(1, days + 1):
        make_photo(shown_on=earliest - datetime.timedelta(days=back))
        make_photo()


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def layout_queries(client):
    """What every page's layout costs (sidebar widgets included), measured on a 404 page."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/dienas-foto/2024/2/30/").status_code == 404
    # A 404 also asks the old addresses (the addresses app), which is not layout.
    return len([q for q in queries if "addresses_oldaddress" not in q["sql"]])


def test_day_page_archive_and_feed_query_counts_stay_fixed_as_photos_grow(client):
    paths = {
        "day": reverse("gallery:photo_of_the_day", kwargs={"day": datetime.date(2024, 11, 18)}),
        "archive": reverse("gallery:archive_month", kwargs={"month": datetime.date(2024, 11, 1)}),
        "archive page 2": reverse(
            "gallery:archive_month", kwargs={"month": datetime.date(2024, 11, 1)}
        )
        + "?page=2",
        "feed": reverse("gallery:feed"),
    }
    grow(days=14)
    small = {name: count_queries(client, path) for name, path in paths.items()}
    grow(days=30)
    large = {name: count_queries(client, path) for name, path in paths.items()}

    assert large == small
    layout = layout_queries(client)
    assert small == {
        "day": layout + DAY_PAGE,
        "archive": layout + ARCHIVE,
        "archive page 2": layout + ARCHIVE,
        "feed": FEED,
    }


def test_latest_redirect_costs_one_query(client, django_assert_num_queries):
    grow(days=5)
    with django_assert_num_queries(1):
        assert client.get(reverse("gallery:latest")).status_code == 302


def test_front_page_with_the_sidebar_photo_stays_at_the_same_query_count(client):
    """The sidebar's one query (tested in test_templatetags) is made with or without photos."""
    without = count_queries(client, "/")
    grow(days=10)
    assert count_queries(client, "/") == without
