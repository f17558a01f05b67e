from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
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

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """Only the kinds of page that have addresses of their own (OLD_ADDRESS_MODELS)."""
        if db_field.name == "content_type":
            labels = [label.lower().split(".") for label in settings.OLD_ADDRESS_MODELS]
            kinds = Q()
            for app_label, model in labels:
                kinds |= Q(app_label=app_label, model=model)
            kwargs["queryset"] = ContentType.objects.filter(kinds)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("leads to"))
    def leads_to(self, row):
        url = row.target_url() if row.pk else None
        return format_html('<a href="{0}">{0}</a>', url) if url else "–"
