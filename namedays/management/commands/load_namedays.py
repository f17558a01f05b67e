"""Bring the name-day tables in line with the official calendar in the lv-namedays package.

The State Language Centre revises the calendar every few years; a revision arrives as a new
version of the package, and running this command again applies it. It runs on every
`make run`, so when nothing changed it writes nothing (issue 4). Dates the editors have
corrected in the admin are left as they are, unless --undo-corrections is given. The
package's data has a placeholder "-" on 29 February and, on 22 May, a phrase that is a note
about the day rather than a name: `read_calendar()` sorts these out.
"""

import unicodedata
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from lv_namedays import NameDayDB

from namedays.models import Name, NameDay, calendar_date, year_dates
from pagecache import content_changed

# Entries that stand for "no names on this date" (29 February).
PLACEHOLDERS = {"", "-"}


@dataclass
class Calendar:
    """The package's calendar, cleaned: per date, the names of the extended list in order
    with a flag for the extended-only ones, and the note (if any)."""

    names: dict = field(default_factory=dict)  # (month, day) -> [(name, is_extended), …]
    notes: dict = field(default_factory=dict)  # (month, day) -> [note, …] (both lists')
    remarks: list = field(default_factory=list)  # what was cleaned up, for --verbosity 2


def clean(entry):
    """An entry with Unicode normalised and runs of white space made single spaces."""
    return " ".join(unicodedata.normalize("NFC", entry).split())


def read_date(key):
    month, _, day = key.partition("-")
    date = calendar_date(int(month), int(day)) if month.isdigit() and day.isdigit() else None
    if date is None:
        raise CommandError(f"The package has a date that does not exist: {key!r}.")
    return date.month, date.day


def read_list(key, entries, calendar, list_name):
    """The names of one date in one list (without placeholders, duplicates and notes)."""
    names = []
    for raw in entries:
        entry = clean(raw)
        where = f"{key}, {list_name} list"
        if entry != raw:
            calendar.remarks.append(f"{where}: {raw!r} read as {entry!r}")
        if entry in PLACEHOLDERS:
            calendar.remarks.append(f"{where}: placeholder {entry!r}, not a name")
        elif " " in entry:  # a phrase, not a name: 22 May's note
            notes = calendar.notes.setdefault(read_date(key), [])
            if entry not in notes:
                notes.append(entry)
            calendar.remarks.append(f"{where}: {entry!r} is a note about the day, not a name")
        elif entry in names:
            calendar.remarks.append(f"{where}: {entry} appears twice, kept once")
        else:
            names.append(entry)
    return names


def read_calendar():
    """The package's traditional and extended lists, checked and merged into a Calendar."""
    source = NameDayDB()
    calendar = Calendar()
    seen = {}
    for key in sorted(source.namedays.keys() | source.namedays_ext.keys()):
        date = read_date(key)
        traditional = read_list(key, source.namedays.get(key, []), calendar, "traditional")
        extended = read_list(key, source.namedays_ext.get(key, []), calendar, "extended")
        # The extended list holds the traditional names, in the same order; one position per
        # name can then give both lists' order.
        if [name for name in extended if name in traditional] != traditional:
            raise CommandError(
                f"{key}: the traditional names {traditional} are not all in the extended list, "
                "in the same order; the name-day model cannot keep both orders."
            )
        for name in extended:
            if name in seen:
                raise CommandError(f"{name} has two name days in the package: {seen[name]}, {key}.")
            seen[name] = key
        calendar.names[date] = [(name, name not in traditional) for name in extended]
    return calendar


@dataclass
class Changes:
    new_days: list
    changed_notes: list
    new_names: list
    changed_names: list
    gone_names: list

    def __bool__(self):
        return any(vars(self).values())


def compare(calendar, keep_corrected=True):
    """What has to change in the database so that it holds `calendar`; reads two queries.

    Dates the editors have corrected in the admin keep their names and note, unless
    `keep_corrected` is off.
    """
    days = {(d.month, d.day): d for d in NameDay.objects.all()}
    corrected = {key for key, day in days.items() if day.corrected and keep_corrected}
    new_days, changed_notes = [], []
    for date in year_dates():
        key = (date.month, date.day)
        note = "; ".join(calendar.notes.get(key, []))
        if key not in days:
            new_days.append(NameDay(month=date.month, day=date.day, note=note))
        elif key not in corrected and days[key].note != note:
            days[key].note = note
            changed_notes.append(days[key])
    wanted = {
        name: (date, is_extended, position)
        for date, names in calendar.names.items()
        for position, (name, is_extended) in enumerate(names)
    }
    stored = {
        row.name: row
        for row in Name.objects.select_related("name_day").only(
            "name", "is_extended", "position", "name_day__month", "name_day__day"
        )
    }

    def date_of(row):
        return (row.name_day.month, row.name_day.day)

    changed = []
    for name, (date, is_extended, position) in wanted.items():
        row = stored.get(name)
        if (
            row
            and (date_of(row), row.is_extended, row.position) != (date, is_extended, position)
            and not {date_of(row), date} & corrected
        ):
            changed.append((row, date, is_extended, position))
    return Changes(
        new_days=new_days,
        changed_notes=changed_notes,
        new_names=[
            (name, *wanted[name])
            for name in wanted.keys() - stored.keys()
            if wanted[name][0] not in corrected
        ],
        changed_names=changed,
        gone_names=[
            stored[name]
            for name in stored.keys() - wanted.keys()
            if date_of(stored[name]) not in corrected
        ],
    )


