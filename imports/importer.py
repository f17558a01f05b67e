"""Writing stories: each in its own transaction, all of it or nothing (issue 13).

A story is checked first (its texts, its slug, its photos' files and their content) and
written only when every check passes; a failure half-way rolls the article back and removes
the photo files it had stored, so an article is never half-written. The source's ids are
kept (ImportedRecord): a rerun finds what it made, leaves an unchanged story alone, updates
a changed one and never makes a second copy.
"""

import dataclasses
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import DatabaseError, connection, transaction
from django.utils.text import slugify

from addresses.models import MAX_PATH, OldAddress
from addresses.shapes import normalise
from gallery.images import clean_image
from gallery.models import Photo
from imports import html
from imports.models import ImportedRecord
from imports.records import LANGUAGES, PhotoSpec, RecordError
from news.models import Article, ArticlePhoto, Author, Section

Kind = ImportedRecord.Kind


@dataclasses.dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    photos: int = 0
    addresses: int = 0

    def line(self, dry_run):
        verb = "would be" if dry_run else "were"
        return (
            f"Articles: {self.created:,} new, {self.updated:,} updated, {self.unchanged:,} "
            f"unchanged, {self.skipped:,} skipped; photos new: {self.photos:,}; old "
            f"addresses: {self.addresses:,} ({verb} written)."
        )


