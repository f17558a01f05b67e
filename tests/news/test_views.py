import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gallery.templatetags.gallery_tags import largest_jpeg_url
from news.models import Article, ArticlePhoto
from tests.factories import make_article, make_section
from tests.gallery.factories import make_photo

pytestmark = pytest.mark.django_db


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def test_front_page_shows_featured_latest_and_section_blocks(client):
    sport = make_section(name_lv="Sports", slug="sports")
    make_article(title_lv="Hokeja turnīrs", section=sport)  # the oldest: in its section
    for number in range(6):
        make_article(title_lv=f"Jaunums {number}")
    featured = make_article(title_lv="Galvenā ziņa", is_featured=True)

    html = client.get("/").text

    assert html.index("Galvenā ziņa") < html.index("Jaunākās ziņas") < html.index("Jaunums 0")
    assert html.index("Jaunākās ziņas") < html.index("Hokeja turnīrs")
    assert f'href="{sport.get_absolute_url()}">Sports</a></h2>' in html
    assert featured.get_absolute_url() in html


def test_front_page_links_each_story_once(client):
    for number in range(20):
        make_article(title_lv=f"Ziņa {number:02}", is_featured=number % 7 == 0)

    html = client.get("/").text

    for number in range(20):
        url = Article.objects.get(title_lv=f"Ziņa {number:02}").get_absolute_url()
        assert html.count(f'href="{url}"') <= 2  # the photo's link and the title's, at most
        assert html.count(f">Ziņa {number:02}<") <= 1


def test_empty_front_page_says_so(client):
    html = client.get("/").text
    assert "Vēl nav publicēts neviens raksts." in html


def test_front_page_in_russian_uses_russian_titles_and_falls_back_to_latvian(client):
    make_article(title_lv="Latviešu virsraksts", title_ru="Русский заголовок")
    make_article(title_lv="Tikai latviski")

    html = client.get("/ru/").text

    assert "Русский заголовок" in html and "Latviešu virsraksts" not in html
    assert "Tikai latviski" in html
    assert "Последние новости" in html


def test_front_page_is_paginated(client):
    for number in range(14):
        make_article(title_lv=f"Ziņa {number:02}")

    second = client.get("/?page=2")

    assert second.status_code == 200
    assert "Ziņa 00" in second.text  # the oldest
    assert "2. lapa no 2" in second.text or "Lapa 2 no 2" in second.text


@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "1.5", "²", "9" * 30])
def test_page_number_past_the_end_or_not_a_number_is_404(client, page):
    make_article()
    assert client.get("/", {"page": page}).status_code == 404


