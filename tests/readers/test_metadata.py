"""What Facebook, X, Google and Google News read from every reader page type (issue 21):
read back the way they read it (the head's meta and link elements, JSON-LD, the news
sitemap), every address fetched through the test client and every image opened for its real
size. And the /ru/ pages say which text is not Russian (issue 15)."""

import datetime
import io
import json
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from PIL import Image

from tests.factories import make_article
from tests.gallery.factories import make_photo
from tests.readers.every_page import build_every_page, in_language

pytestmark = pytest.mark.django_db
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LOCALES = {"lv": "lv_LV", "ru": "ru_RU", "en": "en_GB"}


class Page(HTMLParser):
    """The parts of a page machines read: meta properties, links, JSON-LD, headings,
    landmarks."""

    def __init__(self, html):
        super().__init__()
        self.meta, self.links, self.json_ld, self.headings, self.searches = {}, [], [], [], []
        self._in_json = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (key := attrs.get("property") or attrs.get("name")):
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json = True
            self.json_ld.append("")
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if attrs.get("role") == "search":
            self.searches.append(attrs.get("aria-label"))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.json_ld[-1] += data

    def one(self, key):
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def link(self, rel, **match):
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and all(link.get(k) == v for k, v in match.items())
        ]

    def structured(self):
        return [json.loads(text) for text in self.json_ld]


@pytest.fixture
def site(settings):
    """Media and static files answer through the test client, as the web server serves them."""
    settings.ROOT_URLCONF = "tests.gallery.urls_with_media"
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    return build_every_page()


def fetch(client, url):
    """An absolute URL of this site, fetched through the test client; its response."""
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver", url
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert response.status_code == 200, url
    return response


