from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from news.models import Article, Section

FEED_LENGTH = 30


def with_feed_images(request, articles):
    """The articles, each with the absolute URL and size of its main photo's JPEG (or None):
    feed items enclose it, and media URLs in a feed must be absolute."""
    articles = list(articles)
    for article in articles:
        photo, article.feed_image = article.main_photo, None
        if photo and (rendition := photo.fallback_rendition()).get("format") == "jpg":
            url = request.build_absolute_uri(photo.url_of(rendition))
            article.feed_image = Enclosure(url, str(rendition["size"]), "image/jpeg")
    return articles


class LatestArticlesFeed(Feed):
    """The newest articles. `get_object()` returns the request: a Feed instance is shared by
    every thread, so nothing request-bound may be stored on it."""

    feed_type = Rss201rev2Feed
    description = _("The newest articles of the newspaper.")

    def get_object(self, request):
        return request

    def title(self):
        return settings.NEWSPAPER["name"]

    def link(self):
        return reverse("news:front_page")

    def items(self, request):
        return with_feed_images(request, Article.objects.published().for_feed()[:FEED_LENGTH])

    def item_enclosures(self, item):
        return [item.feed_image] if item.feed_image else []

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers show descriptions as HTML; the summary is plain text (issue 8).
        return escape(item.summary())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author

    def item_categories(self, item):
        return [item.section.name]


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        section = get_object_or_404(Section, slug=slug)
        section.feed_request = request  # a fresh row per request, see LatestArticlesFeed
        return section

    def title(self, section):
        return f"{settings.NEWSPAPER['name']}: {section.name}"

    def link(self, section):
        return section.get_absolute_url()

    def items(self, section):
        articles = section.articles.published().for_feed()[:FEED_LENGTH]
        return with_feed_images(section.feed_request, articles)
