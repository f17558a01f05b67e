from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from news.models import Article, Author, Section, Topic

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
        return ", ".join(author.name for author in item.byline()) or None

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


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author):
        return f"{settings.NEWSPAPER['name']}: {author.name}"

    def link(self, author):
        return author.get_absolute_url()

    def description(self, author):
        return author.bio or author.role or LatestArticlesFeed.description

    def items(self, author):
        return author.articles.published().for_feed()[:FEED_LENGTH]


class TopicFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return f"{settings.NEWSPAPER['name']}: {topic.name}"

    def link(self, topic):
        return topic.get_absolute_url()

    def description(self, topic):
        return topic.description or LatestArticlesFeed.description

    def items(self, topic):
        return topic.articles.published().for_feed()[:FEED_LENGTH]
