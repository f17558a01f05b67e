import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def article_form(section, **overrides):
    data = {
        "title_lv": "Jauns tilts pār Daugavu",
        "title_ru": "Новый мост через Даугаву",
        "title_en": "",
        "slug": "",
        "section": section.pk,
        "lead_lv": "Tilts būs gatavs vasarā.",
        "lead_ru": "",
        "lead_en": "",
        "body_lv": '<p>Teksts<script>alert(1)</script> <a href="javascript:alert(1)">saite</a></p>',
        "body_ru": '<p onmouseover="alert(1)">Текст</p>',
        "body_en": "",
        "main_photo": "",
        "is_published": "on",
        "published_at_0": "2024-05-21",
        "published_at_1": "09:00:00",
        "byline_items-TOTAL_FORMS": "0",
        "byline_items-INITIAL_FORMS": "0",
        "byline_items-MIN_NUM_FORMS": "0",
        "byline_items-MAX_NUM_FORMS": "1000",
        "gallery_items-TOTAL_FORMS": "0",
        "gallery_items-INITIAL_FORMS": "0",
        "gallery_items-MIN_NUM_FORMS": "0",
        "gallery_items-MAX_NUM_FORMS": "1000",
    }
    return data | overrides


def test_editor_sees_the_article_list_and_add_form(editor_client):
    make_article(title_lv="Esošs raksts")
    assert "Esošs raksts" in editor_client.get(reverse("admin:news_article_changelist")).text
    add = editor_client.get(reverse("admin:news_article_add"))
    assert add.status_code == 200
    assert "django_prose_editor" in add.text  # the rich-text editor's assets, served locally


def test_editor_adds_an_article_and_what_is_stored_is_sanitised(editor_client, editor):
    section = make_section()

    response = editor_client.post(reverse("admin:news_article_add"), article_form(section))

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.slug == "jauns-tilts-par-daugavu"
    assert "script" not in article.body_lv and "javascript:" not in article.body_lv
    assert "onmouseover" not in article.body_ru and "Текст" in article.body_ru
    assert article.last_edited_by == editor
    assert LogEntry.objects.filter(object_id=str(article.pk)).exists()


def test_latvian_title_is_required_and_other_languages_are_optional(editor_client):
    section = make_section()
    response = editor_client.post(
        reverse("admin:news_article_add"), article_form(section, title_lv="")
    )
    assert response.status_code == 200
    assert "title_lv" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_taken_slug_is_a_form_error_not_a_crash(editor_client):
    existing = make_article(title_lv="Tilts")
    response = editor_client.post(
        reverse("admin:news_article_add"),
        article_form(existing.section, slug=existing.slug),
    )
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors


def test_publish_and_unpublish_actions_are_recorded_in_the_history(editor_client, editor):
    draft = make_article(is_published=False)

    editor_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.is_published and draft.last_edited_by == editor

    editor_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "unpublish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert not draft.is_published
    assert LogEntry.objects.filter(object_id=str(draft.pk), action_flag=CHANGE).count() == 2


@pytest.mark.parametrize(
    ("state", "expected"), [("draft", "Melnraksts"), ("scheduled", "Ieplānots")]
)
def test_changelist_filters_by_state(editor_client, state, expected):
    make_article(title_lv="Jau lasāms")
    make_article(title_lv="Melnrakstā", is_published=False)
    make_article(title_lv="Nākotnē", published_at=timezone.now() + datetime.timedelta(days=1))

    html = editor_client.get(reverse("admin:news_article_changelist"), {"state": state}).text

    assert f'<td class="field-state">{expected}</td>' in html
    assert "Jau lasāms" not in html


def test_change_page_offers_view_on_site(editor_client):
    article = make_article(is_published=False)
    content_type = ContentType.objects.get_for_model(Article)
    html = editor_client.get(reverse("admin:news_article_change", args=[article.pk])).text
    assert reverse("admin:view_on_site", args=[content_type.pk, article.pk]) in html


def test_editors_manage_content_but_not_users_or_groups(editor_client):
    for url in ("admin:news_article_add", "admin:gallery_photo_add", "admin:polls_poll_add"):
        assert editor_client.get(reverse(url)).status_code == 200, url
    for url in ("admin:auth_user_changelist", "admin:auth_group_changelist"):
        assert editor_client.get(reverse(url)).status_code == 403, url
