"""The editors' polls: questions with their answers, read-only results, CSV, closing early."""

import csv

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from polls.models import Choice, Poll, Vote


def results_csv(polls, filename):
    """The results of `polls` as CSV for a spreadsheet: semicolons and a byte-order mark,
    which is what Excel with Latvian regional settings opens correctly."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    languages = [_("votes: %(name)s") % {"name": name} for _code, name in settings.LANGUAGES]
    header = [_("poll"), _("answer"), _("votes"), _("percent"), _("total votes"), *languages]
    writer.writerow(header)
    for poll in polls:
        results = poll.results()
        writer.writerows(
            [
                poll.question,
                choice.text,
                choice.vote_count,
                choice.percent,
                results.total,
                *choice.by_language,
            ]
            for choice in results.choices
        )
    return response


class ChoiceInline(TranslationTabularInline):
    model = Choice
    extra = 3
    fields = ["text", "position"]


class PollStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Poll.Status.choices

    def queryset(self, request, queryset):
        match self.value():
            case Poll.Status.SCHEDULED:
                return queryset.scheduled()
            case Poll.Status.OPEN:
                return queryset.open()
            case Poll.Status.CLOSED:
                return queryset.closed()
        return queryset


@admin.register(Poll)
class PollAdmin(TabbedTranslationAdmin):
    list_display = ["question", "opens_at", "closes_at", "status", "is_featured", "vote_total"]
    list_filter = [PollStatusFilter, "is_featured", "opens_at"]
    list_editable = ["is_featured"]
    search_fields = ["question_lv", "question_ru", "question_en", "slug"]
    date_hierarchy = "opens_at"
    prepopulated_fields = {"slug": ("question",)}
    readonly_fields = ["results_table", "votes_per_day_table"]
    fieldsets = [
        (None, {"fields": ["question", "slug", "opens_at", "closes_at", "is_featured"]}),
        (_("Results"), {"fields": ["results_table", "votes_per_day_table"]}),
    ]
    inlines = [ChoiceInline]
    actions = ["close_now", "export_results"]

    def get_queryset(self, request):
        return super().get_queryset(request).for_listing()

    def get_urls(self):
        export = self.admin_site.admin_view(self.results_csv_view)
        return [
            path("<path:object_id>/results.csv", export, name="polls_poll_results_csv"),
            *super().get_urls(),
        ]

    @admin.display(description=_("status"))
    def status(self, poll):
        return poll.status.label

    @admin.display(description=_("votes"), ordering="vote_total")
    def vote_total(self, poll):
        return poll.vote_total

    @admin.display(description=_("results"))
    def results_table(self, poll):
        if not poll.pk:
            return "—"
        context = {
            "results": poll.results(),
            "csv_url": reverse("admin:polls_poll_results_csv", args=[poll.pk]),
        }
        return render_to_string("polls/admin/results.html", context)

    @admin.display(description=_("votes per day"))
    def votes_per_day_table(self, poll):
        if not poll.pk:
            return "—"
        context = {"days": poll.votes_per_day()}
        return render_to_string("polls/admin/votes_per_day.html", context)

    @admin.action(description=_("Close the selected polls now"), permissions=["change"])
    def close_now(self, request, queryset):
        still_open = list(queryset.open())
        closed = queryset.close_now()
        for poll in still_open:  # into each poll's history, as a save would be
            self.log_change(request, poll, str(_("Closed now.")))
        self.message_user(
            request,
            ngettext("%(count)d poll closed.", "%(count)d polls closed.", closed)
            % {"count": closed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Export the results of the selected polls (CSV)"))
    def export_results(self, request, queryset):
        return results_csv(queryset.order_by("-opens_at"), "aptaujas.csv")

    def results_csv_view(self, request, object_id):
        poll = get_object_or_404(Poll, pk=object_id)
        if not self.has_view_permission(request, poll):
            raise PermissionDenied
        return results_csv([poll], f"aptauja-{poll.slug}.csv")


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    """Votes are evidence for the published results: editors look, nobody edits."""

    list_display = ["created_at", "poll", "choice", "language", "is_member"]
    list_filter = ["poll", "language", "created_at"]
    list_select_related = ["poll", "choice"]
    search_fields = ["poll__question_lv", "choice__text_lv"]
    date_hierarchy = "created_at"

    @admin.display(description=_("logged in"), boolean=True)
    def is_member(self, vote):
        return vote.is_member

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
