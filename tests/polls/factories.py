"""Plain functions that make saved polls, answers and votes; override what a test needs."""

import datetime
import itertools
import uuid

from django.utils import timezone

from polls.models import Choice, Poll, Vote

_numbers = itertools.count(1)


def make_poll(*, choices=("Jā", "Nē"), **overrides):
    """An open poll (opened an hour ago, closing in a week) with the given answers."""
    number = next(_numbers)
    now = timezone.now()
    overrides.setdefault("question_lv", f"Vai jums patīk aptauja numur {number}?")
    overrides.setdefault("slug", f"aptauja-{number}")
    overrides.setdefault("opens_at", now - datetime.timedelta(hours=1))
    overrides.setdefault("closes_at", overrides["opens_at"] + datetime.timedelta(days=7))
    poll = Poll.objects.create(**overrides)
    for position, text in enumerate(choices):
        Choice.objects.create(poll=poll, text_lv=text, position=position)
    return poll


def make_closed_poll(**overrides):
    now = timezone.now()
    overrides.setdefault("opens_at", now - datetime.timedelta(days=10))
    overrides.setdefault("closes_at", now - datetime.timedelta(days=3))
    return make_poll(**overrides)


def make_scheduled_poll(**overrides):
    overrides.setdefault("opens_at", timezone.now() + datetime.timedelta(days=1))
    return make_poll(**overrides)


def make_votes(choice, count):
    """`count` votes for `choice` from different browsers and addresses."""
    return Vote.objects.bulk_create(
        Vote(
            poll_id=choice.poll_id,
            choice=choice,
            voter=f"browser:{uuid.uuid4().hex}",
            address_hash=uuid.uuid4().hex,
        )
        for _ in range(count)
    )