def test_article_page_shows_what_the_paper_prints(client):
    article = make_article(
        title_lv="Krāslavā atjauno parku",
        lead_lv="Pilsētas parkā stāda kokus.",
        body_lv="<p>Darbi sāksies pavasarī.</p>",
        author="Inese Kalniņa",
        author_role="žurnāliste",
        published_at=datetime.datetime(2024, 5, 21, 9, 0, tzinfo=datetime.UTC),
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.text
    assert article.get_absolute_url() == f"/zinas/2024/05/21/{article.slug}/"
    assert '<h1 class="article__title">Krāslavā atjauno parku</h1>' in html
    assert "Pievienots:" in html and "21.05.2024" in html
    assert "<p>Darbi sāksies pavasarī.</p>" in html
    assert "Inese Kalniņa" in html and "žurnāliste" in html
    assert article.section.get_absolute_url() in html


def test_publication_times_are_marked_up_in_riga_time(client):
    """Half past ten in the evening UTC is already the next day in Riga, for readers and
    for machines alike."""
    article = make_article(published_at=datetime.datetime(2024, 5, 20, 22, 30, tzinfo=datetime.UTC))
    marked = '<time datetime="2024-05-21T01:30:00+03:00">21.05.2024</time>'
    marked_with_hour = '<time datetime="2024-05-21T01:30:00+03:00">21.05.2024 01:30</time>'

    assert marked in client.get("/").text
    assert f"Pievienots: {marked_with_hour}" in client.get(article.get_absolute_url()).text


def test_article_page_in_russian(client):
    article = make_article(title_lv="Latviski", title_ru="По-русски", body_ru="<p>Текст</p>")

    with_prefix = "/ru" + article.get_absolute_url()
    html = client.get(with_prefix).text

    assert "По-русски" in html and "<p>Текст</p>" in html
    assert "Опубликовано:" in html


def test_article_page_has_metadata_for_search_engines_and_sharing(client):
    article = make_article(
        title_lv="Dziesmu svētki", lead_lv="Svētki Krāslavā.", title_ru="Праздник песни"
    )

    html = client.get(article.get_absolute_url()).text

    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:title" content="Dziesmu svētki">' in html
    assert (
        f'<link rel="alternate" hreflang="ru" href="http://testserver/ru{article.get_absolute_url()}">'
        in html
    )
    assert '<script type="application/ld+json">' in html
    assert '"@type": "NewsArticle"' in html and '"headline": "Dziesmu svētki"' in html


def test_article_page_links_to_previous_next_and_related(client):
    section = make_section()
    now = timezone.now()
    older = make_article(
        section=section, title_lv="Vecāks", published_at=now - datetime.timedelta(days=2)
    )
    article = make_article(section=section, published_at=now - datetime.timedelta(days=1))
    newer = make_article(title_lv="Jaunāks", published_at=now - datetime.timedelta(hours=1))

    html = client.get(article.get_absolute_url()).text

    assert f'rel="prev" href="{older.get_absolute_url()}"' in html
    assert f'rel="next" href="{newer.get_absolute_url()}"' in html
    related = html.split('id="related-heading"')[1]
    assert "Vecāks" in related and "Jaunāks" not in related


def test_article_with_a_wrong_date_in_its_address_redirects_to_the_right_one(client):
    article = make_article(published_at=datetime.datetime(2024, 5, 21, 9, 0, tzinfo=datetime.UTC))

    response = client.get(f"/zinas/2020/01/01/{article.slug}/")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize(
    "path",
    [
        "/zinas/2024/05/21/nav-tada-raksta/",
        "/zinas/2024/02/30/",
        "/zinas/2024/13/01/",
        "/zinas/0/01/01/",
        "/zinas/99999999999999999999/01/01/",
        "/zinas/9999/12/31/",
        "/zinas/2024/13/",
        "/rubrikas/nav-tadas/",
        "/rubrikas/nav-tadas/rss/",
    ],
)
def test_unknown_article_impossible_date_or_unknown_section_is_404(client, path):
    assert client.get(path).status_code == 404


def test_section_page_lists_only_its_articles(client):
    culture, sport = make_section(name_lv="Kultūra"), make_section()
    make_article(section=culture, title_lv="Koncerts")
    make_article(section=sport, title_lv="Futbols")

    html = client.get(culture.get_absolute_url()).text

    assert '<h1 class="page-title">Kultūra</h1>' in html
    assert "Koncerts" in html and "Futbols" not in html


def test_day_archive_lists_the_articles_of_that_day_in_riga_time(client):
    # 22:30 UTC on 13 November is already 14 November in Riga.
    make_article(
        title_lv="Vēlu vakarā",
        published_at=datetime.datetime(2024, 11, 13, 22, 30, tzinfo=datetime.UTC),
    )
    make_article(
        title_lv="Iepriekšējā dienā",
        published_at=datetime.datetime(2024, 11, 13, 12, 0, tzinfo=datetime.UTC),
    )

    response = client.get(reverse("news:archive_day", kwargs={"day": datetime.date(2024, 11, 14)}))

    assert "ceturtdiena, 14. novembris, 2024" in response.text
    assert "Vēlu vakarā" in response.text and "Iepriekšējā dienā" not in response.text


def test_month_archive_lists_the_articles_of_the_month(client):
    make_article(
        title_lv="Novembrī", published_at=datetime.datetime(2024, 11, 5, 12, tzinfo=datetime.UTC)
    )
    make_article(
        title_lv="Oktobrī", published_at=datetime.datetime(2024, 10, 5, 12, tzinfo=datetime.UTC)
    )

    html = client.get(
        reverse("news:archive_month", kwargs={"month": datetime.date(2024, 11, 1)})
    ).text

    assert "Novembris 2024" in html
    assert "Novembrī" in html and "Oktobrī" not in html


def test_article_page_shows_the_main_photo_with_caption_credit_and_a_gallery(client):
    photo = make_photo(caption_lv="Tilts rītausmā", credit_lv="Jura Rogas foto")
    extra = make_photo(alt_text_lv="Otrs skats")
    article = make_article(main_photo=photo)
    ArticlePhoto.objects.create(article=article, photo=extra)

    html = client.get(article.get_absolute_url()).text

    main = html.split('<figure class="article__photo">')[1].split("</figure>")[0]
    assert 'type="image/webp"' in main and 'loading="eager"' in main
    assert "Tilts rītausmā" in main and "Jura Rogas foto" in main
    assert 'alt="Otrs skats"' in html.split('class="photo-strip"')[1]
    assert (
        f'<meta property="og:image" content="http://testserver{largest_jpeg_url(photo)}">' in html
    )


def test_teasers_show_lazy_thumbnails(client):
    make_article(main_photo=make_photo())
    make_article(main_photo=make_photo())  # the newest leads, its photo loaded at once
    html = client.get("/").text
    assert 'class="card__photo"' in html and 'loading="lazy"' in html


@pytest.mark.parametrize(
    ("path", "russian"),
    [
        ("/ru/", "Избранное"),
        ("/ru/rubrikas/kultura/", "Культура"),
        ("/ru/zinas/2024/11/14/", "14 ноября 2024"),
        ("/ru/zinas/2024/11/", "Ноябрь 2024"),
        ("/ru/meklet/?q=koncerts", "Найдена 1 статья."),
    ],
)
def test_reader_pages_in_russian(client, path, russian):
    culture = make_section(name_lv="Kultūra", name_ru="Культура", slug="kultura")
    make_article(section=culture, title_lv="Koncerts", published_at=utc(2024, 11, 14, 10))

    response = client.get(path)

    assert response.status_code == 200
    assert '<html lang="ru">' in response.text
    assert russian in response.text
