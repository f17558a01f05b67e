from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from gallery.models import Photo

PER_PAGE = 12


def paginate(request, queryset):
    """The requested page of a non-empty list; 404 for a page that does not exist."""
    paginator = Paginator(queryset, PER_PAGE, allow_empty_first_page=False)
    number = request.GET.get("page", "1")
    if not (number.isascii() and number.isdecimal() and 1 <= int(number) <= paginator.num_pages):
        raise Http404(_("There is no such page."))
    return paginator.page(int(number))


@require_safe
def latest(request):
    """Today's photo of the day, or the latest before it, at its own address."""
    photo = Photo.objects.latest_of_the_day()
    if photo is None:
        raise Http404(_("There is no photo of the day yet."))
    return redirect(photo)


@require_safe
def photo_of_the_day(request, day):
    # Editors preview a scheduled photo of the day at its real address.
    photos = Photo.objects.all()
    if not request.user.has_perm("gallery.change_photo"):
        photos = photos.shown()
    photo = get_object_or_404(photos, shown_on=day)
    context = {"photo": photo, "previous": photo.previous_day(), "next": photo.next_day()}
    response = render(request, "gallery/photo_detail.html", context)
    if not photo.is_shown:
        add_never_cache_headers(response)
    return response


@require_safe
def archive_month(request, month):
    shown = Photo.objects.shown()
    context = {
        "month": month,
        "page_obj": paginate(request, shown.in_month(month)),
        "previous_month": shown.month_before(month),
        "next_month": shown.month_after(month),
    }
    return render(request, "gallery/photo_archive_month.html", context)
