"""Hostile content: what a careless paste or a stolen editor account could put into every
field an editor fills in, and every reader page, feed and sitemap that shows it (issue 8).

Each payload gets a set of content of its own (a section, an article in three languages
with photos, a photo of the day, a poll, a name day), so that every field holds every
payload whole: the shortest field (a name, 50 characters) bounds their length.
"""

import datetime
import json
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

from django.utils import timezone

from namedays.models import Name, NameDay
from news.models import ArticlePhoto
from polls.models import Choice
from tests.factories import make_article, make_author, make_section, make_topic
from tests.gallery.factories import make_photo
from tests.polls.factories import make_poll

PAYLOADS = {
    "script": '<script>alert("xss")</script>',
    "img-onerror": '"><img src=x onerror=alert("xss")>',
    "svg-onload": "'><svg onload=alert('xss')>",
    "json-ld-breakout": '</script><script>alert("xss")</script>',
    "javascript-url": 'javascript:alert("xss")',
    "attribute": "\" autofocus onfocus=\"alert('xss')",
    "cdata-breakout": ']]></title><script>alert("xss")</script>',
}
# What an article body (rich text, sanitised on save) may be pasted with.
HOSTILE_BODY = (
    "<p>Teksts<script>alert('xss')</script></p>"
    "<p><a href=\"javascript:alert('xss')\">saite</a> "
    "<a href=\"jav&#x09;ascript:alert('xss')\">saite</a></p>"
    "<img src=x onerror=\"alert('xss')\"><svg onload=\"alert('xss')\"></svg>"
    "<iframe src=\"javascript:alert('xss')\"></iframe>"
    "<p style=\"background:url(javascript:alert('xss'))\" onclick=\"alert('xss')\">x</p>"
    "<form action=\"javascript:alert('xss')\"><button>x</button></form>"
    "<style>body{display:none}</style><object data=\"javascript:alert('xss')\"></object>"
)
LANGUAGES = ("lv", "ru", "en")


def translated(field, value):
    return {f"{field}_{code}": value for code in LANGUAGES}


def make_hostile_content():
    """Content with the payloads in every editor field; returns the reader URLs showing it."""
    today = timezone.localdate()
    urls = {"/", "/ru/", "/en/", "/aptaujas/", "/vardadienas/", "/vardadienas/kalendars/"}
    for number, payload in enumerate(PAYLOADS.values()):
        section = make_section(**translated("name", payload), slug=f"rubrika-{number}")
        photo_of_the_day = make_photo(
            **translated("title", payload),
            **translated("caption", payload),
            **translated("credit", payload),
            **translated("alt_text", payload),
            shown_on=today - datetime.timedelta(days=number),
        )
        article = make_article(
            section=section,
            **translated("title", payload),
            **translated("lead", payload),
            **translated("body", HOSTILE_BODY + f"<p>{payload}</p>"),
            authors=[
                make_author(
                    **translated("name", payload),
                    **translated("role", payload),
                    **translated("bio", payload),
                    slug=f"autors-{number}",
                )
            ],
            topics=[
                make_topic(
                    **translated("name", payload),
                    **translated("description", payload),
                    slug=f"tema-{number}",
                )
            ],
            is_featured=number == 0,
            main_photo=photo_of_the_day,
            published_at=timezone.now() - datetime.timedelta(hours=number + 1),
        )
        further = make_photo(**translated("title", payload), **translated("caption", payload))
        ArticlePhoto.objects.create(article=article, photo=further)
        poll = make_poll(**translated("question", payload), slug=f"aptauja-{number}", choices=[])
        Choice.objects.create(poll=poll, **translated("text", payload))
        Choice.objects.create(poll=poll, text_lv="Nē")
        day = today - datetime.timedelta(days=number)
        name_day, _created = NameDay.objects.get_or_create(month=day.month, day=day.day)
        name_day.note = payload
        name_day.save()
        Name.objects.create(name_day=name_day, name=payload, position=number)
        for prefix in ("", "/ru", "/en"):
            urls.add(prefix + article.get_absolute_url())
            urls.add(prefix + article.byline()[0].get_absolute_url())
            urls.add(prefix + article.topics.get().get_absolute_url())
        urls |= {
            section.get_absolute_url(),
            photo_of_the_day.get_absolute_url(),
            poll.get_absolute_url(),
            name_day.get_absolute_url(),
        }
    urls |= {
        f"/zinas/{today:%Y/%m/%d}/",
        f"/zinas/{today:%Y/%m}/",
        f"/dienas-foto/{today:%Y/%m}/",
        "/meklet/?q=alert",
        "/meklet/?q=%3Cscript%3Ealert(1)%3C/script%3E",
        "/vardadienas/meklet/?vards=%3Cscript%3Ealert(1)%3C/script%3E",
        "/%3Cscript%3Ealert(1)%3C/script%3E/",
    }
    return sorted(urls)


