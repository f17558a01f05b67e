"""Old addresses answer 301 to the canonical address, per language, and cost nothing on
pages that exist."""

import datetime

import pytest
from django.utils import translation

from addresses.models import OldAddress
from addresses.shapes import normalise, shape
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    section = make_section(name_lv="Kultūra", name_ru="Культура", slug="kultura")
    return make_article(
        section=section,
        title_lv="To nedrīkst aizmirst",
        title_ru="Это нельзя забыть",
        published_at=datetime.datetime(2019, 3, 14, 8, tzinfo=datetime.UTC),
    )


def russian_url(target):
    with translation.override("ru"):
        return target.get_absolute_url()


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        (
            "/zinas/browse/420/article/3/To-Nedrikst-Aizmirst.html",
            ("article:to-nedrikst-aizmirst", "lv"),
        ),
        ("/zinas/browse/8/category/darbi-un-cilveki/article/3/x.html", ("article:x", "lv")),
        (
            "/zinas/category/kultura/article//to-nedrikst-aizmirst//year/2019/month/3.html",
            ("article:to-nedrikst-aizmirst", "lv"),
        ),
        ("/novosti/browse/1/article/3/x.html", ("article:x", "lv")),
        ("/ru/novosti/browse/1/article/3/x.html", ("article:x", "ru")),
        ("/zinas/browse/2/category/kultura.html", ("section:kultura", "lv")),
        ("/?p=123&utm_source=fb", ("post:123", "lv")),
        ("/?attachment_id=124", ("post:124", "lv")),  # a photo's page: a post in WordPress
        ("/2019/03/14/slug-here/photo-slug/", ("", "lv")),  # an attachment page: as it is
        ("/2019/03/14/slug-here/", ("article:slug-here", "lv")),
        ("/ru/2019/03/14/slug-here/", ("article:slug-here", "ru")),
        ("/category/kultura/", ("section:kultura", "lv")),
        ("/category/news/kultura/", ("section:kultura", "lv")),
        ("/about-us/", ("", "lv")),
    ],
)
def test_shapes_of_the_old_sites(address, expected):
    assert tuple(shape(normalise(address))) == expected


def test_normalise_drops_host_case_and_trailing_slash():
    assert normalise("https://kraslavasvestis.lv/Zinas/%C4%81b/") == "/zinas/āb"
    assert normalise("/?p=0012&x=1") == "/?p=12"


