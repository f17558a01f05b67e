from django.conf import settings
from django.utils.functional import SimpleLazyObject

from pagecache.generation import app_generations


def generation(request):
    """For {% cache %}: the widgets cached under their app's generation
    (`part_generations.polls`) are fresh for `fragment_seconds` at most. (Teasers and the
    calendar are kept under what they show instead: pagecache.parts.)"""
    seconds = {"fragment_seconds": settings.PAGE_CACHE_SECONDS}
    if not settings.CACHE_PAGE_PARTS:
        return {"part_generations": {}, **seconds}
    return {"part_generations": SimpleLazyObject(app_generations), **seconds}
