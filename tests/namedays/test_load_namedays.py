"""The loader: the database holds exactly the package's calendar, and reruns change nothing."""

from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from lv_namedays import NameDayDB

from namedays.management.commands import load_namedays
from namedays.models import Name, NameDay

pytestmark = pytest.mark.django_db

NOTE_OF_22_MAY = "Visu neparasto un kalendāros neierakstīto vārdu diena"


def load(*args):
    out = StringIO()
    call_command("load_namedays", *args, stdout=out)
    return out.getvalue()


def stored_lists():
    """{"MM-DD": (traditional names, extended list)} as the database orders them."""
    lists = defaultdict(lambda: ([], []))
    rows = Name.objects.order_by("name_day__month", "name_day__day", "position")
    for month, day, name, is_extended in rows.values_list(
        "name_day__month", "name_day__day", "name", "is_extended"
    ):
        traditional, extended = lists[f"{month:02d}-{day:02d}"]
        if not is_extended:
            traditional.append(name)
        extended.append(name)
    return lists


class FakePackage:
    """The package's data as a revision might change it (same shape as NameDayDB)."""

    def __init__(self, edit):
        package = NameDayDB()
        self.namedays = {key: list(names) for key, names in package.namedays.items()}
        self.namedays_ext = {key: list(names) for key, names in package.namedays_ext.items()}
        edit(self)


@pytest.fixture
def revision(monkeypatch):
    """Make the loader read a changed package."""

    def use(edit):
        monkeypatch.setattr(load_namedays, "NameDayDB", lambda: FakePackage(edit))

    return use


def test_database_equals_the_package_on_all_366_dates_in_both_lists():
    load()
    package = NameDayDB()
    stored = stored_lists()
    assert NameDay.objects.count() == 366
    for key in package.namedays:
        traditional = [n for n in package.namedays[key] if n not in ("-", NOTE_OF_22_MAY)]
        extended = [n for n in package.namedays_ext[key] if n != NOTE_OF_22_MAY]
        assert stored[key] == (traditional, extended), key
    assert Name.objects.count() == sum(len(names) for _, names in stored.values()) == 5651


def test_placeholder_of_29_february_and_note_of_22_may_are_not_names():
    load()
    assert not Name.objects.filter(name__in=["-", NOTE_OF_22_MAY]).exists()
    assert NameDay.objects.get(month=5, day=22).note == NOTE_OF_22_MAY
    assert not NameDay.objects.exclude(month=5, day=22).exclude(note="").exists()


def test_second_run_changes_nothing():
    load()
    before = list(Name.objects.values_list("pk", "name", "name_day", "is_extended", "position"))

    output = load()

    assert output.startswith("Name days up to date: 366 dates")
    assert list(Name.objects.values_list("pk", "name", "name_day", "is_extended", "position")) == (
        before
    )


def test_report_counts_the_calendar():
    output = load()
    assert "366 dates, 1032 traditional names, 4619 extended-only names, 1 note." in output
    assert "Added 366 dates and 5651 names; changed 0 names and 0 notes; removed 0 names." in output


def test_dry_run_reports_what_would_change_and_writes_nothing():
    output = load("--dry-run", "--verbosity", "2")

    assert "dry run, nothing written" in output
    assert "Would add 366 dates and 5651 names; would change 0 names and 0 notes;" in output
    assert "+ Jānis: 06-24 (traditional, position 0)" in output
    assert not NameDay.objects.exists()
    assert not Name.objects.exists()


