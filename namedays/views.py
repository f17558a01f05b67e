from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from namedays.forms import NameSearchForm
from namedays.models import SIMILAR, Name, NameDay

SEARCH_RESULTS = 20


@require_safe
def today(request):
    """Today's and tomorrow's names, and the search form."""
    days = NameDay.objects.with_names().following(timezone.localdate(), 2)
    return render(request, "namedays/today.html", {"days": days, "form": NameSearchForm()})


@require_safe
def day(request, date):
    """One date: the traditional names, then the rest of the extended list."""
    name_day = get_object_or_404(NameDay.objects.with_names().for_date(date))
    return render(request, "namedays/nameday_detail.html", {"name_day": name_day})


@require_safe
def year_calendar(request):
    """The whole year by month, with the traditional names."""
    context = {"months": NameDay.objects.with_names().by_month(), "today": timezone.localdate()}
    return render(request, "namedays/calendar.html", context)


@require_safe
def search(request):
    """A name's day: exact spelling first, then a Russian name's Latvian forms, then the same
    letters without diacritics (all "matches"), then similar names. An empty, overlong or
    non-name query is answered with a form error."""
    if "vards" not in request.GET:
        return render(request, "namedays/search.html", {"form": NameSearchForm()})
    form = NameSearchForm(request.GET)
    if not form.is_valid():
        return render(request, "namedays/search.html", {"form": form}, status=400)
    found = list(Name.objects.search(form.cleaned_data["vards"])[:SEARCH_RESULTS])
    context = {
        "form": form,
        "query": form.cleaned_data["vards"],
        "matches": [name for name in found if name.match != SIMILAR],
        "similar": [name for name in found if name.match == SIMILAR],
    }
    return render(request, "namedays/search.html", context)
