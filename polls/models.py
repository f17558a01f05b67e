"""Reader polls: a question, its choices, and one row per vote (issue 5).

Counting rule: a poll's totals are always COUNT(*) over its votes. There is no counter
column that could drift or lose an update: inserting the vote row is the only write, and
the unique constraint on (poll, voter) makes the database refuse a second vote.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, connection, models, transaction
from django.db.models import BooleanField, Case, Count, ExpressionWrapper, F, Min, Q, When
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

ONE_VOTE_PER_VOTER = "polls_vote_one_per_voter"
ONE_VOTE_PER_KEY = "polls_vote_one_per_key"


def a_week_from_now():
    """Default closing time: the paper runs one poll a week."""
    return timezone.now() + datetime.timedelta(days=7)


def whole_percentages(counts):
    """Whole percentages of `counts` that add up to exactly 100 (largest remainder method).

    Plain rounding can print 33 % + 33 % + 33 % = 99 %, which readers write in about.
    """
    total = sum(counts)
    if not total:
        return [0] * len(counts)
    exact = [100 * count / total for count in counts]
    percents = [int(share) for share in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - percents[i], reverse=True)
    for index in by_remainder[: 100 - sum(percents)]:
        percents[index] += 1
    return percents


@dataclass(frozen=True)
class Results:
    """A poll's choices in order, each with `vote_count`, `percent` and `by_language` (the
    votes cast in each of settings.LANGUAGES, in that order), and the total."""

    choices: list
    total: int

    @property
    def languages(self):
        """(code, name, votes) of each of the site's languages, for the editors' breakdown."""
        return [
            (code, name, sum(choice.by_language[index] for choice in self.choices))
            for index, (code, name) in enumerate(settings.LANGUAGES)
        ]


class VoteRefused(Exception):
    """A valid choice that the poll does not accept now; `code` says why."""

    NOT_OPEN = "not_open"
    CLOSED = "closed"
    ALREADY_VOTED = "already_voted"
    ADDRESS_LIMIT = "address_limit"

    messages = {
        NOT_OPEN: _("This poll has not opened yet."),
        CLOSED: _("This poll has closed."),
        ALREADY_VOTED: _("Your vote in this poll has already been counted."),
        ADDRESS_LIMIT: _("Too many votes in this poll have come from your network address."),
    }

    def __init__(self, code):
        super().__init__(code)
        self.code = code
        self.message = self.messages[code]


class PollQuerySet(models.QuerySet):
    def started(self):
        """Visible to readers: open or closed, but not scheduled for later."""
        return self.filter(opens_at__lte=timezone.now())

    def open(self):
        """Accepting votes now."""
        now = timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def closed(self):
        """No longer accepting votes: the archive, the most recently closed first."""
        return self.filter(closes_at__lte=timezone.now()).order_by("-closes_at", "-pk")

    def scheduled(self):
        """Prepared by editors, not yet open."""
        return self.filter(opens_at__gt=timezone.now())

    def for_reader(self, user):
        """What `user` may see at a poll's address: editors preview scheduled polls too."""
        return self if user.has_perm("polls.change_poll") else self.started()

    def next_change(self):
        """When the next of these polls opens or closes by itself (for the page cache)."""
        opening = self.scheduled().aggregate(at=Min("opens_at"))["at"]
        closing = (self.scheduled() | self.open()).aggregate(at=Min("closes_at"))["at"]
        return min((at for at in (opening, closing) if at is not None), default=None)

    def for_listing(self):
        """With `vote_total` for lists of polls."""
        return self.annotate(vote_total=Count("votes"))

    def current(self):
        """The sidebar's poll, in one query: a featured open one, else the newest open one,
        else the latest closed one (its results stay up until the next poll opens); or None."""
        is_open = Q(closes_at__gt=timezone.now())
        return (
            self.started()
            .alias(
                open_now=ExpressionWrapper(is_open, output_field=BooleanField()),
                featured_now=ExpressionWrapper(
                    is_open & Q(is_featured=True), output_field=BooleanField()
                ),
                latest=Case(When(is_open, then=F("opens_at")), default=F("closes_at")),
            )
            .order_by("-open_now", "-featured_now", "-latest", "-pk")
            .first()
        )

    def close_now(self):
        """Close the open polls among these at this instant; returns how many closed."""
        return self.open().update(closes_at=timezone.now())