def image_size(client, url):
    response = fetch(client, url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    with Image.open(io.BytesIO(content)) as image:
        return image.size


@pytest.mark.parametrize("language", ["lv", "ru"])
def test_every_page_type_tells_social_networks_what_it_is(client, site, language):
    checked_images = {}
    for kind, path in site.items():
        if kind == "not found":
            continue
        page = Page(client.get(in_language(path, language)).text)
        assert page.one("twitter:card") == "summary_large_image", kind
        for key in ("og:title", "og:description", "og:site_name", "og:image:alt"):
            assert page.one(key).strip(), (kind, key)
        assert page.one("og:type") in {"website", "article"}, kind
        canonical = page.link("canonical")
        assert len(canonical) == 1 and page.one("og:url") == canonical[0], kind
        fetch(client, canonical[0])
        image = page.one("og:image")
        if image not in checked_images:
            checked_images[image] = image_size(client, image)
        size = (int(page.one("og:image:width")), int(page.one("og:image:height")))
        assert checked_images[image] == size, (kind, image)
        assert page.one("og:locale") in LOCALES.values(), kind
        for alternate in page.meta.get("og:locale:alternate", []):
            assert alternate in LOCALES.values() and alternate != page.one("og:locale"), kind
        feeds = page.link("alternate", type="application/rss+xml")
        assert feeds and all(fetch(client, feed) for feed in feeds), kind
        for href in page.link("alternate"):
            fetch(client, href)
        levels = page.headings
        steps = zip(levels, levels[1:], strict=False)
        assert levels[0] == 1 and all(b - a <= 1 for a, b in steps), kind
        assert len(page.searches) == len(set(page.searches)), kind
        assert all(page.searches), kind


def test_list_pages_exist_in_every_language_with_x_default(client, site):
    page = Page(client.get("/ru" + site["section"]).text)

    alternates = {link["hreflang"]: link["href"] for link in page.links if "hreflang" in link}
    assert alternates == {
        "lv": "http://testserver/rubrikas/novada/",
        "ru": "http://testserver/ru/rubrikas/novada/",
        "en": "http://testserver/en/rubrikas/novada/",
        "x-default": "http://testserver/rubrikas/novada/",
    }
    assert page.link("canonical") == ["http://testserver/ru/rubrikas/novada/"]
    assert page.one("og:locale") == "ru_RU"
    assert sorted(page.meta["og:locale:alternate"]) == ["en_GB", "lv_LV"]
    feeds = page.link("alternate", type="application/rss+xml")
    assert feeds == ["http://testserver/ru/rss/", "http://testserver/ru/rubrikas/novada/rss/"]


def test_an_article_claims_only_the_languages_it_is_written_in(client, site):
    translated = Page(client.get("/ru" + site["article with photo and gallery"]).text)
    hreflangs = {link["hreflang"] for link in translated.links if "hreflang" in link}
    assert hreflangs == {"lv", "ru", "x-default"}
    assert translated.one("og:locale") == "ru_RU"
    assert translated.meta["og:locale:alternate"] == ["lv_LV"]

    for prefix in ("", "/ru", "/en"):
        latvian = Page(client.get(prefix + site["article without photo"]).text)
        assert [link for link in latvian.links if "hreflang" in link] == []
        assert latvian.link("canonical") == [f"http://testserver{site['article without photo']}"]
        assert latvian.one("og:locale") == "lv_LV"
        assert "og:locale:alternate" not in latvian.meta


def test_articles_carry_a_news_article_as_google_documents_it(client, site):
    for kind in ("article with photo and gallery", "article without photo"):
        page = Page(client.get("/ru" + site[kind]).text)
        (article,) = page.structured()
        assert article["@context"] == "https://schema.org"
        assert article["@type"] == "NewsArticle"
        assert article["headline"] == page.one("og:title")
        for field in ("datePublished", "dateModified"):
            moment = datetime.datetime.fromisoformat(article[field])
            assert moment.tzinfo is not None and moment.microsecond == 0
        assert article["image"] and all(image_size(client, url) for url in article["image"])
        publisher = article["publisher"]
        assert publisher["@type"] == "NewsMediaOrganization" and publisher["name"]
        fetch(client, publisher["url"])
        assert image_size(client, publisher["logo"]["url"]) == (
            publisher["logo"]["width"],
            publisher["logo"]["height"],
        )
        fetch(client, article["mainEntityOfPage"])
    translated = Page(client.get("/ru" + site["article with photo and gallery"]).text)
    (article,) = translated.structured()
    ratios = [width / height for width, height in (image_size(client, u) for u in article["image"])]
    assert ratios == pytest.approx([16 / 9, 4 / 3, 1], rel=0.01)
    (author,) = article["author"]
    assert (author["@type"], author["name"]) == ("Person", "Inese Kalniņa")
    fetch(client, author["url"])
    assert article["inLanguage"] == "ru"
    published = datetime.datetime.fromisoformat(translated.one("article:published_time"))
    assert published == datetime.datetime.fromisoformat(article["datePublished"])
    (article,) = Page(client.get("/ru" + site["article without photo"]).text).structured()
    assert article["inLanguage"] == "lv"


def test_the_front_page_describes_the_site_and_the_paper(client, site):
    (data,) = Page(client.get("/").text).structured()

    kinds = {item["@type"]: item for item in data["@graph"]}
    assert set(kinds) == {"WebSite", "NewsMediaOrganization"}
    website, paper = kinds["WebSite"], kinds["NewsMediaOrganization"]
    fetch(client, website["url"])
    search = website["potentialAction"]["target"]["urlTemplate"].replace("{search_term}", "ceļi")
    fetch(client, search)
    assert website["publisher"] == {"@id": paper["@id"]}
    assert paper["name"] == "Krāslavas Vēstis" and paper["logo"]["url"].endswith(".png")


def test_the_news_sitemap_lists_each_language_version_that_exists(client, site):
    root = ElementTree.fromstring(client.get("/news-sitemap.xml").content)

    entries = {
        url.find(f"{SITEMAP}loc").text: (
            url.find(f"{NEWS}news/{NEWS}publication/{NEWS}language").text,
            url.find(f"{NEWS}news/{NEWS}title").text,
        )
        for url in root.iter(f"{SITEMAP}url")
    }
    translated, latvian = site["article with photo and gallery"], site["article without photo"]
    assert entries == {
        f"http://testserver{translated}": ("lv", "Domes sēdē lemj par ceļiem"),
        f"http://testserver/ru{translated}": ("ru", "Дума решает вопросы дорог"),
        f"http://testserver{latvian}": ("lv", "Skolēni stāda kokus"),
    }
    for url in root.iter(f"{NEWS}publication_date"):
        assert datetime.datetime.fromisoformat(url.text).microsecond == 0
    for location in entries:
        fetch(client, location)


def test_pages_sections_and_name_day_sitemaps_have_lastmod(client, site):
    for name in ("pages", "sections", "namedays", "namedays-dates"):
        root = ElementTree.fromstring(client.get(f"/sitemap-{name}.xml").content)
        urls = list(root.iter(f"{SITEMAP}url"))
        assert urls, name
        assert all(url.find(f"{SITEMAP}lastmod") is not None for url in urls), name


def test_feed_items_enclose_their_photo_with_its_size(client, site):
    root = ElementTree.fromstring(client.get("/rss/").content)

    enclosures = {item.find("title").text: item.find("enclosure") for item in root.iter("item")}
    assert enclosures["Skolēni stāda kokus"] is None
    enclosure = enclosures["Domes sēdē lemj par ceļiem"]
    assert enclosure.get("type") == "image/jpeg"
    response = fetch(client, enclosure.get("url"))
    assert int(enclosure.get("length")) == len(b"".join(response.streaming_content))


def test_media_is_kept_a_year_when_the_app_serves_it(client, settings):
    settings.ROOT_URLCONF = "tests.readers.urls_debug_media"
    photo = make_photo()

    response = client.get(photo.largest_jpeg_url())

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_russian_pages_say_which_text_is_latvian(client, site):
    html = client.get("/ru" + site["article without photo"]).text

    notice = "Этот текст доступен только на латышском языке."
    assert f'<p class="translation-notice" role="note">{notice}</p>' in html
    assert '<h1 class="article__title" lang="lv">Skolēni stāda kokus</h1>' in html
    assert '<p class="article__lead" lang="lv">Krāslavas skolēni iestāda ozolus.</p>' in html
    assert '<div class="article__body" lang="lv">' in html

    translated = client.get("/ru" + site["article with photo and gallery"]).text
    assert "translation-notice" not in translated
    assert '<h1 class="article__title">Дума решает вопросы дорог</h1>' in translated
    assert 'alt="Парк замка осенью" loading' in translated
    assert '<span class="photo-caption__text" lang="lv">Pils parks.</span>' in translated
    assert "translation-notice" not in client.get(site["article without photo"]).text


def test_a_missing_russian_credit_is_the_photographer_not_the_latvian_phrase(client, site):
    html = client.get("/ru" + site["photo of the day"]).text

    assert (
        '<span class="photo-caption__credit">Фото: <span lang="lv">Jura Rogas</span></span>' in html
    )
    assert "Jura Rogas foto" not in html
    assert '<span class="photo-caption__credit">Jura Rogas foto</span>' in (
        client.get(site["photo of the day"]).text
    )


def test_a_russian_credit_is_shown_as_written(client):
    photo = make_photo(shown_on=datetime.date(2024, 11, 14), credit_ru="Фото Юриса Роги")

    html = client.get("/ru" + photo.get_absolute_url()).text

    assert '<span class="photo-caption__credit">Фото Юриса Роги</span>' in html


def test_russian_dates_have_a_lower_case_weekday_and_a_genitive_month(client):
    article = make_article(published_at=datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC))

    html = client.get(f"/ru/zinas/{article.published_on:%Y/%m/%d}/").text

    assert "среда, 2 декабря 2026" in html
    assert "Среда" not in html
