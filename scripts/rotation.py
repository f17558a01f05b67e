"""Which backups to keep: the newest of each of the last N days, weeks and months (issue 18).

The rule of restic's and borg's `--keep-daily/--keep-weekly/--keep-monthly`: go from the
newest archive to the oldest, and keep an archive when it is the newest of a day (week,
month) that has not yet had one kept, until N days (weeks, months) have one. An archive
kept for one rule counts for the others too. With every N at 0 nothing is deleted.
"""

import datetime
import re

STAMP = "%Y-%m-%d-%H%M%S"


def archive_pattern(prefix=None):
    """Names `create` gives the archives of database `prefix` (None: of any database):
    <prefix>-<stamp>.tar or, encrypted, <prefix>-<stamp>.tar.age."""
    database = re.escape(prefix) if prefix else r".+"
    return re.compile(rf"{database}-(\d{{4}}-\d\d-\d\d-\d{{6}})\.tar(\.age)?")


def made_at(name, prefix=None):
    """When the archive `name` was made (its name says), or None for any other file."""
    if found := archive_pattern(prefix).fullmatch(name):
        return datetime.datetime.strptime(found[1], STAMP)  # noqa: DTZ007 (local, as named)
    return None


PERIODS = {
    "daily": lambda moment: moment.date(),
    "weekly": lambda moment: moment.isocalendar()[:2],
    "monthly": lambda moment: (moment.year, moment.month),
}


def to_keep(names, prefix, keep):
    """The names of `names` to keep under `keep` ({"daily": 7, "weekly": 4, ...}); names
    that are not this database's archives are neither kept nor deleted: left out."""
    dated = sorted(
        ((moment, name) for name in names if (moment := made_at(name, prefix))), reverse=True
    )
    if not any(keep.values()):
        return {name for _, name in dated}
    kept = set()
    for period, count in keep.items():
        seen = set()
        for moment, name in dated:
            if len(seen) >= count:
                break
            key = PERIODS[period](moment)
            if key not in seen:
                seen.add(key)
                kept.add(name)
    return kept


def to_delete(names, prefix, keep):
    """This database's archives among `names` that the rotation removes."""
    kept = to_keep(names, prefix, keep)
    return sorted(name for name in names if made_at(name, prefix) and name not in kept)
