"""Plain functions that make saved objects with sensible defaults; override what a test needs."""

import datetime
import itertools

from django.utils import timezone

from news.models import Article, Author, Section, Topic

_numbers = itertools.count(1)


def make_section(**overrides):
    number = next(_numbers)
    overrides.setdefault("name_lv", f"Rubrika {number}")
    overrides.setdefault("slug", f"rubrika-{number}")
    overrides.setdefault("position", number)
    return Section.objects.create(**overrides)


def make_author(**overrides):
    number = next(_numbers)
    overrides.setdefault("name_lv", f"Autors Nr. {number}")
    overrides.setdefault("slug", f"autors-{number}")
    return Author.objects.create(**overrides)


def make_topic(**overrides):
    number = next(_numbers)
    overrides.setdefault("name_lv", f"Tēma {number}")
    overrides.setdefault("slug", f"tema-{number}")
    return Topic.objects.create(**overrides)


def make_article(*, authors=(), topics=(), **overrides):
    """A published article from an hour ago, unless told otherwise; `authors` sign it in
    their order."""
    number = next(_numbers)
    if "section" not in overrides:
        overrides["section"] = make_section()
    overrides.setdefault("title_lv", f"Raksts numur {number}")
    overrides.setdefault("lead_lv", "Īss ievads par notikumiem novadā.")
    overrides.setdefault("body_lv", "<p>Raksta teksts par dzīvi Latgalē.</p>")
    overrides.setdefault("is_published", True)
    overrides.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    article = Article.objects.create(**overrides)
    if authors:
        article.sign(*authors)
    if topics:
        article.topics.set(topics)
    return article
