from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from pages.models import Page


@admin.register(Page)
class PageAdmin(TranslationAdmin):
    list_display = ["title", "slug", "position", "is_published", "updated_at"]
    list_editable = ["position", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["title_lv", "title_ru", "title_en", "slug"]
    prepopulated_fields = {"slug": ("title_lv",)}
    fields = ["title", "slug", "body", "position", "is_published"]
