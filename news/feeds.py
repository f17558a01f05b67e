from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from news.models import Article, Section

FEED_LENGTH = 30


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    description = _("The newest articles of the newspaper.")

    def title(self):
        return settings.NEWSPAPER["name"]

    def link(self):
        return reverse("news:front_page")

    def items(self):
        return Article.objects.published().for_feed()[:FEED_LENGTH]

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
        return get_object_or_404(Section, slug=slug)

    def title(self, section):
        return f"{settings.NEWSPAPER['name']}: {section.name}"

    def link(self, section):
        return section.get_absolute_url()

    def items(self, section):
        return section.articles.published().for_feed()[:FEED_LENGTH]
