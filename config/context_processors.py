"""What every page's layout needs: the newspaper's details, the language switcher, and the
key under which page parts are cached."""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info

from config.pagecache import current_generation


def site(request):
    """The newspaper from settings, and this page's address in every language."""
    current = get_language()
    languages = [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": translate_url(request.get_full_path(), code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "newspaper": settings.NEWSPAPER,
        "languages": languages,
        # For {% cache %}: parts cached under the current content generation are fresh.
        "content_generation": SimpleLazyObject(lambda: current_generation()[0])
        if settings.CACHE_PAGE_PARTS
        else "",
        "fragment_seconds": settings.PAGE_CACHE_SECONDS,
    }
