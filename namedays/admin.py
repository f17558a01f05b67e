from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from namedays.forms import NameInlineForm
from namedays.models import Name, NameDay


def written_out(name_day):
    return date_format(name_day.date, "DAY_MONTH_FORMAT")


class NameInline(admin.TabularInline):
    model = Name
    form = NameInlineForm
    fields = ["name", "is_extended", "position"]
    ordering = ["position"]
    extra = 0


@admin.register(NameDay)
class NameDayAdmin(admin.ModelAdmin):
    """The 366 dates, each with its names; `load_namedays` creates them, editors correct."""

    list_display = ["date_display", "traditional", "extended_count", "note", "corrected"]
    list_filter = ["month", "corrected"]
    search_fields = ["names__name", "names__folded"]
    ordering = ["month", "day"]
    list_per_page = 31
    inlines = [NameInline]
    fields = ["month", "day", "note", "corrected"]
    readonly_fields = ["month", "day"]

    # A date an editor changes is marked corrected, so that load_namedays keeps it; unticking
    # the mark (and nothing else) hands the date back to the official calendar.
    def save_model(self, request, obj, form, change):
        if set(form.changed_data) - {"corrected"}:
            obj.corrected = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "corrected" not in form.changed_data and any(f.has_changed() for f in formsets):
            NameDay.objects.filter(pk=form.instance.pk).mark_corrected()

    def get_queryset(self, request):
        return super().get_queryset(request).with_names()

    def has_add_permission(self, request):
        return False  # the calendar has its 366 dates; none to add or remove

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("date"), ordering="month")
    def date_display(self, obj):
        return written_out(obj)

    @admin.display(description=_("traditional names"))
    def traditional(self, obj):
        return ", ".join(obj.traditional_names)

    @admin.display(description=_("extended-only names"))
    def extended_count(self, obj):
        return len(obj.extended_names)


@admin.register(Name)
class NameAdmin(admin.ModelAdmin):
    list_display = ["name", "date_display", "is_extended", "position"]
    list_filter = ["name_day__month", "is_extended"]
    search_fields = ["name", "folded"]
    ordering = ["name_day__month", "name_day__day", "position"]
    list_select_related = ["name_day"]
    autocomplete_fields = ["name_day"]
    fields = ["name", "name_day", "is_extended", "position"]

    # The dates a name leaves or joins are marked corrected, so that load_namedays keeps them.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        days = [obj.name_day_id, form.initial.get("name_day")]
        NameDay.objects.filter(pk__in=days).mark_corrected()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        NameDay.objects.filter(pk=obj.name_day_id).mark_corrected()

    def delete_queryset(self, request, queryset):
        days = list(queryset.values_list("name_day", flat=True))
        super().delete_queryset(request, queryset)
        NameDay.objects.filter(pk__in=days).mark_corrected()

    @admin.display(description=_("date"), ordering="name_day")
    def date_display(self, obj):
        return written_out(obj.name_day)
