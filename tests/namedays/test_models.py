"""Dates, today's names in Riga, the search, and the integrity rules of the calendar."""

import datetime

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from namedays.models import EXACT, SAME_LETTERS, SIMILAR, Name, NameDay, fold

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar")]

# Thursday 14 November 2024, 00:30 in Riga, when it is still the 13th in UTC.
JUST_AFTER_MIDNIGHT_IN_RIGA = "2024-11-13T22:30:00+00:00"


def names_on(month, day):
    return NameDay.objects.with_names().get(month=month, day=day)


def found(text):
    return [(name.name, str(name.name_day), name.match) for name in Name.objects.search(text)]


def test_today_changes_at_midnight_in_riga_not_in_utc():
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        today = NameDay.objects.today()
    assert (today.month, today.day) == (11, 14)
    assert today.traditional_names == ["Fricis", "Vikentijs", "Vincents"]


def test_29_february_has_no_names_in_either_list():
    leap_day = names_on(2, 29)
    assert (leap_day.traditional_names, leap_day.extended_names, leap_day.note) == ([], [], "")


def test_22_may_has_emilija_and_a_note_that_is_not_a_name():
    may_22 = names_on(5, 22)
    assert may_22.traditional_names == ["Emīlija"]
    assert may_22.note == "Visu neparasto un kalendāros neierakstīto vārdu diena"
    assert "Emilija" in may_22.extended_names


def test_note_of_22_may_is_given_in_the_readers_language():
    may_22 = names_on(5, 22)
    with translation.override("ru"):
        assert may_22.translated_note == "День всех необычных и не внесённых в календари имён"
    with translation.override("en"):
        assert may_22.translated_note == (
            "The day of all unusual names and of names not in the calendar"
        )
    with translation.override("lv"):
        assert may_22.translated_note == "Visu neparasto un kalendāros neierakstīto vārdu diena"


def test_a_note_the_site_cannot_translate_shows_in_latvian():
    day = NameDay(month=5, day=23, note="Cita piezīme")
    with translation.override("ru"):
        assert day.translated_note == "Cita piezīme"


def test_midsummer_names_are_liga_and_janis():
    assert names_on(6, 23).traditional_names == ["Līga"]
    assert names_on(6, 24).traditional_names == ["Jānis"]
    assert names_on(6, 24).extended_names == ["Joņs", "Juoņs"]


def test_extended_names_keep_the_official_order():
    assert names_on(11, 14).extended_names[:3] == ["Frederika", "Frederiks", "Fredriks"]


def test_following_days_wrap_round_the_new_year_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        days = NameDay.objects.with_names().following(datetime.date(2026, 12, 31), 2)
    assert [(date, str(day)) for date, day in days] == [
        (datetime.date(2026, 12, 31), "12-31"),
        (datetime.date(2027, 1, 1), "01-01"),
    ]


def test_by_month_gives_twelve_months_and_all_366_days():
    months = NameDay.objects.by_month()
    assert [month.month for month, _days in months] == list(range(1, 13))
    assert [len(days) for _month, days in months][:3] == [31, 29, 31]


def test_fold_drops_case_and_latvian_diacritics():
    assert fold("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž") == "acegiklnsuz acegiklnsuz"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Янис", "janis"),
        ("Мартиньш", "martins"),
        ("Екатерина", "jekaterina"),
        ("Айвар", "aivar"),
        ("Майя", "maija"),
        ("Сергей", "sergej"),
        ("Наталья", "natalja"),
        ("Жанна", "zanna"),
    ],
)
def test_fold_writes_cyrillic_the_way_latvian_spells_names(cyrillic, latin):
    assert fold(cyrillic) == latin


def test_folded_column_matches_the_python_folding():
    name = Name.objects.get(name="Ģirts")
    assert name.folded == fold(name.name) == "girts"


def test_name_is_found_without_its_diacritics():
    assert ("Mārcis", "11-10", SAME_LETTERS) in found("Marcis")
    assert found("karlis")[0] == ("Kārlis", "01-28", SAME_LETTERS)


def test_exact_spelling_wins_over_the_same_letters_without_diacritics():
    assert found("Janis")[:2] == [("Janis", "08-27", EXACT), ("Jānis", "06-24", SAME_LETTERS)]
    assert found("Jānis")[:2] == [("Jānis", "06-24", EXACT), ("Janis", "08-27", SAME_LETTERS)]


def test_search_ignores_case():
    assert found("JĀNIS")[0] == ("Jānis", "06-24", EXACT)


def test_near_spellings_find_similar_names():
    assert ("Mārcis", "11-10", SIMILAR) in found("Marcs")[:3]


def test_search_for_nothing_finds_nothing():
    assert found("   ") == []
    assert found("Qwxyzq") == []


@pytest.mark.parametrize(
    ("month_day", "today", "expected"),
    [
        ((11, 14), datetime.date(2026, 11, 25), datetime.date(2026, 11, 14)),
        ((11, 25), datetime.date(2026, 11, 25), datetime.date(2026, 11, 25)),
        ((12, 31), datetime.date(2026, 11, 25), datetime.date(2025, 12, 31)),
        ((2, 29), datetime.date(2026, 11, 25), datetime.date(2024, 2, 29)),
        ((2, 29), datetime.date(2028, 2, 28), datetime.date(2024, 2, 29)),
        ((2, 29), datetime.date(2103, 3, 1), datetime.date(2096, 2, 29)),  # 2100: no 29th
    ],
)
def test_last_occurrence_is_the_latest_such_day_up_to_today(month_day, today, expected):
    month, day = month_day
    assert NameDay.objects.get(month=month, day=day).last_occurrence(today) == expected


def test_articles_link_goes_to_the_news_day_archive():
    with time_machine.travel("2026-11-25T12:00:00+02:00", tick=False):
        url = NameDay.objects.get(month=2, day=29).get_articles_url()
    assert url == reverse("news:archive_day", kwargs={"day": datetime.date(2024, 2, 29)})


def test_a_name_cannot_have_two_name_days():
    with pytest.raises(IntegrityError), transaction.atomic():
        Name.objects.create(name="Jānis", name_day=names_on(8, 27), position=99)


@pytest.mark.parametrize("name", ["", " Jānis", "Jānis "])
def test_a_name_cannot_be_empty_or_padded(name):
    with pytest.raises(IntegrityError), transaction.atomic():
        Name.objects.create(name=name, name_day=NameDay.objects.first(), position=99)


@pytest.mark.parametrize(("month", "day"), [(2, 30), (4, 31), (13, 1), (0, 5), (1, 0)])
def test_impossible_dates_cannot_be_stored(month, day):
    with pytest.raises(IntegrityError), transaction.atomic():
        NameDay.objects.create(month=month, day=day)
