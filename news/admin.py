from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from gallery.forms import PhotoTextsFormSet, PhotoUploadForm
from gallery.models import Photo
from news import revisions
from news.models import Article, ArticleAuthor, ArticlePhoto, Author, Section, Topic


@admin.register(Section)
class SectionAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    list_filter = []
    search_fields = ["name_lv", "name_ru", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_lv",)}


@admin.register(Author)
class AuthorAdmin(TabbedTranslationAdmin):
    """The editors' list of people who sign; journalists only pick from it (issue 16)."""

    list_display = ["name", "role", "slug"]
    list_filter = []
    search_fields = ["name_lv", "name_ru", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_lv",)}
    autocomplete_fields = ["photo"]
    list_select_related = ["photo"]


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    list_filter = []
    search_fields = ["name_lv", "name_ru", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_lv",)}


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name_plural = _("Signature")


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    extra = 1
    autocomplete_fields = ["photo"]
    fields = ["photo", "position"]


class PublicationState(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("published", _("Published")),
            ("scheduled", _("Scheduled")),
            ("review", _("Waiting for review")),
            ("draft", _("Draft")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "published":
                return queryset.published()
            case "scheduled":
                return queryset.scheduled()
            case "review":
                return queryset.waiting_for_review()
            case "draft":
                return queryset.drafts()
        return queryset


class ArticleAdminForm(forms.ModelForm):
    significant_change = forms.BooleanField(
        label=_("Significant change"),
        required=False,
        help_text=_("Readers see “Updated” with the time of this save."),
    )


@admin.register(Article)
class ArticleAdmin(VersionAdmin, TabbedTranslationAdmin):
    """Every save through the admin keeps a revision (django-reversion: who and when);
    the history lists them, each comparable with the one before and restorable by an
    editor."""

    # Its photo upload and photo texts pages write photos: the photo parts follow as well.
    page_cache_models = [Article, Photo]

    list_display = ["title", "section", "published_at", "state", "is_featured", "last_edited_by"]
    list_display_links = ["title"]
    list_editable = ["is_featured"]
    list_filter = [PublicationState, "section", "is_featured", "published_at"]
    list_select_related = ["section", "last_edited_by"]
    search_fields = ["title_lv", "title_ru", "title_en", "lead_lv", "authors__name_lv", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title_lv",)}
    autocomplete_fields = ["main_photo", "topics"]
    readonly_fields = ["created_at", "updated_at", "last_edited_by"]
    object_history_template = "reversion/news/article/object_history.html"
    form = ArticleAdminForm
    inlines = [ArticleAuthorInline, ArticlePhotoInline]
    actions = ["submit_for_review", "publish", "unpublish"]
    # What only a publisher (news.publish_article) may set: what readers see and when.
    publishing_fields = [
        "is_published",
        "published_at",
        "is_featured",
        "pinned_until",
        *(f"correction_{code}" for code, _name in settings.LANGUAGES),
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "topics", "lead", "body"]}),
        (_("Photo"), {"fields": ["main_photo"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "is_published",
                    "published_at",
                    "is_featured",
                    "pinned_until",
                    "significant_change",
                    "correction",
                ],
                "description": _(
                    "An article is seen by readers when it is published and its publication "
                    "time has come; a future time schedules it."
                ),
            },
        ),
        (_("History"), {"fields": ["created_at", "updated_at", "last_edited_by"]}),
    ]

    class Media:
        # Keeps typed text in the browser until a save succeeds: an expired session loses
        # nothing (the form offers it back after logging in; see its change_form.html).
        js = ["js/draft-autosave.js"]

    @admin.display(description=_("state"))
    def state(self, article):
        if not article.is_published:
            if article.submitted_for_review_at:
                return _("Waiting for review")
            return _("Draft")
        if article.published_at > timezone.now():
            return _("Scheduled")
        return _("Published")

    # Journalists (no news.publish_article) write and change their own drafts only; the
    # server decides, whatever the browser sends.
    def has_publish_permission(self, request):
        return request.user.has_perm("news.publish_article")

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or self.has_publish_permission(request):
            return True
        return Article.objects.editable_by(request.user).filter(pk=obj.pk).exists()

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or self.has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_publish_permission(request):
            return fieldsets
        return [
            (
                name,
                {**options, "fields": [f for f in options["fields"] if f != "significant_change"]},
            )
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += self.publishing_fields
        return fields

    def get_changelist(self, request, **kwargs):
        changelist = super().get_changelist(request, **kwargs)
        if self.has_publish_permission(request):
            return changelist

        class WithoutListEdits(changelist):
            """ "Featured" is a publisher's choice: no list edits (shown or POSTed)."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.list_editable = ()

        return WithoutListEdits

    def save_model(self, request, obj, form, change):
        if not self.has_publish_permission(request):
            stored = Article.objects.filter(pk=obj.pk).first() if change else None
            if obj.is_published or (stored is not None and stored.is_published):
                raise PermissionDenied
            if not change:
                obj.created_by = request.user
        elif not change:
            obj.created_by = request.user
        obj.last_edited_by = request.user
        if form.cleaned_data.get("significant_change") and self.has_publish_permission(request):
            obj.revised_at = timezone.now()
        if "_submit_for_review" in request.POST and not obj.is_published:
            obj.submitted_for_review_at = obj.submitted_for_review_at or timezone.now()
        super().save_model(request, obj, form, change)

    # Restoring writes every stored field back, publication included: an editor's work.
    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="news_article_compare",
        )
        photos = [
            path(
                "<path:object_id>/photos/upload/",
                self.admin_site.admin_view(self.upload_photos_view),
                name="news_article_upload_photos",
            ),
            path(
                "<path:object_id>/photos/",
                self.admin_site.admin_view(self.photo_texts_view),
                name="news_article_photo_texts",
            ),
        ]
        return [compare, *photos, *super().get_urls()]

    def _gallery_article(self, request, object_id):
        """The article whose photos `request` may add to; PermissionDenied otherwise."""
        article = self.get_object(request, object_id)
        if (
            article is None
            or not self.has_change_permission(request, article)
            or not request.user.has_perm("gallery.add_photo")
        ):
            raise PermissionDenied
        return article

    def _photo_context(self, request, article, **context):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "object_id": article.pk,
            **context,
        }

    def upload_photos_view(self, request, object_id):
        """Many photos into the article's gallery at once (issue 14): one credit for all,
        each file checked by its content; a refused file is named and the rest go in."""
        article = self._gallery_article(request, object_id)
        form = PhotoUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            photos, refused = form.save(request.user, article.title_lv)
            article.add_to_gallery(photos)
            for name, reason in refused:
                messages.error(
                    request,
                    _("%(name)s was not uploaded: %(reason)s") % {"name": name, "reason": reason},
                )
            if photos:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d photo uploaded. Write what it shows below.",
                        "%(count)d photos uploaded. Write what they show below.",
                        len(photos),
                    )
                    % {"count": len(photos)},
                )
                url = reverse("admin:news_article_photo_texts", args=[article.pk])
                ids = ",".join(str(photo.pk) for photo in photos)
                return HttpResponseRedirect(f"{url}?{urlencode({'photos': ids})}")
        context = self._photo_context(
            request,
            article,
            form=form,
            title=_("Upload photos for “%(title)s”") % {"title": article.title_lv},
        )
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(
            request, "admin/news/article/upload_photos.html", context, status=status
        )

    def photo_texts_view(self, request, object_id):
        """The texts of the article's photos on one page: those just uploaded (?photos=…)
        or all its further photos; only those `request.user` may change."""
        article = self._gallery_article(request, object_id)
        photos = Photo.objects.filter(pk__in=article.gallery_items.values("photo")).editable_by(
            request.user
        )
        chosen = request.GET.get("photos", "")
        if chosen:
            photos = photos.filter(
                pk__in=[pk for pk in chosen.split(",") if pk.isascii() and pk.isdecimal()]
            )
        formset = PhotoTextsFormSet(request.POST or None, queryset=photos.order_by("pk"))
        if request.method == "POST" and formset.is_valid():
            for photo in formset.save():
                self.log_change(request, photo, str(_("Texts changed.")))
            messages.success(request, _("The photos' texts were saved."))
            return HttpResponseRedirect(reverse("admin:news_article_change", args=[article.pk]))
        context = self._photo_context(
            request,
            article,
            formset=formset,
            title=_("Texts of the photos of “%(title)s”") % {"title": article.title_lv},
        )
        return TemplateResponse(request, "admin/news/article/photo_texts.html", context)

    def compare_view(self, request, object_id, version_id):
        """One revision against the one before it: title, lead and body per language."""
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = Version.objects.get_for_object(article)
        version = get_object_or_404(versions, pk=version_id)
        previous = versions.filter(pk__lt=version.pk).order_by("-pk").first()
        before = previous.field_dict if previous else {}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "object_id": object_id,
            "title": _("Changes to “%(title)s”") % {"title": article.title_lv},
            "version": version,
            "previous": previous,
            "rows": revisions.compare(before, version.field_dict),
            "can_restore": self.has_publish_permission(request),
        }
        return TemplateResponse(request, "admin/news/article/compare.html", context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_submit_for_review"] = context.get("has_change_permission", True) and (
            obj is None or (not obj.is_published and not obj.submitted_for_review_at)
        )
        context["can_upload_photos"] = (
            obj is not None
            and self.has_change_permission(request, obj)
            and request.user.has_perm("gallery.add_photo")
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.action(description=_("Submit the selected articles for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        queryset = queryset.editable_by(request.user).drafts()
        self._change_state(
            request,
            queryset,
            lambda edited_by: queryset.submit_for_review(),
            _("Submitted for review."),
        )

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        self._change_state(request, queryset, queryset.publish, _("Published."))

    @admin.action(description=_("Unpublish the selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._change_state(request, queryset, queryset.unpublish, _("Unpublished."))

    def _change_state(self, request, queryset, change, message):
        articles = list(queryset)
        count = change(edited_by=request.user)
        for article in articles:
            with self.create_revision(request):
                article.refresh_from_db()
                self.log_change(request, article, str(message))
        self.message_user(
            request,
            ngettext("%(count)d article changed.", "%(count)d articles changed.", count)
            % {"count": count},
            messages.SUCCESS,
        )
