from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from config.pagination import paginate
from gallery.models import Photo

PER_PAGE = 12


@require_safe
def latest(request):
    """Today's photo of the day, or the latest before it, at its own address."""
    photo = Photo.objects.latest_of_the_day()
    if photo is None:
        raise Http404(_("There is no photo of the day yet."))
    return redirect(photo)


@require_safe
def photo_of_the_day(request, day):
    photo = get_object_or_404(Photo.objects.for_reader(request.user), shown_on=day)
    response = render(request, "gallery/photo_detail.html", {"photo": photo})
    if not photo.is_shown:
        add_never_cache_headers(response)
    return response


@require_safe
def archive_month(request, month):
    shown = Photo.objects.shown()
    context = {
        "month": month,
        "page_obj": paginate(request, shown.in_month(month), PER_PAGE, allow_empty=False),
        "previous_month": shown.month_before(month),
        "next_month": shown.month_after(month),
    }
    return render(request, "gallery/photo_archive_month.html", context)
