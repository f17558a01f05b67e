import datetime

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Author, Section, Topic


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "published_at", "revised_at")

    def lastmod(self, article):
        return article.modified_at


class SectionSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Section.objects.all()


class AuthorSitemap(Sitemap):
    """Author pages with a published article (an empty page is not worth a crawl)."""

    changefreq = "weekly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Author.objects.with_published_articles().only("slug")


class TopicSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Topic.objects.with_published_articles().only("slug")


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


class NewsSitemap(Sitemap):
    """Google News: the articles of the last two days, with their titles and languages."""

    limit = 1000

    def items(self):
        since = timezone.now() - datetime.timedelta(days=2)
        return Article.objects.published().filter(published_at__gte=since)

    def lastmod(self, article):
        return article.modified_at
