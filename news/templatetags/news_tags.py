"""The news parts of the layout (section menu, month calendar), publication times and search
highlighting."""

import calendar
import datetime
import html
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from news.models import Article, Section
from news.search import HIGHLIGHT_END, HIGHLIGHT_START

register = template.Library()


@register.inclusion_tag("news/_section_menu.html", takes_context=True)
def section_menu(context):
    return {"sections": Section.objects.all(), "request": context.get("request")}


@register.inclusion_tag("news/_calendar.html", takes_context=True)
def month_calendar(context):
    """The month of the page's `calendar_month` (or of today), Monday first, as the paper has it.

    Days with published articles link to their day archive.
    """
    today = timezone.localdate()
    first = (context.get("calendar_month") or today).replace(day=1)
    year, month = first.year, first.month
    with_articles = Article.objects.published().days_with_articles(first)
    weeks = [
        [
            {
                "number": day.day if day.month == month else "",
                "url": reverse("news:archive_day", kwargs={"day": day})
                if day.month == month and day in with_articles
                else "",
                "in_month": day.month == month,
                "is_today": day == today,
            }
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    ]
    previous_month = (first - datetime.timedelta(days=1)).replace(day=1)
    next_month = (first + datetime.timedelta(days=32)).replace(day=1)
    return {
        "month": first,
        "weekdays": [WEEKDAYS[number] for number in range(7)],
        "weeks": weeks,
        "previous_month": previous_month if previous_month.year > datetime.MINYEAR else None,
        "next_month": next_month if next_month <= today else None,
    }


@register.filter(expects_localtime=True)
def time_element(value, format_name="NUMERIC_DATE_FORMAT"):
    """A publication time as <time>: ISO 8601 for machines, the paper's format for readers.

    One filter, not two `date` filters: a front page prints some fifty of these.
    """
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, format_name)
    )


@register.filter
def highlighted(text):
    """Search-result text with its matches in <mark>, everything else escaped."""
    if not text:
        return ""
    safe = escape(" ".join(html.unescape(text).split()))
    return mark_safe(safe.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_END, "</mark>"))


@register.filter
def initial(name):
    """The first letter, as a capital: weekday initials "P O T C P S S"."""
    return str(name)[:1].upper()


@register.filter
def ld_json(data):
    """A dict as a JSON-LD block; escaped like Django's json_script so it cannot end early."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    """A schema.org NewsArticle for search engines."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary(),
        "datePublished": article.published_at,
        "dateModified": article.modified_at,
        "articleSection": article.section.name,
        "inLanguage": context.get("LANGUAGE_CODE"),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "publisher": {"@type": "NewsMediaOrganization", "name": settings.NEWSPAPER["name"]},
    }
    if authors := article.byline():
        data["author"] = [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in authors
        ]
    if article.main_photo:
        data["image"] = [request.build_absolute_uri(article.main_photo.largest_jpeg_url())]
    return ld_json(data)


@register.simple_tag
def lang_of(obj, field):
    """` lang="lv"` when `obj.<field>` shows Latvian text on a page in another language
    because the page's language has none (modeltranslation's fallback; issue 15), else
    nothing."""
    page = get_language()
    if getattr(obj, f"{field}_{page}", None):
        return ""
    return format_html(' lang="{}"', settings.MODELTRANSLATION_FALLBACK_LANGUAGES[0])
