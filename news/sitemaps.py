import datetime
import typing

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

from config.languages import languages_with
from news.models import Article, Section

TITLES = [build_localized_fieldname("title", code) for code, _name in settings.LANGUAGES]


class ArticleSitemap(Sitemap):
    """Every published article in each language it has a title in: an /en/ page whose text
    is Latvian is not listed as English."""

    changefreq = "weekly"
    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "published_at", "revised_at", *TITLES)

    def get_languages_for_item(self, article):
        return languages_with(article, "title")

    def lastmod(self, article):
        return article.modified_at


class SectionSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        published = Article.objects.published().filter(section=OuterRef("pk"))
        return Section.objects.annotate(
            newest_at=Subquery(published.order_by("-published_at").values("published_at")[:1])
        )

    def lastmod(self, section):
        """When its newest article appeared (None for an empty section)."""
        return section.newest_at


class FrontPageSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["news:front_page"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return Article.objects.published().aggregate(at=Max("published_at"))["at"]


class NewsEntry(typing.NamedTuple):
    """One language version of an article, as Google News wants it."""

    article: Article
    language: str
    title: str


class NewsSitemap(Sitemap):
    """Google News: the articles of the last two days, each language version that exists
    with its own title and `news:language`."""

    limit = 1000

    def items(self):
        since = timezone.now() - datetime.timedelta(days=2)
        articles = Article.objects.published().filter(published_at__gte=since)
        return [
            NewsEntry(article, code, getattr(article, build_localized_fieldname("title", code)))
            for article in articles.only("slug", "published_at", "revised_at", *TITLES)
            for code in languages_with(article, "title")
        ]

    def location(self, entry):
        with translation.override(entry.language):
            return entry.article.get_absolute_url()

    def lastmod(self, entry):
        return entry.article.modified_at
