"""Lists in pages (`?page=2`), the same way on every reader page."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def paginate(request, items, per_page, *, max_pages=None, allow_empty=True):
    """The page of `items` that `?page=` asks for (the first without it).

    A page number that is not one, or a page past the end, is a 404: readers and crawlers
    following a stale link get "no such page", not the last page under the wrong address.
    `max_pages` stops a list that grows without end (an archive) from being counted whole
    on every request; `allow_empty=False` makes an empty list a 404 too.
    """
    if max_pages is not None:
        items = items[: per_page * max_pages]
    paginator = Paginator(items, per_page, allow_empty_first_page=allow_empty)
    number = request.GET.get("page", "1")
    if not (number.isascii() and number.isdecimal() and 1 <= int(number) <= paginator.num_pages):
        raise Http404(_("There is no such page."))
    return paginator.page(int(number))