def apply(changes):
    with transaction.atomic():
        NameDay.objects.bulk_create(changes.new_days)
        NameDay.objects.bulk_update(changes.changed_notes, ["note"])
        days = {(d.month, d.day): d for d in NameDay.objects.all()}
        Name.objects.filter(pk__in=[row.pk for row in changes.gone_names]).delete()
        for row, date, is_extended, position in changes.changed_names:
            row.name_day, row.is_extended, row.position = days[date], is_extended, position
        Name.objects.bulk_update(
            [row for row, *_ in changes.changed_names], ["name_day", "is_extended", "position"]
        )
        Name.objects.bulk_create(
            Name(name=name, name_day=days[date], is_extended=is_extended, position=position)
            for name, date, is_extended, position in changes.new_names
        )


def counted(number, noun):
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summary(calendar, changes, dry_run):
    """One line: what the package holds and what changed (or would change)."""
    flags = [is_extended for names in calendar.names.values() for _, is_extended in names]
    holds = ", ".join(
        [
            counted(len(calendar.names), "date"),
            counted(flags.count(False), "traditional name"),
            counted(flags.count(True), "extended-only name"),
            counted(len(calendar.notes), "note"),
        ]
    )
    if not changes:
        return f"Name days up to date: {holds}."
    if dry_run:
        add, change, remove = "Would add", "would change", "would remove"
    else:
        add, change, remove = "Added", "changed", "removed"
    return (
        f"Name days{' (dry run, nothing written)' if dry_run else ''}: {holds}. "
        f"{add} {counted(len(changes.new_days), 'date')} and "
        f"{counted(len(changes.new_names), 'name')}; "
        f"{change} {counted(len(changes.changed_names), 'name')} and "
        f"{counted(len(changes.changed_notes), 'note')}; "
        f"{remove} {counted(len(changes.gone_names), 'name')}."
    )


def label(date):
    month, day = date
    return f"{month:02d}-{day:02d}"


class Command(BaseCommand):
    help = (
        "Load the official Latvian name-day calendar (traditional and extended lists) from the "
        "lv-namedays package; changes only what differs. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change without writing."
        )
        parser.add_argument(
            "--undo-corrections",
            action="store_true",
            help="Also bring the dates the editors corrected in the admin back to the package.",
        )

    def handle(self, *args, dry_run=False, undo_corrections=False, verbosity=1, **options):
        calendar = read_calendar()
        corrected = NameDay.objects.filter(corrected=True)
        if not undo_corrections and (kept := [str(day) for day in corrected]):
            self.stdout.write(
                f"Left as the editors corrected them ({len(kept)}; --undo-corrections to "
                f"replace them too): {', '.join(kept)}."
            )
        changes = compare(calendar, keep_corrected=not undo_corrections)
        if verbosity >= 2:
            for remark in calendar.remarks:
                self.stdout.write(f"  {remark}")
            self.describe(changes)
        if not dry_run:
            with transaction.atomic():
                if undo_corrections:
                    corrected.update(corrected=False)
                if changes:
                    apply(changes)
            if changes:
                content_changed()  # every page's header shows name days
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(summary(calendar, changes, dry_run)))

    def describe(self, changes):
        """Each change on its own line (--verbosity 2)."""
        for day in changes.new_days:
            self.stdout.write(f"  + date {day}" + (f" (note: {day.note})" if day.note else ""))
        for day in changes.changed_notes:
            self.stdout.write(f"  ~ note of {day}: {day.note!r}")
        for name, date, is_extended, position in sorted(changes.new_names, key=lambda c: c[1:]):
            kind = "extended" if is_extended else "traditional"
            self.stdout.write(f"  + {name}: {label(date)} ({kind}, position {position})")
        for row, date, is_extended, position in changes.changed_names:
            kind = "extended" if is_extended else "traditional"
            self.stdout.write(f"  ~ {row.name}: now {label(date)} ({kind}, position {position})")
        for row in changes.gone_names:
            self.stdout.write(f"  - {row.name}: {row.name_day}")
