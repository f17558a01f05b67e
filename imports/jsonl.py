"""The neutral format: JSON Lines, one article a line (docs/import-format.md)."""

import json
from zoneinfo import ZoneInfo

from imports.records import (
    LANGUAGES,
    BadRecord,
    ImportFileError,
    PhotoSpec,
    RecordError,
    Story,
    parse_datetime,
)

PHOTO_FIELDS = ("title", "caption", "credit", "alt")


def languages(value, field):
    """{"lv": …, "ru": …} from a dict of languages, or a plain string (Latvian)."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"lv": value} if value else {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise RecordError(f"{field} must be text or an object of languages")
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        raise RecordError(f"{field} has an unknown language {sorted(unknown)[0]!r}")
    return {code: text for code, text in value.items() if text}


def photo(value, field):
    if isinstance(value, str):
        value = {"file": value}
    if not isinstance(value, dict) or not isinstance(value.get("file"), str) or not value["file"]:
        raise RecordError(f"{field} needs a file")
    return PhotoSpec(
        file=value["file"],
        id=str(value.get("id") or ""),
        **{name: languages(value.get(name), f"{field}.{name}") for name in PHOTO_FIELDS},
    )


def addresses(value, field):
    found = []
    for item in value or []:
        if isinstance(item, str):
            item = {"path": item}
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise RecordError(f"{field} must be a list of addresses")
        found.append({"path": item["path"], "language": item.get("language") or "lv"})
    return found


def story(data, zone):
    if not isinstance(data, dict):
        raise RecordError("the line is not a JSON object")
    title = languages(data.get("title"), "title")
    if not title.get("lv"):
        raise RecordError("the Latvian title (title.lv) is missing")
    section = data.get("section")
    if isinstance(section, str):
        section = {"slug": section}
    if not isinstance(section, dict) or not section.get("slug"):
        raise RecordError("the section (section.slug) is missing")
    if "published_at" not in data:
        raise RecordError("the publication time (published_at) is missing")
    return Story(
        id=str(data["id"]),
        slug=str(data.get("slug") or ""),
        title=title,
        lead=languages(data.get("lead"), "lead"),
        body=languages(data.get("body"), "body"),
        section={
            "slug": str(section["slug"]),
            "name": languages(section.get("name"), "section.name") or {"lv": section["slug"]},
            "old_addresses": addresses(section.get("old_addresses"), "section.old_addresses"),
        },
        published_at=parse_datetime(data["published_at"], zone),
        author=str(data.get("author") or ""),
        author_role=str(data.get("author_role") or ""),
        is_published=bool(data.get("is_published", True)),
        main_photo=photo(data["main_photo"], "main_photo") if data.get("main_photo") else None,
        photos=[photo(p, f"photos[{n}]") for n, p in enumerate(data.get("photos") or [])],
        old_addresses=addresses(data.get("old_addresses"), "old_addresses"),
    )


class JsonLinesReader:
    def __init__(self, path, zone="Europe/Riga"):
        self.path, self.zone = path, ZoneInfo(zone)
        self.total = None

    def check(self):
        """Count the records, and refuse a truncated file before anything is written."""
        count, last = 0, b"\n"
        with open(self.path, "rb") as file:
            for line in file:
                if line.strip():
                    count += 1
                last = line
        if count == 0:
            raise ImportFileError("The file is empty.")
        if not last.endswith(b"\n"):
            try:
                json.loads(last)
            except ValueError:
                raise ImportFileError(
                    f"The file ends in the middle of record {count} (line {count}): it is "
                    "truncated; export it again."
                ) from None
        self.total = count
        return count

    def stories(self):
        with open(self.path, encoding="utf-8", errors="strict") as file:
            number = 0
            while True:
                try:
                    line = file.readline()
                except UnicodeDecodeError:
                    raise ImportFileError(
                        f"Line {number + 1} is not UTF-8 text: this is not a JSON Lines file."
                    ) from None
                if not line:
                    return
                number += 1
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except ValueError as error:
                    yield BadRecord(f"line {number}", f"not valid JSON ({error.msg})")
                    continue
                record_id = data.get("id") if isinstance(data, dict) else None
                if record_id in (None, ""):
                    yield BadRecord(f"line {number}", "the record has no id")
                    continue
                try:
                    yield story(data, self.zone)
                except RecordError as error:
                    yield BadRecord(str(record_id), str(error))
