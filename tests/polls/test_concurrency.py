"""Exact counts under load: many readers voting at the same moment, each on its own database
connection as on separate app-server processes, give totals equal to the votes accepted.

PostgreSQL allows 100 connections by default and the test run holds some itself, so 120
votes are fired by 40 threads at once (three each), all released by one barrier.
"""

import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from polls.models import VoteRefused
from polls.views import VOTER_COOKIE, VOTER_COOKIE_SALT
from tests.polls.factories import make_poll

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 40
VOTES = 120


def fire(tasks, threads=THREADS):
    """Run `tasks` (callables) in `threads` threads released together; their results, in order."""
    barrier = threading.Barrier(threads)

    def run(batch):
        try:
            barrier.wait(timeout=60)
            return [(index, task()) for index, task in batch]
        finally:
            connection.close()  # each thread has its own connection; give it back

    batches = [list(enumerate(tasks))[start::threads] for start in range(threads)]
    with ThreadPoolExecutor(threads) as pool:
        done = [pair for pairs in pool.map(run, batches) for pair in pairs]
    return [result for _index, result in sorted(done, key=lambda pair: pair[0])]


def voting(poll, choice, address, cookie=None):
    """A task: one reader's vote through the real view, as polls.js sends it."""

    def send():
        client = Client(REMOTE_ADDR=address)
        if cookie:
            client.cookies[VOTER_COOKIE] = cookie
        url = reverse("polls:vote", kwargs={"slug": poll.slug})
        return client.post(url, {"choice": choice.pk}, HTTP_ACCEPT="application/json").status_code

    return send


def test_simultaneous_votes_of_distinct_readers_are_all_counted_exactly():
    poll = make_poll(choices=["Jā", "Nē", "Nezinu"])
    choices = list(poll.choices.all())
    chosen = [choices[number % 3] for number in range(VOTES)]
    tasks = [
        voting(poll, choice, f"10.0.{number // 250}.{number % 250}")
        for number, choice in enumerate(chosen)
    ]

    statuses = fire(tasks)

    assert statuses == [200] * VOTES
    results = poll.results()
    assert results.total == VOTES == poll.votes.count()
    expected = Counter(choice.pk for choice in chosen)
    assert {choice.pk: choice.vote_count for choice in results.choices} == expected


def test_simultaneous_votes_from_one_address_stop_exactly_at_its_limit(settings):
    """Votes from one address wait for each other, so a script cannot outrun the limit."""
    settings.POLL_VOTES_PER_ADDRESS = 25
    poll = make_poll()
    tasks = [voting(poll, poll.choices.first(), "192.0.2.50") for _ in range(VOTES)]

    statuses = fire(tasks)

    assert Counter(statuses) == {200: 25, 429: VOTES - 25}
    assert poll.votes.count() == 25


def test_the_same_browser_voting_many_times_at_once_is_counted_once():
    poll = make_poll()
    browser_id = uuid.uuid4().hex
    signed = HttpResponse()
    signed.set_signed_cookie(VOTER_COOKIE, browser_id, salt=VOTER_COOKIE_SALT)
    cookie = signed.cookies[VOTER_COOKIE].value
    tasks = [voting(poll, poll.choices.first(), "192.0.2.60", cookie) for _ in range(THREADS)]

    statuses = fire(tasks)

    assert Counter(statuses) == {200: 1, 409: THREADS - 1}
    assert list(poll.votes.values_list("voter", flat=True)) == [f"browser:{browser_id}"]


def test_the_same_voter_from_many_addresses_at_once_is_counted_once():
    """No lock serialises different addresses: here the unique constraint alone decides."""
    poll = make_poll()
    yes = poll.choices.first()

    def recording(address):
        def record():
            try:
                poll.record_vote(yes, voter="user:7", address=address)
            except VoteRefused as refusal:
                return refusal.code
            return "counted"

        return record

    outcomes = fire([recording(f"198.51.100.{number}") for number in range(THREADS)])

    assert Counter(outcomes) == {"counted": 1, VoteRefused.ALREADY_VOTED: THREADS - 1}
    assert poll.votes.count() == 1
