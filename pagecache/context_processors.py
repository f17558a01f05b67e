from django.conf import settings
from django.utils.functional import SimpleLazyObject

from pagecache.generation import app_generations, current_generation


def generation(request):
    """For {% cache %}: page parts cached under the current content generation, or under
    their app's (`part_generations.polls`), are fresh; `part_seconds` is how long a part
    that is kept under what it shows may stay."""
    seconds = {
        "fragment_seconds": settings.PAGE_CACHE_SECONDS,
        "part_seconds": settings.PAGE_PART_SECONDS,
    }
    if not settings.CACHE_PAGE_PARTS:
        return {"content_generation": "", "part_generations": {}, **seconds}
    return {
        "content_generation": SimpleLazyObject(lambda: current_generation()[0]),
        "part_generations": SimpleLazyObject(app_generations),
        **seconds,
    }
