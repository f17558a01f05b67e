"""The official Latvian name-day calendar (Valsts valodas centrs), loaded by `load_namedays`.

A `NameDay` is one of the 366 dates of the calendar with its names; a `Name` is one name in
it. The extended list holds every name; the traditional one (the names calendars print) is
the subset with `is_extended` off, in the same order (issue 4).
"""

import contextlib
import datetime
import functools
import itertools
import operator

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import TrigramSimilarity
from django.db import models
from django.db.models import Case, Deferrable, F, OuterRef, Q, Value, When
from django.db.models.functions import Lower, Trim
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from namedays.spelling import (
    FOLD_FROM,
    FOLD_TO,
    UNMARK_FROM,
    UNMARK_TO,
    fold,
    latvian_equivalents,
    latvian_forms,
    unmarked,
)

# Any leap year: it gives 29 February a date, for validation and for writing dates out.
LEAP_YEAR = 2024

# Notes about a day that the site can give in the reader's language; any other note shows as
# the calendar has it. The Latvian text stays the official one.
NOTE_TRANSLATIONS = {
    "Visu neparasto un kalendāros neierakstīto vārdu diena": _(
        "The day of all unusual names and of names not in the calendar"
    ),
}


def calendar_date(month, day):
    """The date of `month`-`day` in a leap year, or None when there is no such day."""
    try:
        return datetime.date(LEAP_YEAR, month, day)
    except (TypeError, ValueError):
        return None


def year_dates():
    """The 366 dates of the calendar, 1 January to 31 December (in a leap year)."""
    first = datetime.date(LEAP_YEAR, 1, 1)
    return [first + datetime.timedelta(days=offset) for offset in range(366)]


class NameDayQuerySet(models.QuerySet):
    def mark_corrected(self):
        """Mark these dates as the editors' own: load_namedays then leaves them alone."""
        return self.update(corrected=True)

    def with_names(self):
        """Each date with `traditional_names` and `extended_names` (the extended-only ones).

        Both are lists of strings in the official order, fetched in the same query; as
        subqueries they stay right whatever joins a later filter (the admin's search) adds.
        """
        names = Name.objects.filter(name_day=OuterRef("pk")).order_by("position").values("name")
        return self.annotate(
            traditional_names=ArraySubquery(names.filter(is_extended=False)),
            extended_names=ArraySubquery(names.filter(is_extended=True)),
        )

    def for_date(self, date):
        return self.filter(month=date.month, day=date.day)

    def for_dates(self, dates):
        """The given dates (any year), in calendar order."""
        dates = list(dates)
        if not dates:
            return self.none()
        return self.filter(
            functools.reduce(operator.or_, (Q(month=d.month, day=d.day) for d in dates))
        )

    def following(self, start, count):
        """[(date, name day or None), …] for `count` days from `start`, in one query."""
        dates = [start + datetime.timedelta(days=offset) for offset in range(count)]
        found = {(day.month, day.day): day for day in self.for_dates(dates)}
        return [(date, found.get((date.month, date.day))) for date in dates]

    def today(self):
        """Today's date (in Riga, so it turns at local midnight) with its names, or None
        before the calendar is loaded: what the header shows on every page, in one query."""
        return self.with_names().for_date(timezone.localdate()).first()

    def by_month(self):
        """The dates grouped as [(first day of the month, [name days…]), …] for the year."""
        return [
            (datetime.date(LEAP_YEAR, month, 1), list(days))
            for month, days in itertools.groupby(self.order_by("month", "day"), lambda d: d.month)
        ]


class NameDay(models.Model):
    month = models.PositiveSmallIntegerField(_("month"), choices=list(MONTHS.items()))
    day = models.PositiveSmallIntegerField(_("day"))
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_(
            "A remark about the day that is not a name, shown beside the names "
            "(22 May: the day of all names not in the calendar)."
        ),
    )
    corrected = models.BooleanField(
        _("corrected by the editors"),
        default=False,
        help_text=_(
            "Set when an editor changes this date or its names: loading a new revision of "
            "the official calendar then leaves the date as the editors have it."
        ),
    )

    objects = NameDayQuerySet.as_manager()

    class Meta:
        ordering = ["month", "day"]
        verbose_name = _("name day")
        verbose_name_plural = _("name days")
        constraints = [
            models.UniqueConstraint(fields=["month", "day"], name="nameday_date_once"),
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12, day__gte=1)
                & (
                    Q(day__lte=29)
                    | Q(day=30, month__in=[1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
                    | Q(day=31, month__in=[1, 3, 5, 7, 8, 10, 12])
                ),
                name="nameday_date_exists",
                violation_error_message=_("There is no such date."),
            ),
        ]

    def __str__(self):
        return f"{self.month:02d}-{self.day:02d}"

    def get_absolute_url(self):
        return reverse("namedays:day", kwargs={"date": self.date})

    @property
    def date(self):
        """The date in a leap year, for writing it out ("14. novembris") and for URLs."""
        return datetime.date(LEAP_YEAR, self.month, self.day)

    @property
    def previous_date(self):
        """The day before, going from 1 January back to 31 December."""
        return self.date - datetime.timedelta(days=1)

    @property
    def next_date(self):
        return self.date + datetime.timedelta(days=1)

    @property
    def translated_note(self):
        """The note in the reader's language where known (22 May's), else in Latvian."""
        if get_language() == "lv" or self.note not in NOTE_TRANSLATIONS:
            return self.note
        return NOTE_TRANSLATIONS[self.note]

    def last_occurrence(self, today=None):
        """The latest real date with this month and day up to today (29 February: leap years)."""
        today = today or timezone.localdate()
        # Eight years always hold a leap year (1896 → 1904), so nine are enough.
        for year in range(today.year, today.year - 9, -1):
            with contextlib.suppress(ValueError):
                if (date := datetime.date(year, self.month, self.day)) <= today:
                    return date
        raise ValueError(f"{self} has no date in the nine years up to {today}.")

    def get_articles_url(self):
        """The newspaper's articles of the latest such day (news' day archive)."""
        return reverse("news:archive_day", kwargs={"day": self.last_occurrence()})


