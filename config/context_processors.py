"""What every page's layout needs: the newspaper's details and the language switcher."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


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
    }
