"""Poll pages and the widget make a fixed number of queries however many polls and votes exist.

Whole pages also hold other apps' widgets, so each test checks two things: the page's
query count does not grow with poll data, and exactly how many queries are the polls' own.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.polls.factories import make_closed_poll, make_poll, make_votes

pytestmark = pytest.mark.django_db


def queries(client, url):
    """The SQL of one GET of `url` (a warm-up request first, for one-off queries)."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def polls_own(sql):
    return [statement for statement in sql if '"polls_' in statement]


def grow_poll_data():
    for _ in range(3):
        make_votes(make_closed_poll(choices=["A", "B", "C"]).choices.first(), 4)
    make_votes(make_poll(choices=["X", "Y", "Z", "W"]).choices.last(), 7)


def test_widget_makes_two_queries_on_every_page(client):
    make_poll()
    before = queries(client, "/")
    grow_poll_data()
    after = queries(client, "/")

    assert len(after) == len(before)
    assert len(polls_own(after)) == 2  # the current poll, its answers with their counts


def test_poll_page_query_count_stays_fixed(client):
    poll = make_closed_poll()
    make_votes(poll.choices.first(), 2)
    before = queries(client, poll.get_absolute_url())
    grow_poll_data()
    make_votes(poll.choices.last(), 9)
    after = queries(client, poll.get_absolute_url())

    assert len(after) == len(before)
    assert len(polls_own(after)) == 4  # the poll and its results, the widget's two


def test_archive_query_count_stays_fixed(client):
    make_closed_poll()
    make_poll()
    url = reverse("polls:poll_list")
    before = queries(client, url)
    grow_poll_data()
    after = queries(client, url)

    assert len(after) == len(before)
    assert len(polls_own(after)) == 5  # open polls, closed count and page, the widget's two


def test_state_endpoint_query_count_stays_fixed(client):
    poll = make_poll()
    client.post(
        reverse("polls:vote", kwargs={"slug": poll.slug}), {"choice": poll.choices.first().pk}
    )
    url = reverse("polls:poll_state", kwargs={"slug": poll.slug})
    before = queries(client, url)
    grow_poll_data()
    after = queries(client, url)

    assert len(after) == len(before) == 3  # the poll, the reader's vote, the results