def test_every_variant_of_an_old_article_address_answers_301(client, article):
    OldAddress.objects.remember(
        "/zinas/browse/420/article/3/to-nedrikst-aizmirst.html", article, "lv"
    )
    for old in [
        "/zinas/browse/420/article/3/to-nedrikst-aizmirst.html",
        "/zinas/browse/7/category/kultura/article/3/to-nedrikst-aizmirst.html",
        "/zinas/category/kultura/article//to-nedrikst-aizmirst//year/2019/month/3.html",
        "/novosti/browse/1/article/3/to-nedrikst-aizmirst.html",
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == article.get_absolute_url()
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "To nedrīkst aizmirst" in page.text


def test_the_russian_edition_leads_to_the_russian_page(client, article):
    OldAddress.objects.remember("/ru/novosti/browse/1/article/3/eto-nelzya.html", article, "ru")
    response = client.get("/ru/novosti/browse/5/article/3/eto-nelzya.html")
    assert response.status_code == 301
    assert response["Location"] == russian_url(article)
    assert response["Location"].startswith("/ru/")
    # A Latvian-edition address with the same slug still leads to the Latvian page.
    latvian = client.get("/zinas/browse/5/article/3/eto-nelzya.html")
    assert latvian["Location"] == article.get_absolute_url()
    assert "Это нельзя забыть" in client.get(russian_url(article)).text


def test_wordpress_addresses(client, article):
    OldAddress.objects.remember("/?p=77", article, "lv")
    OldAddress.objects.remember("/2019/03/14/to-nedrikst-aizmirst/", article, "lv")
    OldAddress.objects.remember("/category/kultura-lv/", article.section, "lv")
    assert client.get("/?p=77")["Location"] == article.get_absolute_url()
    assert client.get("/2019/03/14/to-nedrikst-aizmirst/")["Location"] == article.get_absolute_url()
    response = client.get("/category/kultura-lv/")
    assert response.status_code == 301
    assert response["Location"] == article.section.get_absolute_url()
    # The front page itself, and one with an unknown post id, are the front page.
    assert client.get("/").status_code == 200
    assert client.get("/?p=999").status_code == 200


def test_unknown_old_address_is_still_404(client, article):
    assert client.get("/zinas/browse/1/article/3/nav-tada.html").status_code == 404
    assert client.get("/nekas/").status_code == 404


def test_pages_that_exist_do_not_read_the_table(client, article, django_assert_num_queries):
    OldAddress.objects.remember("/zinas/browse/1/article/3/x.html", article, "lv")
    client.get(article.get_absolute_url())  # warm up whatever is cached per process
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert not [q for q in queries if "addresses_oldaddress" in q["sql"]]


def test_an_editors_change_of_slug_keeps_the_old_address(client, article):
    before = article.get_absolute_url()
    before_ru = russian_url(article)
    article.slug = "jauna-adrese"
    article.save()
    assert client.get(before).status_code == 301
    assert client.get(before)["Location"] == article.get_absolute_url()
    assert client.get(before_ru)["Location"] == russian_url(article)
    # Changed back: the address works again as a page, the table is not asked.
    article.slug = before.rstrip("/").rsplit("/", 1)[-1]
    article.save()
    assert client.get(before).status_code == 200


def test_a_sections_new_slug_keeps_the_old_address(client, article):
    section = article.section
    before = section.get_absolute_url()
    section.slug = "kultura-un-maksla"
    section.save()
    response = client.get(before)
    assert response.status_code == 301
    assert response["Location"] == section.get_absolute_url()


def test_a_target_that_is_gone_is_a_404(client, article):
    OldAddress.objects.remember("/?p=5", article, "lv")
    OldAddress.objects.remember("/2019/03/14/gone/", article, "lv")
    article.delete()
    assert client.get("/2019/03/14/gone/").status_code == 404


def test_editors_see_and_edit_old_addresses_in_latvian(client, editor, article):
    OldAddress.objects.remember("/?p=77", article, "lv")
    client.force_login(editor)
    listing = client.get("/admin/addresses/oldaddress/")
    assert listing.status_code == 200
    assert "Vecās adreses" in listing.text
    assert "/?p=77" in listing.text
    row = OldAddress.objects.get()
    form = client.get(f"/admin/addresses/oldaddress/{row.pk}/change/")
    assert "Ved uz" in form.text
    assert article.get_absolute_url() in form.text
    response = client.post(
        f"/admin/addresses/oldaddress/{row.pk}/change/",
        {
            "path": "https://kraslavasvestis.lv/zinas/browse/1/article/3/Veca.html",
            "language": "lv",
            "content_type": row.content_type_id,
            "object_id": article.pk,
        },
    )
    assert response.status_code == 302
    assert (
        client.get("/zinas/browse/9/article/3/veca.html")["Location"] == article.get_absolute_url()
    )


def test_hostile_addresses_are_plain_404s(client, article):
    OldAddress.objects.remember("/?p=5", article, "lv")
    for hostile in ["/zinas/%00/article/3/x.html", "/" + "a" * 600, "/%ff%fe/", "/zinas/%00"]:
        assert client.get(hostile).status_code == 404, hostile
    assert client.get("/?p=5%00").status_code == 200  # not a post id: the front page


def test_the_admin_offers_only_kinds_of_page_with_addresses(client, editor, article):
    client.force_login(editor)
    form = client.get("/admin/addresses/oldaddress/add/")
    choices = form.context["adminform"].form.fields["content_type"].queryset
    assert {(c.app_label, c.model) for c in choices} == {("news", "article"), ("news", "section")}
