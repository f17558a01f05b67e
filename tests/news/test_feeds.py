import datetime
import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse

from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_site_feed_lists_published_articles_newest_first(client):
    make_article(
        title_lv="Vecāka ziņa", published_at=datetime.datetime(2024, 5, 20, tzinfo=datetime.UTC)
    )
    make_article(
        title_lv="Jaunāka <ziņa>", published_at=datetime.datetime(2024, 5, 21, tzinfo=datetime.UTC)
    )

    response = client.get(reverse("news:feed"))

    assert response["Content-Type"].startswith("application/rss+xml")
    items = ElementTree.fromstring(response.content).findall("channel/item")
    assert [item.findtext("title") for item in items] == ["Jaunāka <ziņa>", "Vecāka ziņa"]


def test_section_feed_lists_only_the_section(client):
    culture = make_section(slug="kultura")
    make_article(section=culture, title_lv="Koncerts")
    make_article(title_lv="Futbols")

    response = client.get(reverse("news:section_feed", kwargs={"slug": "kultura"}))

    titles = [
        item.findtext("title") for item in ElementTree.fromstring(response.content).iter("item")
    ]
    assert titles == ["Koncerts"]


def test_russian_feed_has_russian_titles(client):
    make_article(title_lv="Latviski", title_ru="По-русски")
    response = client.get("/ru" + reverse("news:feed"))
    assert "По-русски" in response.text


def test_sitemap_lists_articles_in_the_languages_they_are_written_in(client):
    article = make_article(title_ru="Новость")
    latvian = make_article(title_lv="Tikai latviski")

    response = client.get("/sitemap-articles.xml")

    root = ElementTree.fromstring(response.content)
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert f"http://testserver{article.get_absolute_url()}" in locations
    assert f"http://testserver/ru{article.get_absolute_url()}" in locations
    assert f"http://testserver/en{article.get_absolute_url()}" not in locations
    assert f"http://testserver{latvian.get_absolute_url()}" in locations
    assert f"http://testserver/ru{latvian.get_absolute_url()}" not in locations
    assert 'hreflang="x-default"' in response.text


def test_sitemap_index_and_robots_txt_point_to_each_other(client):
    robots = client.get(reverse("robots_txt"))
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.text

    index = client.get("/sitemap.xml").text
    assert "http://testserver/sitemap-articles.xml" in index


def test_news_sitemap_lists_the_last_two_days_only(client):
    from django.utils import timezone

    recent = make_article(title_lv="Svaiga ziņa")
    make_article(published_at=timezone.now() - datetime.timedelta(days=3))

    root = ElementTree.fromstring(client.get("/news-sitemap.xml").content)

    titles = [title.text for title in root.iter(f"{NEWS}title")]
    assert titles == ["Svaiga ziņa"]
    assert f"http://testserver{recent.get_absolute_url()}" in client.get("/news-sitemap.xml").text
