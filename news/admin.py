from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from news.models import Article, ArticlePhoto, Section


@admin.register(Section)
class SectionAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    list_filter = []
    search_fields = ["name_lv", "name_ru", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_lv",)}


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
            ("draft", _("Draft")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "published":
                return queryset.published()
            case "scheduled":
                return queryset.scheduled()
            case "draft":
                return queryset.drafts()
        return queryset


@admin.register(Article)
class ArticleAdmin(TranslationAdmin):
    list_display = ["title", "section", "published_at", "state", "is_featured", "last_edited_by"]
    list_display_links = ["title"]
    list_editable = ["is_featured"]
    list_filter = [PublicationState, "section", "is_featured", "published_at"]
    list_select_related = ["section", "last_edited_by"]
    search_fields = ["title_lv", "title_ru", "title_en", "lead_lv", "author", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title_lv",)}
    autocomplete_fields = ["main_photo"]
    readonly_fields = ["created_at", "updated_at", "last_edited_by"]
    inlines = [ArticlePhotoInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "lead", "body"]}),
        (_("Signature"), {"fields": ["author", "author_role"]}),
        (_("Photo"), {"fields": ["main_photo"]}),
        (
            _("Publication"),
            {
                "fields": ["is_published", "published_at", "is_featured"],
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
            return _("Draft")
        if article.published_at > timezone.now():
            return _("Scheduled")
        return _("Published")

    def save_model(self, request, obj, form, change):
        obj.last_edited_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        self._change_state(request, queryset, queryset.publish, _("Published."))

    @admin.action(description=_("Unpublish the selected articles"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._change_state(request, queryset, queryset.unpublish, _("Unpublished."))

    def _change_state(self, request, queryset, change, message):
        articles = list(queryset)
        count = change(edited_by=request.user)
        for article in articles:
            self.log_change(request, article, str(message))
        self.message_user(
            request,
            ngettext("%(count)d article changed.", "%(count)d articles changed.", count)
            % {"count": count},
            messages.SUCCESS,
        )
