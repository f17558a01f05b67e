import logging

from django.contrib import admin, messages
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from gallery.forms import PhotoAdminForm
from gallery.models import Photo

logger = logging.getLogger(__name__)


class PhotoOfTheDayFilter(admin.SimpleListFilter):
    title = _("photo of the day")
    parameter_name = "of_the_day"

    def lookups(self, request, model_admin):
        return [
            ("shown", _("Already shown")),
            ("scheduled", _("Scheduled")),
            ("no", _("Not a photo of the day")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "shown":
                return queryset.shown()
            case "scheduled":
                return queryset.scheduled()
            case "no":
                return queryset.filter(shown_on__isnull=True)
        return queryset


@admin.register(Photo)
class PhotoAdmin(TabbedTranslationAdmin):
    form = PhotoAdminForm
    list_display = ["thumbnail", "title", "credit", "shown_on", "taken_on", "created_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = [PhotoOfTheDayFilter, "taken_on", "created_at"]
    search_fields = ["title_lv", "title_ru", "title_en", "caption_lv", "credit_lv", "alt_text_lv"]
    date_hierarchy = "shown_on"
    readonly_fields = ["preview", "dimensions", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["image", "kept_upload", "preview", "dimensions"]}),
        (_("Text"), {"fields": ["title", "alt_text", "caption", "credit"]}),
        (_("Dates"), {"fields": ["shown_on", "taken_on"]}),
        (_("History"), {"fields": ["created_by", "created_at", "updated_at"]}),
    ]
    actions = ["make_missing_renditions"]

    def view_on_site(self, photo):
        """Only a photo of the day has a page of its own; editors see it before its day."""
        return photo.get_absolute_url() if photo.shown_on else None

    @admin.display(description=_("photo"))
    def thumbnail(self, photo):
        return self._img(photo, 80, 60)

    @admin.display(description=_("preview"))
    def preview(self, photo):
        return self._img(photo, 480, 360) if photo.pk else "–"

    @admin.display(description=_("size in pixels"))
    def dimensions(self, photo):
        return f"{photo.width} × {photo.height}" if photo.pk else "–"

    def _img(self, photo, width, height):
        """The photo fitted into width × height, from a rendition sharp on 2× screens."""
        renditions = photo.renditions_in("webp")
        if not renditions:
            return "–"
        rendition = next((r for r in renditions if r["width"] >= 2 * width), renditions[-1])
        scale = min(1, width / rendition["width"], height / rendition["height"])
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" loading="lazy">',
            photo.url_of(rendition),
            round(rendition["width"] * scale),
            round(rendition["height"] * scale),
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A photo the media storage refuses (full disk, read-only folder) comes back as a
        form error (issue 8). By then the attempt's transaction is rolled back and
        `save_with_renditions()` has removed its files; the form is shown again, with the
        storage's error set on it, by a second pass that stores nothing."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError as error:
            if getattr(request, "photo_storage_error", None) is not error:
                raise  # not the storage refusing the photo in save_model()
            return super().changeform_view(request, object_id, form_url, extra_context)

    # Who manages the gallery (may delete photos: editors, photo editors) changes any photo;
    # a journalist (add and change only) changes their own uploads that are not a photo of
    # the day, and cannot make one: that is on the public front page.
    def manages_photos(self, request):
        return request.user.has_perm("gallery.delete_photo")

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or self.manages_photos(request):
            return True
        return Photo.objects.editable_by(request.user).filter(pk=obj.pk).exists()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_change_permission(request, obj):
            return fieldsets
        # Only looking: no upload to keep for a next submit (PhotoAdminForm.kept_upload).
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "kept_upload"]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.manages_photos(request):
            fields.append("shown_on")
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        error = getattr(request, "photo_storage_error", None)
        if error is None:
            return form
        return type(form.__name__, (form,), {"storage_error": error})

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        if form.new_master is None:
            obj.save()
            return
        try:
            obj.save_with_renditions(form.new_master.image)
        except OSError as error:
            logger.exception("The media storage refused a photo; nothing was saved.")
            request.photo_storage_error = error
            raise
        if form.replaced_names:
            names = form.replaced_names
            transaction.on_commit(lambda: obj.delete_files(names))

    # Files go only once the rows are gone for good (a photo an article uses is protected).
    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(obj.delete_files)

    def delete_queryset(self, request, queryset):
        photos = list(queryset)
        super().delete_queryset(request, queryset)
        transaction.on_commit(lambda: [photo.delete_files() for photo in photos])

    @admin.action(description=_("Make missing renditions"), permissions=["change"])
    def make_missing_renditions(self, request, queryset):
        made = 0
        try:
            for photo in queryset:
                if photo.make_renditions():
                    made += 1  # and into the photo's history, as a save would be
                    self.log_change(request, photo, str(_("Missing renditions made.")))
        except OSError:
            logger.exception("The media storage refused a rendition.")
            self.message_user(
                request,
                _(
                    "The renditions could not be written: the server's disk is full or not "
                    "writable. Please tell the site's administrator."
                ),
                messages.ERROR,
            )
        self.message_user(
            request,
            ngettext(
                "Renditions were made for %(count)d photo.",
                "Renditions were made for %(count)d photos.",
                made,
            )
            % {"count": made},
            messages.SUCCESS,
        )
