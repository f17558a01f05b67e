"""What every page's layout needs: the newspaper's details and the language switcher."""

from django.conf import settings
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language, get_language_info

from config.languages import page_paths


def site(request):
    """The newspaper from settings, and this page's address in every language (its
    paths, for page_meta, too)."""
    current = get_language()
    paths = page_paths(request)
    query = request.META.get("QUERY_STRING", "")
    query = f"?{iri_to_uri(query)}" if query else ""
    languages = [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": paths[code] + query,
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "newspaper": settings.NEWSPAPER,
        "languages": languages,
        "page_paths": paths,
    }