class Importer:
    def __init__(self, media_dir=None, *, dry_run=False, say=print):
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.dry_run, self.say = dry_run, say
        self.summary = Summary()
        self.body_field = Article._meta.get_field("body_lv")
        # slug → (Section, its old addresses written), once committed: no query again
        self.sections = {}

    def skip(self, record_id, reason):
        self.summary.skipped += 1
        self.say(f"Skipped {record_id}: {reason}")

    def add(self, story):
        """Import one story (or tell why not); the outcome is counted in the summary."""
        try:
            outcome = self.import_story(story)
        except RecordError as error:
            self.skip(story.id, str(error))
            return
        except DatabaseError as error:  # rolled back; e.g. a slug taken by a parallel writer
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error)
            self.skip(story.id, f"the database refused it: {reason}")
            return
        setattr(self.summary, outcome, getattr(self.summary, outcome) + 1)

    # Checks, before anything is written.

    def file_of(self, spec):
        if self.media_dir is None:
            raise RecordError(f"photo {spec.file} given, but no --media-dir to find it in")
        path = (self.media_dir / spec.file.lstrip("/")).resolve()
        if not path.is_relative_to(self.media_dir):
            raise RecordError(f"photo {spec.file} is outside the media folder")
        if not path.is_file():
            raise RecordError(f"attachment {spec.file} is missing from the media folder")
        return path

    def is_local(self, relative):
        if self.media_dir is None:
            return False
        path = (self.media_dir / relative).resolve()
        return path.is_relative_to(self.media_dir) and path.is_file()

    def texts(self, story):
        """The bodies, cleaned and sanitised, and the images they showed."""
        bodies, images = {}, []
        for code, text in story.body.items():
            try:
                cleaned = html.clean(text, self.is_local)
            except ValueError as error:
                raise RecordError(f"broken HTML in the {code} text: {error}") from None
            sanitised = self.body_field.sanitize(cleaned.text)
            if html.has_text(cleaned.text) and not html.has_text(sanitised):
                raise RecordError(f"broken HTML: nothing is left of the {code} text once cleaned")
            bodies[code] = sanitised
            images += [path for path in cleaned.image_paths if path not in images]
        return bodies, images

    def slug_of(self, story, existing):
        slug = slugify(story.slug or "")[:200]
        if not slug:
            return ""
        taken = Article.objects.filter(slug=slug)
        if existing is not None:
            taken = taken.exclude(pk=existing.pk)
        if other := taken.first():
            raise RecordError(f"the slug {slug!r} is already used by article #{other.pk}")
        return slug

    @staticmethod
    def known_photos(specs):
        """{source id: (its ImportedRecord, its Photo or None)} of the photos imported before,
        in two queries for a whole story."""
        records = ImportedRecord.objects.filter(
            kind=Kind.PHOTO, source_id__in={spec.source_id for spec in specs}
        )
        records = {record.source_id: record for record in records}
        photos = Photo.objects.in_bulk([record.object_id for record in records.values()])
        return {
            source_id: (record, photos.get(record.object_id))
            for source_id, record in records.items()
        }

    def check_photo(self, spec, known):
        """The photo already imported, or None after its file was found and vetted."""
        if photo := known.get(spec.source_id, (None, None))[1]:
            return photo
        path = self.file_of(spec)
        if not self.dry_run:
            return None  # create_from_image() vets the content as it stores the photo
        with open(path, "rb") as file:
            try:
                clean_image(File(file))
            except ValidationError as error:
                raise RecordError(f"{spec.file}: {' '.join(error.messages)}") from None
        return None

    # Writing.

    def import_story(self, story):
        record = ImportedRecord.objects.filter(kind=Kind.ARTICLE, source_id=story.id).first()
        existing = Article.objects.filter(pk=record.object_id).first() if record else None
        checksum = story.checksum()
        if existing is not None and record.checksum == checksum:
            return "unchanged"
        if not story.title.get("lv"):
            raise RecordError("the Latvian title is missing")
        for address in [*story.old_addresses, *story.section.get("old_addresses", [])]:
            if len(normalise(address["path"])) > MAX_PATH or "\x00" in address["path"]:
                raise RecordError(f"the old address {address['path'][:60]!r}… is too long")
            if address["language"] not in LANGUAGES:
                raise RecordError(f"the old address's language {address['language']!r} is unknown")
        slug = self.slug_of(story, existing)
        bodies, embedded = self.texts(story)
        embedded_specs = [PhotoSpec(file=path, title=dict(story.title)) for path in embedded]
        specs = [s for s in [story.main_photo, *story.photos, *embedded_specs] if s]
        known = self.known_photos(specs)
        for spec in specs:
            self.check_photo(spec, known)
        outcome = "created" if existing is None else "updated"
        if self.dry_run:
            self.say(
                f"Would {'create' if existing is None else 'update'} {story.id}: "
                f"{story.title['lv'][:80]}"
            )
            new = [s for s in specs if known.get(s.source_id, (None, None))[1] is None]
            self.summary.photos += len(new)
            self.summary.addresses += len(story.old_addresses)
            return outcome
        stored = []  # photos made here, whose files go if the story fails
        sections = {}  # sections read or made here, kept once the story is committed
        try:
            with transaction.atomic():
                # Not waiting for the disk at each story's commit: a crash loses at most
                # the last moment's stories, which the next run imports again (a rerun is
                # safe), and nothing half-written. Only this transaction is affected.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
                article = self.write(story, existing, slug, bodies, specs, known, stored, sections)
                if record is None:
                    record = ImportedRecord(kind=Kind.ARTICLE, source_id=story.id)
                record.object_id, record.checksum = article.pk, checksum
                record.save()
        except BaseException:
            for photo in stored:
                photo.delete_files()
            raise
        self.sections.update(sections)
        self.summary.photos += len(stored)
        self.summary.addresses += len(story.old_addresses)
        return outcome

    def section(self, spec, sections):
        """The story's section, made or given the names it lacks, with its old addresses;
        a section this run has already written is taken as it is, without a query."""
        names = spec["name"]
        slug = slugify(spec["slug"])[:100] or "arhivs"
        given = {f"name_{code}": names[code][:100] for code in LANGUAGES if names.get(code)}
        addresses = dict.fromkeys((a["path"], a["language"]) for a in spec.get("old_addresses", []))
        section, written = self.sections.get(slug, (None, set()))
        if section and all(getattr(section, f) for f in given) and addresses.keys() <= written:
            return section
        # get_or_create: a parallel worker creating the same section is waited for and used.
        section, created = Section.objects.get_or_create(
            slug=slug, defaults={"name_lv": slug, **given}
        )
        missing = {field: name for field, name in given.items() if not getattr(section, field)}
        if missing and not created:
            for field, name in missing.items():
                setattr(section, field, name)
            section.save()
        OldAddress.objects.remember_all(addresses, section, source="import")
        sections[slug] = (section, written | addresses.keys())
        return section

    def photo(self, spec, title, known, stored):
        record, photo = known.get(spec.source_id, (None, None))
        if photo is not None:
            return photo
        fields = {"title_lv": (spec.title.get("lv") or title)[:200]}
        for code in LANGUAGES:
            if code != "lv" and spec.title.get(code):
                fields[f"title_{code}"] = spec.title[code][:200]
            if spec.caption.get(code):
                fields[f"caption_{code}"] = spec.caption[code]
            if spec.credit.get(code):
                fields[f"credit_{code}"] = spec.credit[code][:200]
            if spec.alt.get(code):
                fields[f"alt_text_{code}"] = spec.alt[code][:300]
        fields.setdefault("alt_text_lv", (spec.caption.get("lv") or fields["title_lv"])[:300])
        with open(self.file_of(spec), "rb") as file:
            try:
                photo = Photo.objects.create_from_image(file, **fields)
            except ValidationError as error:
                raise RecordError(f"{spec.file}: {' '.join(error.messages)}") from None
        stored.append(photo)
        record = record or ImportedRecord(kind=Kind.PHOTO, source_id=spec.source_id)
        record.object_id = photo.pk
        record.save()
        known[spec.source_id] = (record, photo)  # the same file twice in a story: one photo
        return photo

    def write(self, story, existing, slug, bodies, specs, known, stored, sections):
        article = existing or Article()
        article.section = self.section(story.section, sections)
        if slug:
            article.slug = slug
        for code in LANGUAGES:
            setattr(article, f"title_{code}", story.title.get(code, "")[:200])
            setattr(article, f"lead_{code}", story.lead.get(code, ""))
            setattr(article, f"body_{code}", bodies.get(code, ""))
        article.published_at, article.is_published = story.published_at, story.is_published
        photos = [self.photo(spec, story.title["lv"], known, stored) for spec in specs]
        article.main_photo = photos[0] if story.main_photo else None
        article.save()
        article.sign(Author.objects.for_byline(story.author, story.author_role))
        further = photos[1:] if story.main_photo else photos
        ArticlePhoto.objects.filter(article=article).delete()
        seen, gallery = set(), []
        for position, photo in enumerate(further):
            if photo.pk not in seen and photo.pk != getattr(article.main_photo, "pk", None):
                seen.add(photo.pk)
                gallery.append(ArticlePhoto(article=article, photo=photo, position=position))
        ArticlePhoto.objects.bulk_create(gallery)
        OldAddress.objects.remember_all(
            [(a["path"], a["language"]) for a in story.old_addresses], article, source="import"
        )
        return article