# How a search result matches: spelt exactly so (case aside), the Latvian spelling of a
# name typed in Russian letters (Сергей → Sergejs), the Latvian name of the same saint
# (Пётр → Pēteris), the same letters without the diacritics, or only similar.
EXACT, LATVIAN_FORM, LATVIAN_EQUIVALENT, SAME_LETTERS, SIMILAR = range(5)


class NameQuerySet(models.QuerySet):
    def search(self, text):
        """Names matching `text`, best first, each with its date (`name_day`) in one query.

        Ignores case and the Latvian diacritics but prefers an exact spelling: "Janis"
        finds Janis (27 August) before Jānis (24 June). A name in Russian letters finds its
        Latvian spellings next ("Александр": Aleksandrs before Aleksandra; "Пётр": Pjotrs,
        then Pēteris), in namedays.spelling's order. `match` is one of EXACT, LATVIAN_FORM,
        LATVIAN_EQUIVALENT, SAME_LETTERS or SIMILAR (names that start like it, or are
        spelt nearly like it: "Marcs" → Mārcis).
        """
        text = text.strip()
        folded = fold(text)
        if not folded:
            return self.none()
        # The rules cannot know a name's length marks (Natālija) or softness (Ņina), so their
        # spellings are compared without them; the equivalents are spelt out in full.
        forms = list(dict.fromkeys(unmarked(form) for form in latvian_forms(text)))
        equivalents = latvian_equivalents(text)
        order = [When(unmarked=form, then=Value(rank)) for rank, form in enumerate(forms)]
        order += [
            When(name=name, then=Value(rank)) for rank, name in enumerate(equivalents, len(forms))
        ]
        return (
            self.filter(
                Q(folded__startswith=folded)
                | Q(folded__trigram_similar=folded)
                | Q(folded__in=[fold(form) for form in forms])
                | Q(name__in=equivalents)
            )
            .annotate(
                unmarked=Lower(
                    models.Func(
                        F("name"), Value(UNMARK_FROM), Value(UNMARK_TO), function="translate"
                    )
                ),
            )
            .annotate(
                match=Case(
                    When(name__iexact=text, then=Value(EXACT)),
                    When(unmarked__in=forms, then=Value(LATVIAN_FORM)),
                    When(name__in=equivalents, then=Value(LATVIAN_EQUIVALENT)),
                    When(folded=folded, then=Value(SAME_LETTERS)),
                    default=Value(SIMILAR),
                ),
                # In the order of the rules: Natalja before Natālija for "Наталья".
                rule_order=Case(*order, default=Value(len(forms) + len(equivalents))),
                similarity=TrigramSimilarity("folded", Value(folded)),
            )
            .select_related("name_day")
            .order_by("match", "rule_order", "is_extended", "-similarity", "folded", "name")
        )


class Name(models.Model):
    name_day = models.ForeignKey(
        NameDay, models.CASCADE, related_name="names", verbose_name=_("date")
    )
    name = models.CharField(_("given name"), max_length=50)
    is_extended = models.BooleanField(
        _("extended list only"),
        default=False,
        help_text=_("Off for the names that printed calendars carry (the traditional list)."),
    )
    position = models.PositiveSmallIntegerField(
        _("place in the list"),
        help_text=_("The order of the names on their date, as in the official extended list."),
    )
    # What search compares: lower case without diacritics ("Mārcis" → "marcis").
    folded = models.GeneratedField(
        expression=Lower(
            models.Func(F("name"), Value(FOLD_FROM), Value(FOLD_TO), function="translate")
        ),
        output_field=models.CharField(max_length=50),
        db_persist=True,
    )

    objects = NameQuerySet.as_manager()

    class Meta:
        ordering = ["name_day", "position"]
        verbose_name = _("name in the calendar")
        verbose_name_plural = _("names in the calendar")
        constraints = [
            # Every name has one day, in both lists: the extended list holds all names.
            models.UniqueConstraint(
                fields=["name"],
                name="nameday_name_once",
                violation_error_message=_("This name already has a name day."),
            ),
            # Deferred so that the loader can reorder a date's names in one transaction.
            models.UniqueConstraint(
                fields=["name_day", "position"],
                name="nameday_name_position",
                deferrable=Deferrable.DEFERRED,
            ),
            models.CheckConstraint(
                condition=~Q(name="") & Q(name=Trim("name")),
                name="nameday_name_trimmed",
                violation_error_message=_("A name cannot be empty or start or end with a space."),
            ),
        ]
        indexes = [
            models.Index(fields=["folded"], name="nameday_name_folded"),
            GinIndex(OpClass("folded", name="gin_trgm_ops"), name="nameday_name_folded_trgm"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.name_day.get_absolute_url()

    @property
    def is_latvian_equivalent(self):
        """Found by search as the Latvian name of the Russian one asked for (Пётр → Pēteris)."""
        return getattr(self, "match", None) == LATVIAN_EQUIVALENT
