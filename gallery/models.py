"""Photos: the photo of the day and every picture an article shows (issue 6).

An accepted upload is stored once as a clean master (upright, re-encoded without EXIF, so
no GPS position and nothing appended to the file survives) plus renditions in a few widths,
WebP and JPEG. Renditions are made explicitly, never in `save()` or per request: by the
admin, by `Photo.objects.create_from_image()` and by `manage.py make_renditions`. Their
names and sizes are stored on the photo row, so that showing a photo costs no query.
"""

import contextlib
import datetime
import re
import uuid

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import models, transaction
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image

from config.languages import value_language
from gallery import images
from gallery.images import CROP_FORMAT, CROP_RATIOS, MASTER_FORMATS, RENDITION_FORMATS

# A Latvian photo credit as printed: "Jura Rogas foto", "Foto: Juris Roga".
LATVIAN_CREDIT = re.compile(
    r"(?P<name>.+?),?\s+foto\.?|foto\s*[:–-]?\s*(?P<after>.+)", re.IGNORECASE
)
# The width of the rendition an <img src> falls back to when it ignores srcset.
FALLBACK_WIDTH = 960


def photo_upload_to(photo, filename):
    """A generated name; of the given name only a vetted extension is kept."""
    extension = filename.rsplit(".", 1)[-1].lower()
    if extension not in MASTER_FORMATS:
        extension = "jpg"
    return timezone.localdate().strftime(f"photos/%Y/%m/{uuid.uuid4().hex}.{extension}")


def store(storage, name, content, max_length=None):
    """`storage.save()` that leaves nothing behind when it fails (issue 8): Django's
    FileSystemStorage keeps the part it wrote before a full disk stopped it."""
    name = storage.get_available_name(name, max_length=max_length)
    try:
        return storage.save(name, content, max_length=max_length)
    except BaseException:
        with contextlib.suppress(OSError):
            if storage.exists(name):
                storage.delete(name)
        raise


def rendition_key(rendition):
    """A stored rendition's (width, format, crop), as `Photo._rendition_plan()` names them."""
    return rendition["width"], rendition["format"], rendition.get("crop", "")


