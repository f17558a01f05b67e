from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from addresses.models import OldAddress


@admin.register(OldAddress)
class OldAddressAdmin(admin.ModelAdmin):
    list_display = ["path", "language", "content_type", "leads_to", "source", "created_at"]
    list_filter = ["language", "content_type", "source"]
    search_fields = ["path", "key"]
    readonly_fields = ["key", "leads_to", "source", "created_at"]
    fields = ["path", "language", "content_type", "object_id", "key", "leads_to", "source"]

    @admin.display(description=_("leads to"))
    def leads_to(self, row):
        url = row.target_url() if row.pk else None
        return format_html('<a href="{0}">{0}</a>', url) if url else "–"
