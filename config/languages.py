"""Which language a translated field's text is really in, and what a page says about it.

modeltranslation shows the Latvian text when a Russian or English one is missing
(MODELTRANSLATION_FALLBACK_LANGUAGES). Readers and machines are told so, here, once:

    {{ article|lang_attr:"title" }}
        ` lang="lv"` when the title shown is not in the page's language, else nothing:
        `<h1{{ article|lang_attr:"title" }}>{{ article.title }}</h1>`.

    {% untranslated_notice article "body" %}
        "Эта статья доступна только на латышском языке." when the body falls back.

    {{ value|iso_datetime }}
        A datetime for a `datetime` attribute: ISO 8601 without fractions of a second.

A built-in template library (settings TEMPLATES "builtins"), so every app's templates have it.
"""

import contextlib

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import escape_uri_path
from django.utils.html import format_html
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order

register = template.Library()

# What a page says when its text is only in the fallback language (one per language it is in).
ONLY_IN = {
    "lv": _("This text is available only in Latvian."),
    "ru": _("This text is available only in Russian."),
    "en": _("This text is available only in English."),
}


def value_language(instance, field, language=None):
    """The language of the text a reader of `language` (the active one) sees in `field`: that
    language when it has text, else the fallback modeltranslation shows instead."""
    language = language or get_language()
    for code in resolution_order(language):
        if getattr(instance, build_localized_fieldname(field, code), None):
            return code
    return language


def languages_with(instance, field):
    """The site's languages in which `field` of `instance` has its own text, in site order."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if getattr(instance, build_localized_fieldname(field, code), None)
    ]


def page_paths(request):
    """{language code: this page's path in that language}, as translate_url() gives them,
    from the route the request already matched instead of resolving the path again for
    every language and link (the language switcher, the canonical and hreflang links).
    A page without a route (a 404) keeps its path, as sent (percent-encoded)."""
    match = request.resolver_match
    codes = [code for code, _name in settings.LANGUAGES]
    paths = dict.fromkeys(codes, escape_uri_path(request.path))
    if match and match.url_name:
        for code in paths:
            with override(code), contextlib.suppress(NoReverseMatch):
                paths[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    return paths


@register.filter
def lang_attr(instance, field):
    """` lang="xx"` for an element showing `field` of `instance` when its text is not in the
    page's language."""
    if not instance:
        return ""
    code = value_language(instance, field)
    return format_html(' lang="{}"', code) if code != get_language() else ""


@register.simple_tag
def untranslated_notice(instance, *fields):
    """A short notice, in the page's language, when the first of `fields` that has text is
    shown in another language."""
    for field in fields:
        if languages_with(instance, field):
            code = value_language(instance, field)
            if code == get_language():
                return ""
            return format_html(
                '<p class="translation-notice" role="note">{}</p>', ONLY_IN.get(code, "")
            )
    return ""


@register.filter(expects_localtime=True)
def iso_datetime(value):
    """ISO 8601 to the second: the Nu checker refuses six-digit fractions in `datetime`."""
    if not value:
        return ""
    if hasattr(value, "microsecond"):
        value = value.replace(microsecond=0)
    return value.isoformat()