FEEDS = ["/rss/", "/ru/rss/", "/dienas-foto/rss/", *(f"/rubrikas/rubrika-{n}/rss/" for n in (0, 6))]
SITEMAPS = [
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-sections.xml",
    "/sitemap-articles.xml",
    "/sitemap-photos.xml",
    "/sitemap-namedays.xml",
    "/sitemap-namedays-dates.xml",
    "/news-sitemap.xml",
]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcset", "poster", "xlink:href"}
DANGEROUS_ELEMENTS = {"iframe", "object", "embed", "svg", "style", "base", "frame", "math"}
# Elements that never belong in an RSS feed or a sitemap: markup that escaped its text.
MARKUP_IN_XML = {"script", "img", "svg", "iframe", "style", "a", "p"}
CONTROL_AND_SPACE = re.compile(r"[\x00-\x20]+")


class MarkupCheck(HTMLParser):
    """What in a piece of HTML would run script: collects every way it could."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.script = None  # the attributes of the <script> being read, and its text
        self.text = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            elif name == "style":
                self.problems.append(f"<{tag} style=…>")
            elif name in URL_ATTRIBUTES and value:
                url = CONTROL_AND_SPACE.sub("", value).lower()
                if url.startswith(("javascript:", "data:text/html", "vbscript:")):
                    self.problems.append(f"<{tag} {name}={value!r}>")
            self.text.append(value or "")
        if tag == "script":
            self.script = (attributes, [])
        elif tag in DANGEROUS_ELEMENTS:
            self.problems.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            attributes, parts = self.script
            self.check_script(attributes, "".join(parts))
            self.script = None

    def handle_data(self, data):
        if self.script is not None:
            self.script[1].append(data)
        else:
            self.text.append(data)

    def check_script(self, attributes, content):
        if attributes.get("type") == "application/ld+json":
            try:
                json.loads(content)  # a payload that ended the block early breaks the JSON
            except ValueError:
                self.problems.append("a JSON-LD block that is not JSON")
        elif not attributes.get("src", "").startswith("/static/") or content.strip():
            self.problems.append(f"<script {attributes}>{content[:80]}")


def markup_problems(html):
    """[description, …] of everything in `html` that could run script; [] when safe."""
    check = MarkupCheck()
    check.feed(html)
    check.close()
    return check.problems


def visible_text(html):
    """The text and attribute values of `html`, as a reader (or a script) would get them."""
    check = MarkupCheck()
    check.feed(html)
    check.close()
    return " ".join(check.text)


def xml_problems(xml):
    """Problems in a feed or sitemap: it must parse, hold no markup elements that escaped
    their text, and the parts that feed readers show as HTML (descriptions) must be safe
    HTML once the XML is decoded."""
    root = ElementTree.fromstring(xml)
    problems = [
        f"<{element.tag}> in the XML"
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] in MARKUP_IN_XML
    ]
    for description in root.iter("description"):
        problems += markup_problems(description.text or "")
    return problems
