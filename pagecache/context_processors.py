from django.conf import settings
from django.utils.functional import SimpleLazyObject

from pagecache.generation import current_generation


def generation(request):
    """For {% cache %}: page parts cached under the current content generation are fresh."""
    return {
        "content_generation": SimpleLazyObject(lambda: current_generation()[0])
        if settings.CACHE_PAGE_PARTS
        else "",
        "fragment_seconds": settings.PAGE_CACHE_SECONDS,
    }
