"""The paper's own pages that editors write: about us, advertising, subscription, the
privacy policy, the accessibility statement. Linked from every page's footer when published."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from news.models import BODY_EXTENSIONS


class PageQuerySet(models.QuerySet):
    def published(self):
        """Visible to readers and in the footer."""
        return self.filter(is_published=True)

    def for_reader(self, user):
        """Editors preview an unpublished page at its address."""
        return self if user.has_perm("pages.change_page") else self.published()


class Page(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The page's address: /lapas/<slug>/. Made from the Latvian title."),
    )
    body = ProseEditorField(_("text"), blank=True, extensions=BODY_EXTENSIONS, sanitize=True)
    position = models.PositiveSmallIntegerField(
        _("position in the footer"), default=0, help_text=_("Smaller numbers come first.")
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown to readers and in the footer.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The same allow-list as an article's body, whatever wrote the row.
        for code, _name in settings.LANGUAGES:
            field = f"body_{code}"
            if getattr(self, field):
                setattr(self, field, self._meta.get_field(field).sanitize(getattr(self, field)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("pages:page_detail", kwargs={"slug": self.slug})
