"""An article's saved versions (django-reversion) compared as readers would read them: the
title, lead and body of every language, word by word."""

import difflib
import html

from django.conf import settings
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

COMPARED = [("title", _("title")), ("lead", _("lead")), ("body", _("body"))]

# django-reversion ships no Latvian: its strings that reach the screen, translated in the
# project's catalogue (which comes first).
REVERSION_STRINGS = [
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Initial version."),
    gettext_noop("Could not load %(object_repr)s version - not found"),
]


def plain_words(value):
    return html.unescape(strip_tags(value or "")).split()


def word_diff(old, new):
    """`new` as safe HTML, with words removed since `old` in <del> and added in <ins>."""
    old_words, new_words = plain_words(old), plain_words(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(("{}", " ".join(new_words[b1:b2])))
            continue
        if a2 > a1:
            parts.append(("<del>{}</del>", " ".join(old_words[a1:a2])))
        if b2 > b1:
            parts.append(("<ins>{}</ins>", " ".join(new_words[b1:b2])))
    return format_html_join(" ", "{}", ((format_html(pattern, text),) for pattern, text in parts))


def compare(old_fields, new_fields):
    """Rows of (language name, field name, changed?, diff) for two versions' field dicts."""
    rows = []
    for code, language in settings.LANGUAGES:
        for field, label in COMPARED:
            old = old_fields.get(f"{field}_{code}") or ""
            new = new_fields.get(f"{field}_{code}") or ""
            if old or new:
                rows.append((language, label, old != new, word_diff(old, new)))
    return rows