def test_a_revision_moves_adds_removes_and_reorders_names(revision):
    load()

    def edit(package):
        package.namedays["06-24"] = ["Jānis", "Jāņuks"]  # a new traditional name
        package.namedays_ext["06-24"] = ["Jānis", "Jāņuks", "Juoņs"]  # Joņs removed
        package.namedays_ext["06-23"] = ["Līga", "Līgotnis", "Līgonis"]  # reordered
        package.namedays_ext["08-27"].remove("Janis")  # moved to 28 August
        package.namedays_ext["08-28"].append("Janis")

    revision(edit)
    output = load()

    # Besides Līgonis, Līgotnis and Janis, the names after Janis on 27 August move up.
    after_janis = (
        len(NameDayDB().namedays_ext["08-27"])
        - 1
        - (NameDayDB().namedays_ext["08-27"].index("Janis"))
    )
    assert f"Added 0 dates and 1 name; changed {3 + after_janis} names and 0 notes;" in output
    assert "removed 1 name." in output
    stored = stored_lists()
    assert stored["06-24"] == (["Jānis", "Jāņuks"], ["Jānis", "Jāņuks", "Juoņs"])
    assert stored["06-23"] == (["Līga"], ["Līga", "Līgotnis", "Līgonis"])
    assert stored["08-28"][1][-1] == "Janis"
    assert not Name.objects.filter(name="Joņs").exists()


def test_a_changed_note_is_applied(revision):
    load()

    def edit(package):
        package.namedays["05-22"][1] = package.namedays_ext["05-22"][-1] = "Jauna piezīme"

    revision(edit)
    output = load()

    assert "changed 0 names and 1 note;" in output
    assert NameDay.objects.get(month=5, day=22).note == "Jauna piezīme"


def test_stray_spaces_and_repeated_names_are_cleaned(revision):
    def edit(package):
        package.namedays["11-14"] = [" Fricis", "Vikentijs ", "Vincents", "Vincents"]
        package.namedays_ext["11-14"] = ["Fricis", " Vikentijs", "Vincents", "Spricis  "]

    revision(edit)
    load()

    assert stored_lists()["11-14"] == (
        ["Fricis", "Vikentijs", "Vincents"],
        ["Fricis", "Vikentijs", "Vincents", "Spricis"],
    )


def test_a_name_on_two_dates_is_refused(revision):
    revision(lambda package: package.namedays_ext["06-25"].append("Jānis"))

    with pytest.raises(CommandError, match="Jānis has two name days"):
        load()
    assert not Name.objects.exists()


def test_traditional_names_missing_from_the_extended_list_are_refused(revision):
    revision(lambda package: package.namedays_ext["06-24"].remove("Jānis"))

    with pytest.raises(CommandError, match="06-24: the traditional names"):
        load()


def test_an_impossible_date_in_the_package_is_refused(revision):
    revision(lambda package: package.namedays.__setitem__("02-30", ["Nevienam"]))

    with pytest.raises(CommandError, match="does not exist: '02-30'"):
        load()


def test_dates_the_editors_corrected_are_kept_until_told_otherwise(revision):
    load()
    june_24 = NameDay.objects.get(month=6, day=24)
    Name.objects.filter(name="Joņs").update(name="Jonis")  # the editors' spelling
    june_24.note = "Līgo vakars"
    june_24.corrected = True
    june_24.save()

    def edit(package):
        package.namedays_ext["06-24"].append("Jāņuks")  # the package's revision of the date
        package.namedays_ext["06-23"].append("Līgotne")

    revision(edit)
    output = load()

    assert "Left as the editors corrected them (1; --undo-corrections" in output
    assert "06-24" in output
    june_24.refresh_from_db()
    assert june_24.note == "Līgo vakars"
    assert "Jonis" in stored_lists()["06-24"][1]
    assert "Jāņuks" not in stored_lists()["06-24"][1]
    assert "Joņs" not in stored_lists()["06-24"][1]
    assert stored_lists()["06-23"][1][-1] == "Līgotne"  # uncorrected dates follow the package

    dry_run = load("--undo-corrections", "--dry-run")
    assert "Would add 0 dates and 2 names; would change 0 names and 1 note;" in dry_run
    assert NameDay.objects.get(month=6, day=24).corrected

    load("--undo-corrections")
    june_24.refresh_from_db()
    assert (june_24.note, june_24.corrected) == ("", False)
    assert stored_lists()["06-24"][1] == [*NameDayDB().namedays_ext["06-24"], "Jāņuks"]
    assert not Name.objects.filter(name="Jonis").exists()
