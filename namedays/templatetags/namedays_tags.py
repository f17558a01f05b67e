"""The masthead's "Vārda diena: …" line, on every page, and how pages write the names.

Russian pages give each calendar name in Russian letters with the official Latvian spelling
beside it, "Янис (Jānis)", each part marked with its language (issue 15); other pages give
the official spelling only, inside an element marked Latvian by `{% names_lang %}`.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from namedays.models import NameDay
from namedays.spelling import cyrillic

register = template.Library()

CYRILLIC_BESIDE = '<span lang="ru">{}</span> (<span lang="lv">{}</span>)'


def in_cyrillic():
    """Whether the page shows names in Russian letters too: Russian pages only."""
    return get_language() == "ru"


@register.inclusion_tag("namedays/_header.html")
def todays_namedays():
    """Today's traditional names in Riga (one query); nothing before the calendar is loaded."""
    return {"name_day": NameDay.objects.today()}


@register.inclusion_tag("namedays/_day.html")
def namedays_of(date):
    """The names of `date` (any year) for the news day page; one query."""
    return {"name_day": NameDay.objects.with_names().for_date(date).first()}


@register.simple_tag
def names_lang():
    """` lang="lv"` for the element around calendar names, where they are only Latvian."""
    return "" if in_cyrillic() else mark_safe(' lang="lv"')


@register.filter
def calendar_name(name):
    """One calendar name as the page writes it: "Jānis", or on Russian pages "Янис (Jānis)"."""
    return format_html(CYRILLIC_BESIDE, cyrillic(name), name) if in_cyrillic() else name


@register.filter
def calendar_names(names):
    """Calendar names, comma-separated, each as `calendar_name` writes it."""
    if not in_cyrillic():
        return ", ".join(names)
    return format_html_join(", ", CYRILLIC_BESIDE, ((cyrillic(name), name) for name in names))


@register.simple_tag
def cyrillic_note():
    """On Russian pages, a line that says how the names are written."""
    if not in_cyrillic():
        return ""
    note = _("Names are given in Russian letters, with the official Latvian spelling in brackets.")
    return format_html('<p class="nameday-note nameday-note--spelling">{}</p>', note)
