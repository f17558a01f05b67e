"""Every reader page makes the same number of SQL queries however much there is to show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import ArticlePhoto
from tests.factories import make_article, make_author, make_section, make_topic
from tests.gallery.factories import make_photo

pytestmark = pytest.mark.django_db

# Layout widgets (sections, calendar, name days, poll, photo of the day) and the page itself.
MOST_QUERIES = 16


def illustrated_article(photos, **fields):
    article = make_article(main_photo=photos[0], is_featured=True, **fields)
    for position, photo in enumerate(photos):
        ArticlePhoto.objects.create(article=article, photo=photo, position=position)
    return article


def grow(sections, articles_per_section, photos, **signed):
    for _ in range(sections):
        section = make_section()
        for _ in range(articles_per_section):
            illustrated_article(photos, section=section, **signed)


def reader_pages(article):
    day = timezone.localdate(article.published_at)
    return [
        "/",
        "/ru/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        reverse("news:archive_day", kwargs={"day": day}),
        reverse("news:archive_month", kwargs={"month": day}),
        reverse("news:search") + "?q=ezers",
        reverse("news:feed"),
        reverse("news:section_feed", kwargs={"slug": article.section.slug}),
        article.byline()[0].get_absolute_url(),
        reverse("news:author_feed", kwargs={"slug": article.byline()[0].slug}),
        article.topics.all()[0].get_absolute_url(),
        reverse("news:topic_feed", kwargs={"slug": article.topics.all()[0].slug}),
        reverse("news:topic_list"),
        "/sitemap-articles.xml",
        "/sitemap-authors.xml",
        "/sitemap-topics.xml",
        "/news-sitemap.xml",
    ]


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_query_counts_stay_fixed_as_articles_sections_and_photos_grow(client):
    photos = [make_photo(), make_photo()]
    # Every article signed by the same two authors and on the same two topics.
    signed = {
        "authors": [make_author(photo=photos[0]), make_author()],
        "topics": [make_topic(), make_topic()],
    }
    paths = reader_pages(illustrated_article(photos, title_lv="Ezers", **signed))
    grow(sections=2, articles_per_section=2, photos=photos, **signed)
    small = {path: count_queries(client, path) for path in paths}
    grow(sections=5, articles_per_section=6, photos=photos, **signed)
    large = {path: count_queries(client, path) for path in paths}

    assert large == small
    assert max(small.values()) <= MOST_QUERIES, small
