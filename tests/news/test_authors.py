"""Author pages and feeds, and bylines that link to them (issue 16); roles per language
(issue 15)."""

import datetime
import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Author
from tests.factories import make_article, make_author
from tests.gallery.factories import make_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def inese():
    return make_author(
        name_lv="Inese Kalniņa",
        name_ru="Инесе Калниня",
        slug="inese-kalnina",
        role_lv="žurnāliste",
        role_ru="журналист",
        bio_lv="Raksta par novada dzīvi.",
    )


def test_the_byline_links_each_author_in_order_with_the_role_in_the_pages_language(client, inese):
    janis = make_author(name_lv="Jānis Ozols", slug="janis-ozols", role_lv="fotogrāfs")
    article = make_article(authors=[janis, inese])

    latvian = client.get(article.get_absolute_url()).text
    russian = client.get("/ru" + article.get_absolute_url()).text

    assert (
        '<p class="article__byline"><a href="/autori/janis-ozols/" rel="author">Jānis Ozols</a>, '
        '<span class="article__role">fotogrāfs</span>; <a href="/autori/inese-kalnina/" '
        'rel="author">Inese Kalniņa</a>, <span class="article__role">žurnāliste</span></p>'
    ) in latvian
    assert '<a href="/ru/autori/inese-kalnina/" rel="author">Инесе Калниня</a>' in russian
    assert '<span class="article__role">журналист</span>' in russian
    # No Russian given: the Latvian name and role, marked as Latvian.
    assert '<a href="/ru/autori/janis-ozols/" rel="author" lang="lv">Jānis Ozols</a>' in russian
    assert '<span class="article__role" lang="lv">fotogrāfs</span>' in russian


def test_an_unsigned_article_has_no_byline(client):
    assert "article__byline" not in client.get(make_article().get_absolute_url()).text


def test_the_author_page_shows_who_they_are_and_their_published_articles(client, inese):
    make_article(authors=[inese], title_lv="Inese raksta par tiltu")
    make_article(authors=[inese], title_lv="Melnraksts", is_published=False)
    make_article(
        authors=[inese],
        title_lv="Rītdienas raksts",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    make_article(title_lv="Cits autors")

    page = client.get(reverse("news:author_detail", kwargs={"slug": "inese-kalnina"}))

    assert page.status_code == 200
    assert '<h1 class="page-title">Inese Kalniņa</h1>' in page.text
    assert '<p class="profile__role">žurnāliste</p>' in page.text
    assert "Raksta par novada dzīvi." in page.text
    assert "Inese raksta par tiltu" in page.text
    for hidden in ["Melnraksts", "Rītdienas raksts", "Cits autors"]:
        assert hidden not in page.text
    assert 'href="/autori/inese-kalnina/rss/"' in page.text


def test_the_russian_author_page_marks_latvian_text_it_falls_back_to(client, inese):
    page = client.get("/ru/autori/inese-kalnina/").text
    assert '<h1 class="page-title">Инесе Калниня</h1>' in page
    assert '<p class="profile__role">журналист</p>' in page
    assert '<p class="profile__bio" lang="lv">Raksta par novada dzīvi.</p>' in page
    assert 'href="/ru/autori/inese-kalnina/rss/"' in page


def test_the_english_author_page_exists(client, inese):
    page = client.get("/en/autori/inese-kalnina/")
    assert page.status_code == 200
    assert '<h1 class="page-title" lang="lv">Inese Kalniņa</h1>' in page.text


def test_the_author_photo_is_shown(client):
    author = make_author(photo=make_photo(alt_text_lv="Autores portrets"))
    page = client.get(author.get_absolute_url()).text
    assert 'class="profile__photo"' in page and 'alt="Autores portrets"' in page


@pytest.mark.parametrize(
    ("prefix", "empty"),
    [("", "Šim autoram vēl nav publicētu rakstu."), ("/ru", "У этого автора ещё нет статей.")],
)
def test_an_author_without_published_articles_has_an_empty_page(client, prefix, empty):
    author = make_author(slug="jauns-autors")
    make_article(authors=[author], is_published=False)
    page = client.get(f"{prefix}/autori/jauns-autors/")
    assert page.status_code == 200
    assert empty in page.text
    feed = client.get(f"{prefix}/autori/jauns-autors/rss/")
    assert feed.status_code == 200
    assert ElementTree.fromstring(feed.content).findall("channel/item") == []


@pytest.mark.parametrize(
    "path", ["/autori/nav-tada/", "/ru/autori/nav-tada/", "/autori/nav-tada/rss/"]
)
def test_an_unknown_author_is_not_found(client, path):
    make_author(slug="ir-tads")
    assert client.get(path).status_code == 404


def test_the_author_page_is_paginated(client, inese):
    for number in range(13):
        make_article(authors=[inese], title_lv=f"Raksts {number}")
    second = client.get("/autori/inese-kalnina/", {"page": 2})
    assert second.status_code == 200 and second.text.count('<article class="card') == 1
    assert client.get("/autori/inese-kalnina/", {"page": 3}).status_code == 404


def test_the_author_feed_lists_their_published_articles_with_their_name(client, inese):
    other = make_author(name_lv="Jānis Ozols")
    make_article(authors=[inese, other], title_lv="Kopīgs raksts")
    make_article(authors=[inese], title_lv="Melnraksts", is_published=False)
    make_article(title_lv="Cits raksts")

    feed = client.get("/ru/autori/inese-kalnina/rss/")

    channel = ElementTree.fromstring(feed.content).find("channel")
    assert channel.findtext("title").endswith(": Инесе Калниня")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Kopīgs raksts"]
    assert items[0].findtext("{http://purl.org/dc/elements/1.1/}creator") == (
        "Инесе Калниня, Jānis Ozols"
    )


def test_structured_data_names_the_authors_with_their_pages(client, inese):
    article = make_article(authors=[inese])
    page = client.get(article.get_absolute_url()).text
    assert (
        '"author": [{"@type": "Person", "name": "Inese Kalniņa", "url": "http://testserver/autori/inese-kalnina/"}]'
        in page
    )


def test_for_byline_finds_or_makes_one_author_per_name():
    first = Author.objects.for_byline("Inese  Kalniņa ", "žurnāliste")
    again = Author.objects.for_byline("Inese Kalniņa", "redaktore")
    assert first == again and first.name_lv == "Inese Kalniņa" and again.role_lv == "žurnāliste"
    assert first.slug == "inese-kalnina"
    namesake = Author.objects.create(name_lv="Inese Kalniņa")
    assert namesake.slug == "inese-kalnina-2"
    assert Author.objects.for_byline("") is None
    assert Author.objects.create(name_lv="Ирина").slug == "autors"


def test_an_author_who_signs_articles_cannot_be_deleted_from_under_them(inese):
    from django.db.models import ProtectedError

    make_article(authors=[inese])
    with pytest.raises(ProtectedError):
        inese.delete()


def test_the_sitemap_lists_authors_readers_can_find_articles_by(client, inese):
    make_article(authors=[inese])
    make_article(authors=[make_author(slug="tikai-melnraksti")], is_published=False)
    make_author(slug="bez-rakstiem")

    sitemap = client.get("/sitemap-authors.xml").text

    assert "http://testserver/autori/inese-kalnina/" in sitemap
    assert 'hreflang="ru" href="http://testserver/ru/autori/inese-kalnina/"' in sitemap
    assert "tikai-melnraksti" not in sitemap and "bez-rakstiem" not in sitemap