class Poll(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    question = models.CharField(_("question"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The poll's address; filled in from the Latvian question."),
    )
    opens_at = models.DateTimeField(
        _("opens at"), default=timezone.now, help_text=_("Readers see the poll from then on.")
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        default=a_week_from_now,
        help_text=_("Voting ends then; the results stay visible in the archive."),
    )
    is_featured = models.BooleanField(
        _("show in the sidebar"),
        default=False,
        help_text=_(
            "While open, this poll is shown on every page instead of the newest open poll."
        ),
    )

    objects = PollQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        indexes = [models.Index(fields=["-opens_at"], name="polls_poll_opens_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="polls_poll_closes_after_opening"
            )
        ]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("polls:poll_detail", kwargs={"slug": self.slug})

    @property
    def status(self):
        """Scheduled, open or closed at this instant."""
        now = timezone.now()
        if now < self.opens_at:
            return self.Status.SCHEDULED
        return self.Status.OPEN if now < self.closes_at else self.Status.CLOSED

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    def results(self):
        """The choices with their vote counts, whole percentages and the votes in each
        language the readers voted in, in one query."""
        by_language = {
            f"votes_{code}": Count("votes", filter=Q(votes__language=code))
            for code, _name in settings.LANGUAGES
        }
        choices = list(self.choices.annotate(vote_count=Count("votes"), **by_language))
        percents = whole_percentages([choice.vote_count for choice in choices])
        for choice, percent in zip(choices, percents, strict=True):
            choice.percent = percent
            choice.by_language = [getattr(choice, name) for name in by_language]
        return Results(choices=choices, total=sum(choice.vote_count for choice in choices))

    def votes_per_day(self):
        """(date in Riga, number of votes) for each day that had votes, oldest first."""
        return list(
            self.votes.annotate(day=TruncDate("created_at"))
            .values_list("day")
            .annotate(count=Count("pk"))
            .order_by("day")
        )

    def has_vote_from(self, voter):
        return self.votes.filter(voter=voter).exists()

    def address_hash(self, address):
        """A keyed hash of a network address, per poll: no raw address is ever stored, and
        hashes cannot be linked across polls."""
        return salted_hmac(
            "polls.Vote.address_hash", f"{self.pk}:{address}", algorithm="sha256"
        ).hexdigest()

    def record_vote(self, choice, *, voter, address, key=None, language=""):
        """Store `voter`'s vote for `choice` and return it, or raise VoteRefused.

        `key` is the vote form's own (made when the form was shown): a vote whose key was
        already counted is a retry of it (the first answer lost to an error), and the
        vote counted then is returned, not another. `language` is the one the reader
        voted in, for the editors' breakdown.

        Votes from one address are serialised by a transaction-level advisory lock, so
        that its limit holds even when a script fires many votes at the same moment;
        votes from different addresses never wait for each other.
        """
        if choice.poll_id != self.pk:
            raise ValueError(f"Choice {choice.pk} does not belong to poll {self.pk}.")
        status = self.status
        if status == self.Status.SCHEDULED:
            raise VoteRefused(VoteRefused.NOT_OPEN)
        if status == self.Status.CLOSED:
            raise VoteRefused(VoteRefused.CLOSED)
        address_hash = self.address_hash(address)
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    lock_key = int(address_hash[:16], 16) - 2**63  # a signed bigint
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key])
                if key and (counted := self.votes.filter(key=key).first()):
                    return counted
                if self.has_vote_from(voter):
                    raise VoteRefused(VoteRefused.ALREADY_VOTED)
                from_address = self.votes.filter(address_hash=address_hash).count()
                if from_address >= settings.POLL_VOTES_PER_ADDRESS:
                    raise VoteRefused(VoteRefused.ADDRESS_LIMIT)
                return self.votes.create(
                    choice=choice,
                    voter=voter,
                    address_hash=address_hash,
                    key=key,
                    language=language,
                )
        except IntegrityError as error:
            # The same voter, or the same form, from another address at the same moment:
            # the constraint wins.
            diagnostics = getattr(error.__cause__, "diag", None)
            constraint = diagnostics.constraint_name if diagnostics else None
            if constraint == ONE_VOTE_PER_KEY:
                return self.votes.get(key=key)
            if constraint == ONE_VOTE_PER_VOTER:
                raise VoteRefused(VoteRefused.ALREADY_VOTED) from error
            raise


class Choice(models.Model):
    poll = models.ForeignKey(
        Poll, on_delete=models.CASCADE, related_name="choices", verbose_name=_("poll")
    )
    text = models.CharField(_("answer"), max_length=200)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Smaller numbers come first.")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            # The target of the votes' (choice, poll) foreign key, see migration 0002.
            models.UniqueConstraint(fields=["id", "poll"], name="polls_choice_id_poll")
        ]

    def __str__(self):
        return self.text


class Vote(models.Model):
    """One reader's vote. Never edited: the results are sums of these rows."""

    poll = models.ForeignKey(
        Poll, on_delete=models.CASCADE, related_name="votes", verbose_name=_("poll")
    )
    # RESTRICT: an answer that has votes cannot be deleted on its own (the totals would
    # change), but deleting the whole poll takes its votes and answers with it.
    choice = models.ForeignKey(
        Choice, on_delete=models.RESTRICT, related_name="votes", verbose_name=_("answer")
    )
    voter = models.CharField(
        _("voter"),
        max_length=64,
        help_text=_("“user:” and an account number, or “browser:” and a random cookie id."),
    )
    address_hash = models.CharField(_("address hash"), max_length=64)
    # Made when the vote form was shown: a retry of the same vote is known by it.
    key = models.UUIDField(_("form key"), null=True, blank=True, editable=False)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("cast at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter"], name=ONE_VOTE_PER_VOTER),
            models.UniqueConstraint(fields=["poll", "key"], name=ONE_VOTE_PER_KEY),
        ]
        indexes = [
            models.Index(fields=["poll", "address_hash"], name="polls_vote_poll_address"),
            models.Index(fields=["poll", "created_at"], name="polls_vote_poll_created"),
        ]

    def __str__(self):
        return f"{self.poll} – {self.choice}"

    @property
    def is_member(self):
        return self.voter.startswith("user:")
