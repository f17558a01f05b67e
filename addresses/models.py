"""Old addresses that answer 301 to an object's one canonical address (issue 13).

Each row names an address of the old site (or an earlier address of this one) and the object
it now is. They are made by the importer, by an editor's change of an article's or a
section's address (see addresses.signals), or by hand in the admin; the middleware reads
them only for a request that would otherwise be a 404.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from addresses.shapes import normalise, shape

MAX_PATH = 500


class OldAddressQuerySet(models.QuerySet):
    def matching(self, address):
        """The row that answers `address` (as requested), or None: the address itself first,
        then any address of the same shape and key, in its language first."""
        path = normalise(address)
        if "\x00" in path or len(path) > MAX_PATH:
            return None  # no old address looks like that (and PostgreSQL refuses NUL)
        key, language = shape(path)
        found = self.filter(path=path)
        if key:
            found = self.filter(models.Q(path=path) | models.Q(key=key))
        found = found.annotate(
            rank=Case(
                When(path=path, then=Value(0)),
                When(language=language, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        row = found.select_related("content_type").order_by("rank", "-pk").first()
        if row is not None and row.path != path:
            row.language = language  # a variant of a Russian address stays Russian
        return row

    def remember(self, address, target, language, *, source=""):
        """Record that `address` now means `target` (created or pointed anew)."""
        path = normalise(address)
        row, _created = self.update_or_create(
            path=path,
            defaults={
                "key": shape(path).key,
                "language": language,
                "content_type": ContentType.objects.get_for_model(target),
                "object_id": target.pk,
                "source": source,
            },
        )
        return row

    def remember_all(self, addresses, target, *, source=""):
        """`remember()` for many (address, language) pairs at once, in one query (an upsert:
        the importer's dozens of addresses a story cost one round trip, not two each)."""
        content_type = ContentType.objects.get_for_model(target)
        rows = {}
        for address, language in addresses:
            path = normalise(address)
            rows[path] = self.model(  # the last of two same addresses wins, as in remember()
                path=path,
                key=shape(path).key,
                language=language,
                content_type=content_type,
                object_id=target.pk,
                source=source,
            )
        self.bulk_create(
            rows.values(),
            update_conflicts=True,
            unique_fields=["path"],
            update_fields=["key", "language", "content_type", "object_id", "source"],
        )

    def of(self, target):
        """The old addresses that lead to `target`."""
        content_type = ContentType.objects.get_for_model(target)
        return self.filter(content_type=content_type, object_id=target.pk)


class OldAddress(models.Model):
    path = models.CharField(
        _("old address"),
        max_length=MAX_PATH,
        unique=True,
        help_text=_(
            "The address as readers had it, e.g. /zinas/browse/420/article/3/slug.html or "
            "/?p=123; the site's name may be left out."
        ),
    )
    key = models.CharField(
        _("what it names"),
        max_length=300,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Found from the address's shape: every variant of it leads here too."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="lv"
    )
    content_type = models.ForeignKey(
        ContentType, models.CASCADE, verbose_name=_("kind of page"), related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("page's number"))
    target = GenericForeignKey("content_type", "object_id")
    source = models.CharField(_("made by"), max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OldAddressQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        indexes = [models.Index(fields=["content_type", "object_id"], name="oldaddress_target")]

    def __str__(self):
        return self.path

    def save(self, *args, **kwargs):
        self.path = normalise(self.path)
        self.key = shape(self.path).key
        super().save(*args, **kwargs)

    def target_url(self):
        """The target's canonical address in this row's language, or None when it is gone."""
        target = self.target
        if target is None or not hasattr(target, "get_absolute_url"):
            return None
        with translation.override(self.language):
            return target.get_absolute_url()
