"""Which archives the rotation keeps: the newest of each of the last N days, weeks and
months (scripts/rotation.py, issue 18)."""

import datetime

from scripts.rotation import STAMP, to_delete, to_keep

KEEP = {"daily": 7, "weekly": 4, "monthly": 12}


def nightly(days, start=datetime.datetime(2026, 12, 31, 3, 15)):  # noqa: DTZ001 (as named)
    """A year of nightly archives of database "vestis", the newest first."""
    return [
        f"vestis-{(start - datetime.timedelta(days=day)).strftime(STAMP)}.tar"
        for day in range(days)
    ]


def test_a_year_of_nightly_backups_keeps_seven_days_four_weeks_and_twelve_months():
    names = nightly(365)
    kept = to_keep(names, "vestis", KEEP)
    # 7 days (25–31 Dec); 4 weeks: Thursday the 31st's (W53) and the Sundays ending
    # W52, W51 and W50; 12 months: the last day of each, December's being the 31st.
    assert sorted(kept, reverse=True)[:7] == names[:7]
    assert "vestis-2026-12-20-031500.tar" in kept  # W51
    assert "vestis-2026-12-13-031500.tar" in kept  # W50, the fourth week
    assert "vestis-2026-12-06-031500.tar" not in kept  # a fifth week
    assert "vestis-2026-11-30-031500.tar" in kept and "vestis-2026-01-31-031500.tar" in kept
    assert "vestis-2026-01-30-031500.tar" not in kept
    assert len(kept) == 7 + 2 + 11  # the 4 weeks share 2 with the days; 11 more months


def test_several_a_day_keep_the_newest_of_the_day():
    names = ["vestis-2026-12-01-031500.tar", "vestis-2026-12-01-140000.tar.age"]
    assert to_keep(names, "vestis", {"daily": 1, "weekly": 0, "monthly": 0}) == {names[1]}


def test_other_files_and_other_databases_archives_are_never_deleted():
    names = [*nightly(40), "notes.txt", "vestis_old-2020-01-01-031500.tar", "vestis.tar"]
    deleted = to_delete(names, "vestis", {"daily": 1, "weekly": 0, "monthly": 0})
    assert len(deleted) == 39
    assert all(name.startswith("vestis-2026-") for name in deleted)


def test_keeping_nothing_of_any_kind_deletes_nothing():
    assert to_delete(nightly(30), "vestis", {"daily": 0, "weekly": 0, "monthly": 0}) == []
