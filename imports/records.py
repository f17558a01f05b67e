"""The neutral shape every source is read into (the JSON Lines format, docs/import-format.md).

A reader yields `Story` objects (one article with its language versions) or `BadRecord`s
(its id and a one-line reason); the importer writes stories and reports bad records.
"""

import dataclasses
import datetime
import hashlib
import json

LANGUAGES = ("lv", "ru", "en")


class ImportFileError(Exception):
    """The file as a whole cannot be read: one line for the sysadmin, nothing written."""


class RecordError(Exception):
    """One record cannot be imported; its message is the one-line reason."""


@dataclasses.dataclass
class BadRecord:
    id: str
    reason: str


@dataclasses.dataclass
class PhotoSpec:
    file: str  # relative to the media folder
    id: str = ""  # the source's id of the photo; by default "file:<file>"
    title: dict = dataclasses.field(default_factory=dict)
    caption: dict = dataclasses.field(default_factory=dict)
    credit: dict = dataclasses.field(default_factory=dict)
    alt: dict = dataclasses.field(default_factory=dict)

    @property
    def source_id(self):
        return self.id or f"file:{self.file}"


@dataclasses.dataclass
class Story:
    id: str
    title: dict
    section: dict  # {"slug": …, "name": {"lv": …, "ru": …}, "old_addresses": [...]}
    published_at: datetime.datetime
    slug: str = ""
    lead: dict = dataclasses.field(default_factory=dict)
    body: dict = dataclasses.field(default_factory=dict)
    author: str = ""
    author_role: str = ""
    is_published: bool = True
    main_photo: PhotoSpec | None = None
    photos: list = dataclasses.field(default_factory=list)  # of PhotoSpec
    old_addresses: list = dataclasses.field(default_factory=list)  # of {"path", "language"}

    def checksum(self):
        """Changes whenever anything the importer would write changes."""
        data = dataclasses.asdict(self)
        data["published_at"] = self.published_at.isoformat()
        encoded = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()


def parse_datetime(value, zone):
    """An ISO 8601 time ("2019-03-14T10:00:00+02:00", "2019-03-14 10:00:00"); a time
    without offset is in `zone`. RecordError when it does not parse."""
    try:
        parsed = datetime.datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise RecordError(f"the date {str(value)[:40]!r} does not parse") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed
