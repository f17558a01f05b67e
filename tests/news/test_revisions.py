"""Every admin save keeps a revision (who, when); the history compares each with the one
before, per language; an editor restores one (issue 14)."""

import pytest
from django.urls import reverse
from reversion.models import Version

from news.models import Article
from tests.factories import make_section
from tests.news.test_admin import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved_twice(client, editor):
    client.force_login(editor)
    section = make_section()
    client.post(reverse("admin:news_article_add"), article_form(section))
    article = Article.objects.get()
    client.post(
        reverse("admin:news_article_change", args=[article.pk]),
        article_form(
            section,
            slug=article.slug,
            title_lv="Jauns tilts pār Daugavu būs gatavs",
            body_ru="<p>Текст изменён</p>",
        ),
    )
    return article


def test_each_save_keeps_a_revision_with_who_and_when(saved_twice, editor):
    versions = Version.objects.get_for_object(saved_twice)
    assert versions.count() == 2
    assert {version.revision.user for version in versions} == {editor}
    assert versions[0].field_dict["title_lv"] == "Jauns tilts pār Daugavu būs gatavs"


def test_diff_shows_what_changed_per_language(client, saved_twice):
    history = client.get(reverse("admin:news_article_history", args=[saved_twice.pk])).text
    assert "Salīdzināt ar iepriekšējo versiju" in history
    latest = Version.objects.get_for_object(saved_twice).first()
    page = client.get(reverse("admin:news_article_compare", args=[saved_twice.pk, latest.pk])).text
    assert "<ins>būs gatavs</ins>" in page
    assert "Текст <ins>изменён</ins>" in page
    assert "<script>" not in page


def test_editor_restores_an_earlier_version(client, saved_twice):
    first = Version.objects.get_for_object(saved_twice).last()
    url = reverse("admin:news_article_revision", args=[saved_twice.pk, first.pk])
    form = client.get(url)
    assert form.status_code == 200
    data = article_form(saved_twice.section, slug=saved_twice.slug)
    assert client.post(url, data).status_code == 302
    saved_twice.refresh_from_db()
    assert saved_twice.title_lv == "Jauns tilts pār Daugavu"
    assert Version.objects.get_for_object(saved_twice).count() == 3


def test_journalist_sees_history_of_own_draft_but_cannot_restore(client, journalist):
    client.force_login(journalist)
    data = article_form(make_section())
    del data["is_published"]
    client.post(reverse("admin:news_article_add"), data)
    article = Article.objects.get()
    version = Version.objects.get_for_object(article).get()
    compare = reverse("admin:news_article_compare", args=[article.pk, version.pk])
    assert client.get(compare).status_code == 200
    restore = reverse("admin:news_article_revision", args=[article.pk, version.pk])
    assert client.get(restore).status_code == 403
    assert client.get(reverse("admin:news_article_recoverlist")).status_code == 403
