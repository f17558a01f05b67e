from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from pages.models import Page


@require_safe
def page_detail(request, slug):
    page = get_object_or_404(Page.objects.for_reader(request.user), slug=slug)
    response = render(request, "pages/page_detail.html", {"page": page})
    if not page.is_published:
        add_never_cache_headers(response)
    return response