def next_month(first_day):
    """The first day of the month after the month of `first_day`."""
    return (first_day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


class PhotoQuerySet(models.QuerySet):
    def shown(self):
        """Photos of the day whose day has come (in Riga): never a future one."""
        return self.filter(shown_on__lte=timezone.localdate())

    def scheduled(self):
        """Photos of the day whose day is still to come."""
        return self.filter(shown_on__gt=timezone.localdate())

    def for_reader(self, user):
        """What `user` may see at a day's address: editors preview a scheduled photo of
        the day there too."""
        return self if user.has_perm("gallery.change_photo") else self.shown()

    def editable_by(self, user):
        """The photos `user` may change: who manages the gallery (may delete photos) any;
        a journalist their own uploads that are not a photo of the day (the front page's)."""
        if user.has_perm("gallery.delete_photo"):
            return self
        return self.filter(created_by=user, shown_on__isnull=True)

    def latest_of_the_day(self):
        """The photo of today or, failing that, of the latest day before it; or None."""
        return self.shown().order_by("-shown_on").first()

    def in_month(self, first_day):
        """Photos of the day in the month of `first_day`, by day."""
        return self.filter(shown_on__gte=first_day, shown_on__lt=next_month(first_day)).order_by(
            "shown_on"
        )

    def month_before(self, first_day):
        """The first day of the latest earlier month that has a photo of the day, or None."""
        day = self.filter(shown_on__lt=first_day).aggregate(day=Max("shown_on"))["day"]
        return day.replace(day=1) if day else None

    def month_after(self, first_day):
        """The first day of the next later month that has a photo of the day, or None."""
        later = self.filter(shown_on__gte=next_month(first_day))
        day = later.aggregate(day=Min("shown_on"))["day"]
        return day.replace(day=1) if day else None

    def create_from_image(self, file, **fields):
        """Validate an image (a Django File, an open binary file or bytes), save a Photo from it
        and make its renditions.

        Raises ValidationError, storing nothing, when `clean_image()` refuses the file, and
        the storage's OSError, also storing nothing, when the disk is full or not writable.
        The way for demo data, factories and scripts: `create_from_image(open(path, "rb"),
        title_lv="…", alt_text_lv="…", credit_lv="Jura Rogas foto", shown_on=date)`.
        """
        if isinstance(file, bytes):
            file = ContentFile(file)
        elif not isinstance(file, File):
            file = File(file)  # an open binary file
        master = images.clean_image(file)
        photo = self.model(image=master, **fields)
        photo.full_clean(exclude=["image"])
        photo.save_with_renditions(master.image)
        return photo


class Photo(models.Model):
    image = models.ImageField(
        _("image"),
        upload_to=photo_upload_to,
        max_length=200,
        help_text=_("A JPEG, PNG or WebP photo, at least 1920 pixels wide if possible."),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    title = models.CharField(_("title"), max_length=200)
    caption = models.TextField(
        _("caption"), blank=True, help_text=_("Printed under the photo on its own page.")
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("The photographer as printed, e.g. “Jura Rogas foto”."),
    )
    taken_on = models.DateField(_("taken on"), null=True, blank=True)
    shown_on = models.DateField(
        _("photo of the day on"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an article photo. One photo per day."),
    )
    renditions = models.JSONField(_("renditions"), default=list, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.UniqueConstraint(
                fields=["shown_on"],
                name="gallery_photo_one_per_day",
                violation_error_message=_("Another photo is already the photo of that day."),
                violation_error_code="unique",  # so that the form shows it at the date field
            ),
        ]
        indexes = [models.Index(fields=["-created_at"], name="gallery_photo_created_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The photo's day page; only photos of the day have one."""
        return reverse("gallery:photo_of_the_day", kwargs={"day": self.shown_on})

    @property
    def is_shown(self):
        """Whether readers see it as a photo of the day: `PhotoQuerySet.shown()` for one row."""
        return self.shown_on is not None and self.shown_on <= timezone.localdate()

    def previous_day(self):
        """The photo of the day before this one (days without a photo are skipped)."""
        earlier = Photo.objects.shown().filter(shown_on__lt=self.shown_on)
        return earlier.order_by("-shown_on").first()

    def next_day(self):
        """The photo of the day after this one, if its day has come."""
        return Photo.objects.shown().filter(shown_on__gt=self.shown_on).order_by("shown_on").first()

    def save_with_renditions(self, upright):
        """Save the row with a new master (`self.image`, not stored yet) and renditions made
        from `upright`: all of it, or nothing when the storage (a full disk, a read-only
        folder) or the database fails half-way, neither a row nor a file (issue 8)."""
        self.width, self.height = upright.size
        self.renditions = []
        master = self.image
        master_stored = False
        try:
            with transaction.atomic():
                name = master.field.generate_filename(self, master.name)
                self.image = store(master.storage, name, master.file, master.field.max_length)
                master_stored = True
                self.save()
                self.make_renditions(upright)
        except BaseException:
            if master_stored:
                self.delete_files()
            raise

    def make_renditions(self, upright=None, *, force=False):
        """Write the renditions that are missing (all with `force`); True if any was written.

        `upright` is the decoded master when the caller has it; otherwise it is read from
        storage, but only if something is missing. Files of renditions that are replaced or
        no longer wanted (RENDITION_WIDTHS changed) are deleted afterwards.
        """
        storage = self.image.storage
        wanted, present = self._rendition_plan(force)
        missing = [spec for spec in wanted if spec not in present]
        if not missing:
            return False
        if upright is None:
            with self.image.open("rb"), Image.open(self.image) as stored:
                upright = images.upright_image(stored)
        made = {}
        try:
            pictures = images.resized_all(upright, [spec[0] for spec in missing if not spec[2]])
            for spec in missing:
                width, extension, crop = spec
                if crop:
                    made[spec] = self._store_rendition(images.cropped(upright, crop), "jpg", crop)
                else:
                    made[spec] = self._store_rendition(pictures[width], extension)
        except BaseException:
            for rendition in made.values():
                storage.delete(rendition["name"])
            raise
        previous = {r["name"] for r in self.renditions}
        self.renditions = [present.get(spec) or made[spec] for spec in wanted]
        self.save(update_fields=["renditions", "updated_at"])
        self.delete_files(previous.difference(r["name"] for r in self.renditions))
        return True

    def missing_renditions(self, *, force=False):
        """The (width, format, crop) renditions that `make_renditions()` would write."""
        wanted, present = self._rendition_plan(force)
        return [spec for spec in wanted if spec not in present]

    def _rendition_plan(self, force):
        """The (width, format, crop) renditions wanted (crop "" for the whole picture, else
        a ratio of CROP_RATIOS), and the existing renditions worth keeping."""
        wanted = [
            (w, f, "") for w in images.rendition_widths(self.width) for f in RENDITION_FORMATS
        ]
        wanted += [
            (images.crop_size(self.width, self.height, ratio)[0], "jpg", ratio)
            for ratio in CROP_RATIOS
        ]
        storage = self.image.storage
        present = {
            rendition_key(r): r
            for r in self.renditions
            if not force and rendition_key(r) in wanted and storage.exists(r["name"])
        }
        return wanted, present

    def _store_rendition(self, resized, extension, crop=""):
        data = images.encode(resized, *(CROP_FORMAT if crop else RENDITION_FORMATS[extension]))
        stem = self.image.name.rsplit(".", 1)[0]
        label = f"{stem}-{crop}-{resized.width}w" if crop else f"{stem}-{resized.width}w"
        name = store(self.image.storage, f"{label}.{extension}", ContentFile(data))
        rendition = {
            "width": resized.width,
            "height": resized.height,
            "format": extension,
            "name": name,
            "size": len(data),
        }
        return {**rendition, "crop": crop} if crop else rendition

    def stored_names(self):
        """The storage names of the master and of every rendition."""
        return [name for name in [self.image.name, *(r["name"] for r in self.renditions)] if name]

    def delete_files(self, names=None):
        """Remove files from storage: `names`, by default the master and every rendition."""
        for name in self.stored_names() if names is None else names:
            self.image.storage.delete(name)

    def renditions_in(self, extension):
        """This photo's whole-picture renditions in one format ("webp" or "jpg"), narrowest
        first."""
        return [r for r in self.renditions if r["format"] == extension and not r.get("crop")]

    def crops(self):
        """The JPEGs cut to each ratio of CROP_RATIOS, in its order (those that exist)."""
        by_ratio = {r["crop"]: r for r in self.renditions if r.get("crop")}
        return [by_ratio[ratio] for ratio in CROP_RATIOS if ratio in by_ratio]

    def srcset(self, extension):
        """The `srcset` attribute value for one format: "url 320w, url 640w, …"."""
        return ", ".join(f"{self.url_of(r)} {r['width']}w" for r in self.renditions_in(extension))

    def fallback_rendition(self):
        """The JPEG an <img src> shows: the widest up to FALLBACK_WIDTH (the master if none)."""
        jpegs = self.renditions_in("jpg")
        fitting = [r for r in jpegs if r["width"] <= FALLBACK_WIDTH] or jpegs
        if not fitting:
            return {"name": self.image.name, "width": self.width, "height": self.height}
        return fitting[-1]

    def largest_jpeg(self):
        """The widest JPEG rendition, for links to the full picture, feeds and previews."""
        jpegs = self.renditions_in("jpg")
        return jpegs[-1] if jpegs else self.fallback_rendition()

    def largest_jpeg_url(self):
        return self.url_of(self.largest_jpeg())

    def social_image(self):
        """The picture social networks and search engines show for a page with this photo:
        the widest JPEG, with its size and alt text (see config.social)."""
        jpeg = self.largest_jpeg()
        return {
            "url": self.url_of(jpeg),
            "width": jpeg["width"],
            "height": jpeg["height"],
            "alt": self.alt_text,
            "type": "image/jpeg",
        }

    def credit_in_language(self):
        """(prefix, name, language of name): the credit a reader of the active language sees.

        A missing Russian or English credit does not fall back to the Latvian phrase
        ("Jura Rogas foto"): the photographer's name, which Latvian gives in the genitive
        the Russian "Фото" takes too, follows the page's own word for "Photo"; a credit of
        another shape is shown as it is, marked as Latvian.
        """
        code = value_language(self, "credit")
        if not self.credit or code == get_language():
            return "", self.credit, ""
        if match := LATVIAN_CREDIT.fullmatch(self.credit.strip()):
            return gettext("Photo:"), match["name"] or match["after"], code
        return "", self.credit, code

    def url_of(self, rendition):
        """A stored file's public URL, asked of the storage every time: a storage such as S3
        may sign its URLs, and a signed URL expires."""
        return self.image.storage.url(rendition["name"])
