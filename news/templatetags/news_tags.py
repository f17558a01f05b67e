"""The news parts of the layout (section menu, month calendar), publication times and search
highlighting."""

import calendar
import datetime
import html
import json
from urllib.parse import quote

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from config.languages import value_language
from config.social import DEFAULT_IMAGE
from news.models import Article, Section
from news.search import HIGHLIGHT_END, HIGHLIGHT_START
from pagecache.parts import kept_parts

register = template.Library()

# The publisher logo of the JSON-LD (made by scripts/make_social_image.py).
LOGO = {"path": "img/logo.png", "width": 600, "height": 600}


@register.simple_tag(takes_context=True)
def section_menu(context):
    """The sections' links, the current page's marked. Kept under what it shows: the
    sections' rows (their digest) and, on the front page or a section's, its address (a
    section's only when it exists: its 404 page would keep a menu for every address tried)."""
    request = context.get("request")
    view = getattr(getattr(request, "resolver_match", None), "view_name", None)
    marked = view == "news:front_page" or (view == "news:section_detail" and "section" in context)
    current = request.path if marked else None

    def render_missing(names):
        menu = {"sections": Section.objects.all(), "request": request}
        return dict.fromkeys(names, render_to_string("news/_section_menu.html", menu))

    shown = ("section-menu", Section.objects.version(), current)
    return kept_parts({"menu": shown}, render_missing)["menu"]


@register.simple_tag(takes_context=True)
def month_calendar(context):
    """The month of the page's `calendar_month` (or of today), Monday first, as the paper has it.

    Days with published articles link to their day archive. Kept under what it shows (the
    month, today, the days with articles), so an edit that adds no day renders it not
    again; the days are read afresh for every page, so a scheduled article's day links
    on the minute.
    """
    today = timezone.localdate()
    first = (context.get("calendar_month") or today).replace(day=1)
    with_articles = Article.objects.published().days_with_articles(first)
    shown = ("calendar", first, today, tuple(sorted(with_articles)))

    def render_missing(names):
        month = calendar_context(first, today, with_articles)
        return dict.fromkeys(names, render_to_string("news/_calendar.html", month))

    return kept_parts({"calendar": shown}, render_missing)["calendar"]


def calendar_context(first, today, with_articles):
    """The calendar template's context: the weeks of the month starting on `first`."""
    year, month = first.year, first.month
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
        '<time datetime="{}">{}</time>',
        value.replace(microsecond=0).isoformat(),
        date_format(value, format_name),
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


def publisher(request):
    """The paper as schema.org sees it: the publisher of every article, on the front page too."""
    return {
        "@type": "NewsMediaOrganization",
        "@id": request.build_absolute_uri(reverse("news:front_page")) + "#publisher",
        "name": settings.NEWSPAPER["name"],
        "url": request.build_absolute_uri(reverse("news:front_page")),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(LOGO["path"])),
            "width": LOGO["width"],
            "height": LOGO["height"],
        },
    }


def structured_author(author, request):
    """One of the article's authors for JSON-LD, with the address of their page."""
    return {
        "@type": "Person",
        "name": author.name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }


def structured_images(article, request):
    """The article's pictures for Google: its main photo in 16:9, 4:3 and 1:1 (or whole when
    the crops are not made yet), else the paper's own picture."""
    photo = article.main_photo
    if photo:
        urls = [photo.url_of(crop) for crop in photo.crops()] or [photo.largest_jpeg_url()]
    else:
        urls = [static(DEFAULT_IMAGE["path"])]
    return [request.build_absolute_uri(url) for url in urls]


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    """A schema.org NewsArticle as Google documents it."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary(),
        "image": structured_images(article, request),
        "datePublished": article.published_at.replace(microsecond=0),
        "dateModified": article.modified_at.replace(microsecond=0),
        "articleSection": article.section.name,
        "inLanguage": value_language(article, "title"),  # as hreflang and the sitemaps say
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "publisher": publisher(request),
    }
    if authors := article.byline():
        data["author"] = [structured_author(author, request) for author in authors]
    return ld_json(data)


@register.simple_tag(takes_context=True)
def front_page_structured_data(context):
    """The site (with its search) and the paper, for the front page."""
    request = context["request"]
    home = request.build_absolute_uri(reverse("news:front_page"))
    search = request.build_absolute_uri(reverse("news:search"))
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebSite",
                "@id": home + "#website",
                "url": home,
                "name": settings.NEWSPAPER["name"],
                "inLanguage": context.get("LANGUAGE_CODE"),
                "publisher": {"@id": home + "#publisher"},
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {"@type": "EntryPoint", "urlTemplate": search + "?q={search_term}"},
                    "query-input": "required name=search_term",
                },
            },
            {
                **publisher(request),
                "address": settings.NEWSPAPER["address"],
                "telephone": settings.NEWSPAPER["phone"],
                "email": settings.NEWSPAPER["email"],
                "foundingDate": str(settings.NEWSPAPER["since"]),
            },
        ],
    }
    return ld_json(data)


# Where a reader shares an article: plain links to each service's own share page, so no
# third-party script or button loads on ours. Filled with the URL-encoded address and title.
SHARE_SERVICES = [
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("whatsapp", "WhatsApp", "https://wa.me/?text={title}%20{url}"),
    ("telegram", "Telegram", "https://t.me/share/url?url={url}&text={title}"),
    ("x", "X", "https://x.com/intent/post?url={url}&text={title}"),
]


@register.inclusion_tag("news/_share_links.html", takes_context=True)
def share_links(context, article):
    """Share links for an article: Facebook, WhatsApp, Telegram, X and e-mail."""
    request = context["request"]
    address = f"{request.scheme}://{request.get_host()}{article.get_absolute_url()}"
    url, title = quote(address, safe=""), quote(article.title, safe="")
    links = [
        {"service": service, "name": name, "href": pattern.format(url=url, title=title)}
        for service, name, pattern in SHARE_SERVICES
    ]
    return {"links": links, "mailto": f"mailto:?subject={title}&body={url}"}
