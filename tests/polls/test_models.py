"""Polls and votes: which polls readers see, how votes are counted, what the database refuses."""

import datetime

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.db.models import RestrictedError
from django.test import override_settings
from django.utils import timezone

from polls.models import Poll, Vote, VoteRefused, whole_percentages
from tests.polls.factories import make_closed_poll, make_poll, make_scheduled_poll, make_votes

pytestmark = pytest.mark.django_db


def test_open_closed_and_scheduled_polls_are_told_apart():
    open_poll, closed, scheduled = make_poll(), make_closed_poll(), make_scheduled_poll()

    assert list(Poll.objects.open()) == [open_poll]
    assert list(Poll.objects.closed()) == [closed]
    assert list(Poll.objects.scheduled()) == [scheduled]
    assert set(Poll.objects.started()) == {open_poll, closed}
    assert [p.status for p in (open_poll, closed, scheduled)] == ["open", "closed", "scheduled"]


def test_sidebar_shows_the_newest_open_poll():
    now = timezone.now()
    make_poll(opens_at=now - datetime.timedelta(days=2))
    newest = make_poll(opens_at=now - datetime.timedelta(hours=2))
    make_scheduled_poll()

    assert Poll.objects.current() == newest


def test_a_featured_open_poll_wins_the_sidebar_over_a_newer_one():
    now = timezone.now()
    featured = make_poll(opens_at=now - datetime.timedelta(days=2), is_featured=True)
    make_poll(opens_at=now - datetime.timedelta(hours=2))
    make_closed_poll(is_featured=True)

    assert Poll.objects.current() == featured


def test_without_an_open_poll_the_sidebar_keeps_the_latest_results():
    now = timezone.now()
    make_closed_poll(closes_at=now - datetime.timedelta(days=5))
    latest = make_closed_poll(closes_at=now - datetime.timedelta(days=1))

    assert Poll.objects.current() == latest


def test_no_poll_at_all_means_no_sidebar_poll():
    make_scheduled_poll()
    assert Poll.objects.current() is None


def test_closing_now_ends_open_polls_only():
    open_poll, scheduled = make_poll(), make_scheduled_poll()

    assert Poll.objects.all().close_now() == 1

    open_poll.refresh_from_db()
    scheduled.refresh_from_db()
    assert open_poll.status == Poll.Status.CLOSED
    assert scheduled.status == Poll.Status.SCHEDULED


@pytest.mark.parametrize(
    ("counts", "percents"),
    [
        ([1, 1, 1], [34, 33, 33]),
        ([2, 1], [67, 33]),
        ([0, 0], [0, 0]),
        ([5, 0, 0], [100, 0, 0]),
        ([1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14]),
    ],
)
def test_percentages_are_whole_and_add_up_to_a_hundred(counts, percents):
    assert whole_percentages(counts) == percents


def test_results_count_every_vote_per_answer_in_order():
    poll = make_poll(choices=["Jā", "Nē", "Nezinu"])
    yes, no, _unsure = poll.choices.all()
    make_votes(yes, 3)
    make_votes(no, 1)

    results = poll.results()

    assert [(c.text, c.vote_count, c.percent) for c in results.choices] == [
        ("Jā", 3, 75),
        ("Nē", 1, 25),
        ("Nezinu", 0, 0),
    ]
    assert results.total == 4


def test_recorded_vote_keeps_a_keyed_hash_of_the_address_not_the_address():
    poll = make_poll()
    vote = poll.record_vote(poll.choices.first(), voter="browser:abc", address="192.0.2.7")

    assert vote.address_hash == poll.address_hash("192.0.2.7")
    assert "192.0.2.7" not in vote.address_hash
    assert len(vote.address_hash) == 64
    assert poll.address_hash("192.0.2.7") != make_poll().address_hash("192.0.2.7")


@pytest.mark.parametrize(
    ("make", "code"),
    [(make_closed_poll, VoteRefused.CLOSED), (make_scheduled_poll, VoteRefused.NOT_OPEN)],
)
def test_polls_that_are_not_open_refuse_votes(make, code):
    poll = make()
    with pytest.raises(VoteRefused) as refusal:
        poll.record_vote(poll.choices.first(), voter="browser:abc", address="192.0.2.7")
    assert refusal.value.code == code
    assert not Vote.objects.exists()


def test_a_second_vote_of_the_same_voter_is_refused():
    poll = make_poll()
    yes, no = poll.choices.all()
    poll.record_vote(yes, voter="user:1", address="192.0.2.7")

    with pytest.raises(VoteRefused) as refusal:
        poll.record_vote(no, voter="user:1", address="198.51.100.1")

    assert refusal.value.code == VoteRefused.ALREADY_VOTED
    assert list(poll.votes.values_list("choice", flat=True)) == [yes.pk]


@override_settings(POLL_VOTES_PER_ADDRESS=2)
def test_one_address_may_cast_only_its_limit_of_votes_per_poll():
    poll, other = make_poll(), make_poll()
    for number in range(2):
        poll.record_vote(poll.choices.first(), voter=f"browser:{number}", address="192.0.2.7")

    with pytest.raises(VoteRefused) as refusal:
        poll.record_vote(poll.choices.first(), voter="browser:3", address="192.0.2.7")

    assert refusal.value.code == VoteRefused.ADDRESS_LIMIT
    poll.record_vote(poll.choices.first(), voter="browser:4", address="192.0.2.8")
    other.record_vote(other.choices.first(), voter="browser:3", address="192.0.2.7")
    assert poll.votes.count() == 3


def test_the_database_refuses_a_second_vote_of_one_voter():
    poll = make_poll()
    choice = poll.choices.first()
    Vote.objects.create(poll=poll, choice=choice, voter="browser:abc", address_hash="x")

    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(poll=poll, choice=choice, voter="browser:abc", address_hash="y")


def test_the_database_refuses_a_vote_for_another_polls_answer():
    poll, other = make_poll(), make_poll()

    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            poll=poll, choice=other.choices.first(), voter="browser:abc", address_hash="x"
        )


def test_the_database_refuses_a_poll_that_closes_before_it_opens():
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_poll(opens_at=now, closes_at=now - datetime.timedelta(minutes=1))


def test_an_answer_with_votes_cannot_be_deleted_but_its_poll_can():
    poll = make_poll()
    make_votes(poll.choices.first(), 2)

    with pytest.raises(RestrictedError):
        poll.choices.first().delete()

    poll.delete()
    assert not Vote.objects.exists()


@override_settings(TIME_ZONE="Europe/Riga")
def test_votes_per_day_follow_the_calendar_in_riga():
    poll = make_poll(opens_at=timezone.now() - datetime.timedelta(days=30))
    choice = poll.choices.first()
    # 23:30 UTC on 13 November is already 14 November in Riga.
    for instant, voter in [
        ("2024-11-13T21:30:00+00:00", "a"),
        ("2024-11-13T23:30:00+00:00", "b"),
        ("2024-11-14T10:00:00+00:00", "c"),
    ]:
        with time_machine.travel(instant, tick=False):
            Vote.objects.create(poll=poll, choice=choice, voter=voter, address_hash=voter)

    assert poll.votes_per_day() == [
        (datetime.date(2024, 11, 13), 1),
        (datetime.date(2024, 11, 14), 2),
    ]
