"""The editors' pages (issue 16): footer links, their address in each language, drafts
hidden from readers, the article body's allow-list, the editors' rights, the demo drafts."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from pages.models import Page

pytestmark = pytest.mark.django_db


def make_page(**fields):
    fields.setdefault("title_lv", "Par mums")
    fields.setdefault("slug", "par-mums")
    fields.setdefault("body_lv", "<p>Novada laikraksts.</p>")
    fields.setdefault("is_published", True)
    return Page.objects.create(**fields)


def test_published_page_is_shown_and_linked_from_every_footer(client):
    page = make_page(title_ru="О нас", body_ru="<p>Газета края.</p>")
    make_page(title_lv="Melnraksts", slug="melnraksts", is_published=False)

    front = client.get("/").text
    assert '<a href="/lapas/par-mums/">Par mums</a>' in front
    assert "Melnraksts" not in front
    html = client.get(page.get_absolute_url()).text
    assert '<h1 class="page-title">Par mums</h1>' in html and "Novada laikraksts." in html

    russian = client.get("/ru/lapas/par-mums/").text
    assert "О нас" in russian and "Газета края." in russian
    assert '<a href="/ru/lapas/par-mums/">О нас</a>' in client.get("/ru/").text


def test_footer_follows_the_editors_order(client):
    make_page(title_lv="Reklāma", slug="reklama", position=2)
    make_page(position=1)
    html = client.get("/").text
    assert html.index("Par mums") < html.index("Reklāma")


def test_unknown_and_unpublished_pages_are_not_found(client):
    make_page(slug="melnraksts", is_published=False)
    assert client.get("/lapas/melnraksts/").status_code == 404
    assert client.get("/lapas/nav-tadas/").status_code == 404
    assert client.get("/ru/lapas/nav-tadas/").status_code == 404


def test_editors_preview_an_unpublished_page(client, editor):
    make_page(slug="melnraksts", is_published=False)
    client.force_login(editor)
    response = client.get("/lapas/melnraksts/")
    assert response.status_code == 200
    assert "Priekšskatījums" in response.text
    assert "no-cache" in response["Cache-Control"]


def test_body_keeps_the_article_allow_list_only():
    page = make_page(
        body_lv='<p onclick="x()">Teksts<script>alert(1)</script></p><img src=x>'
        '<h2>Redakcija</h2><a href="javascript:alert(1)">saite</a>',
        body_ru="<p><iframe src=//evil></iframe>Текст</p>",
    )
    page.refresh_from_db()
    assert "<script" not in page.body_lv and "onclick" not in page.body_lv
    assert "<img" not in page.body_lv and "javascript:" not in page.body_lv
    assert "<h2>Redakcija</h2>" in page.body_lv
    assert "<iframe" not in page.body_ru and "Текст" in page.body_ru


def test_editors_manage_pages_and_journalists_do_not(client, editor, journalist):
    client.force_login(editor)
    response = client.post(
        reverse("admin:pages_page_add"),
        {
            "title_lv": "Abonēšana",
            "slug": "abonesana",
            "body_lv": "<p>Abonējiet pastā.</p>",
            "position": 3,
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.content
    assert Page.objects.get(slug="abonesana").title_lv == "Abonēšana"

    client.force_login(journalist)
    assert client.get(reverse("admin:pages_page_changelist")).status_code == 403
    assert client.get(reverse("admin:pages_page_add")).status_code == 403


def test_demo_drafts_are_made_once_and_editors_changes_kept():
    call_command("load_pages", verbosity=0)
    slugs = list(Page.objects.values_list("slug", flat=True))
    assert len(slugs) == 5
    privacy = Page.objects.get(slug="privatuma-politika")
    assert "sīkdatne" in privacy.body_lv
    privacy.title_lv = "Privātums"
    privacy.save()

    call_command("load_pages", verbosity=0)
    assert Page.objects.count() == 5
    assert Page.objects.get(slug="privatuma-politika").title_lv == "Privātums"


def test_page_query_count(client, django_assert_max_num_queries):
    for number in range(5):
        make_page(slug=f"lapa-{number}", title_lv=f"Lapa {number}")
    with django_assert_max_num_queries(16):
        assert client.get("/lapas/lapa-0/").status_code == 200
