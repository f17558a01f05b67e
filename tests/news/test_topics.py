"""Topics that cut across sections: pages, feeds and links from articles (issue 16)."""

import datetime
import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_section, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def daugava():
    return make_topic(
        name_lv="Daugava",
        name_ru="Даугава",
        slug="daugava",
        description_lv="Upe un krastmala.",
    )


def test_an_article_links_its_topics(client, daugava):
    article = make_article(topics=[daugava, make_topic(name_lv="Pilsētvide", slug="pilsetvide")])
    latvian = client.get(article.get_absolute_url()).text
    russian = client.get("/ru" + article.get_absolute_url()).text
    assert '<a href="/temas/daugava/" rel="tag">Daugava</a>' in latvian
    assert '<a href="/temas/pilsetvide/" rel="tag">Pilsētvide</a>' in latvian
    assert "Tēmas:" in latvian and "Темы:" in russian
    assert '<a href="/ru/temas/daugava/" rel="tag">Даугава</a>' in russian
    assert '<a href="/ru/temas/pilsetvide/" rel="tag" lang="lv">Pilsētvide</a>' in russian


def test_the_topic_page_lists_published_articles_of_every_section(client, daugava):
    make_article(topics=[daugava], section=make_section(), title_lv="Plosts Daugavā")
    make_article(topics=[daugava], section=make_section(), title_lv="Krastmalas projekts")
    make_article(topics=[daugava], title_lv="Melnraksts", is_published=False)
    make_article(
        topics=[daugava],
        title_lv="Rītdienas raksts",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    make_article(title_lv="Bez tēmas")

    page = client.get(reverse("news:topic_detail", kwargs={"slug": "daugava"}))

    assert page.status_code == 200
    assert '<h1 class="page-title">Daugava</h1>' in page.text
    assert "Upe un krastmala." in page.text
    assert "Plosts Daugavā" in page.text and "Krastmalas projekts" in page.text
    for hidden in ["Melnraksts", "Rītdienas raksts", "Bez tēmas"]:
        assert hidden not in page.text


def test_the_russian_topic_page_marks_the_latvian_description(client, daugava):
    page = client.get("/ru/temas/daugava/").text
    assert '<h1 class="page-title">Даугава</h1>' in page
    assert '<p class="profile__bio" lang="lv">Upe un krastmala.</p>' in page
    assert 'href="/ru/temas/daugava/rss/"' in page


@pytest.mark.parametrize(
    ("prefix", "empty"),
    [("", "Par šo tēmu vēl nav rakstu."), ("/ru", "Статей на эту тему ещё нет.")],
)
def test_a_topic_without_published_articles_has_an_empty_page_and_feed(client, prefix, empty):
    topic = make_topic(slug="velesanas")
    make_article(topics=[topic], is_published=False)
    page = client.get(f"{prefix}/temas/velesanas/")
    assert page.status_code == 200 and empty in page.text
    feed = client.get(f"{prefix}/temas/velesanas/rss/")
    assert ElementTree.fromstring(feed.content).findall("channel/item") == []


@pytest.mark.parametrize("path", ["/temas/nav-tadas/", "/ru/temas/nav-tadas/", "/temas/x/rss/"])
def test_an_unknown_topic_is_not_found(client, path):
    make_topic(slug="ir-tada")
    assert client.get(path).status_code == 404


def test_the_topic_feed_lists_its_published_articles_in_the_feeds_language(client, daugava):
    make_article(topics=[daugava], title_lv="Plosts", title_ru="Плот")
    make_article(topics=[daugava], title_lv="Melnraksts", is_published=False)
    make_article(title_lv="Cits")

    for prefix, title, name in [("", "Plosts", "Daugava"), ("/ru", "Плот", "Даугава")]:
        feed = client.get(f"{prefix}/temas/daugava/rss/")
        channel = ElementTree.fromstring(feed.content).find("channel")
        assert channel.findtext("title").endswith(f": {name}")
        assert [item.findtext("title") for item in channel.findall("item")] == [title]


def test_the_topic_index_lists_topics_readers_can_find_articles_in(client, daugava):
    hidden = make_topic(name_lv="Slepena tēma")
    make_article(topics=[daugava])
    make_article(topics=[hidden], is_published=False)
    make_topic(name_lv="Tukša tēma")

    latvian = client.get("/temas/").text
    russian = client.get("/ru/temas/").text

    assert '<a href="/temas/daugava/">Daugava</a>' in latvian
    assert "Slepena tēma" not in latvian and "Tukša tēma" not in latvian
    assert '<a href="/ru/temas/daugava/">Даугава</a>' in russian


def test_the_topic_index_says_when_there_are_none(client):
    assert "Tēmu vēl nav." in client.get("/temas/").text
    assert "Тем пока нет." in client.get("/ru/temas/").text


def test_the_sitemap_lists_topics_with_published_articles(client, daugava):
    make_article(topics=[daugava])
    make_article(topics=[make_topic(slug="slepena")], is_published=False)

    sitemap = client.get("/sitemap-topics.xml").text

    assert "http://testserver/temas/daugava/" in sitemap
    assert 'hreflang="ru" href="http://testserver/ru/temas/daugava/"' in sitemap
    assert "slepena" not in sitemap
