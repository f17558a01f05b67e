"""What earlier imports made, by the source's own id: reruns update and never duplicate."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedRecord(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("article")
        PHOTO = "photo", _("photo")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    source_id = models.CharField(
        _("id in the source"),
        max_length=300,
        help_text=_("E.g. wp:123 for a WordPress post, or the id of a JSON Lines record."),
    )
    object_id = models.PositiveBigIntegerField(_("number here"))
    checksum = models.CharField(_("checksum"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(fields=["kind", "source_id"], name="imported_record_once"),
        ]

    def __str__(self):
        return f"{self.kind} {self.source_id}"
