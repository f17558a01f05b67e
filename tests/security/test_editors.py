"""Editors manage content and nothing else: no way to more rights (issue 8), and every
change they make through the admin, bulk actions included, lands in the object's history."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from gallery.models import Photo
from news.models import Article
from polls.models import Poll
from tests.factories import make_article
from tests.gallery.factories import make_photo
from tests.polls.factories import make_poll

pytestmark = pytest.mark.django_db

# Old addresses are content too: editors see and correct them (issue 13).
# The paper's own pages (about us, privacy, …) too (issue 16).
CONTENT_APPS = {"news", "gallery", "polls", "namedays", "addresses", "pages"}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editors_group_holds_content_permissions_only():
    editors = Group.objects.get(name="Redaktori")
    apps = set(editors.permissions.values_list("content_type__app_label", flat=True))
    assert apps == CONTENT_APPS


def test_editor_cannot_reach_users_groups_or_lockouts(editor_client, editor):
    editors = Group.objects.get(name="Redaktori")
    for url in [
        reverse("admin:auth_user_add"),
        reverse("admin:auth_user_change", args=[editor.pk]),
        reverse("admin:auth_user_password_change", args=[editor.pk]),
        reverse("admin:auth_group_add"),
        reverse("admin:auth_group_change", args=[editors.pk]),
        reverse("admin:axes_accessattempt_changelist"),
    ]:
        assert editor_client.get(url).status_code == 403, url
    html = editor_client.get(reverse("admin:index")).text
    assert reverse("admin:auth_user_changelist") not in html


def test_editor_cannot_make_themselves_superuser_or_join_other_groups(editor_client, editor):
    everything = Group.objects.create(name="Visas tiesības")
    everything.permissions.set(Permission.objects.all())

    answer = editor_client.post(
        reverse("admin:auth_user_change", args=[editor.pk]),
        {
            "username": editor.username,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [everything.pk],
            "date_joined_0": "2024-01-01",
            "date_joined_1": "00:00:00",
        },
    )

    assert answer.status_code == 403
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Redaktori"]


# Every bulk action an editor has: how to make an object it works on, and whether it
# changes anything (changes must be in the history; exports change nothing).
ACTIONS = {
    ("news", "article", "submit_for_review"): lambda: make_article(is_published=False),
    ("news", "article", "publish"): lambda: make_article(is_published=False),
    ("news", "article", "unpublish"): make_article,
    ("gallery", "photo", "make_missing_renditions"): lambda: without_renditions(make_photo()),
    ("polls", "poll", "close_now"): make_poll,
    ("polls", "poll", "export_results"): None,
}
DJANGOS_OWN = {"delete_selected"}  # logged by Django itself (tested below)


def without_renditions(photo):
    photo.delete_files([r["name"] for r in photo.renditions])
    return photo


def test_every_bulk_action_of_every_admin_is_covered_here(editor):
    request = RequestFactory().get("/")
    request.user = editor
    found = {
        (model._meta.app_label, model._meta.model_name, name)
        for model, model_admin in admin.site._registry.items()
        if model_admin.has_module_permission(request)
        for name in model_admin.get_actions(request)
    }
    assert found - {key for key in found if key[2] in DJANGOS_OWN} == set(ACTIONS)


@pytest.mark.parametrize(
    ("key", "make"), [(key, make) for key, make in ACTIONS.items() if make is not None]
)
def test_bulk_action_lands_in_the_history_of_each_object(editor_client, editor, key, make):
    app_label, model_name, action = key
    target, untouched = make(), make()
    editor_client.post(
        reverse(f"admin:{app_label}_{model_name}_changelist"),
        {"action": action, "_selected_action": [target.pk]},
    )
    entries = LogEntry.objects.filter(object_id=str(target.pk), action_flag=CHANGE)
    assert [entry.user for entry in entries.filter(content_type__model=model_name)] == [editor]
    assert not LogEntry.objects.filter(object_id=str(untouched.pk)).exists()


def test_saves_list_edits_and_deletions_land_in_the_history(editor_client, editor):
    article = make_article()
    changelist = reverse("admin:news_article_changelist")
    editor_client.post(
        changelist,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": article.pk,
            "form-0-is_featured": "on",
            "_save": "Saglabāt",
        },
    )
    editor_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    )
    photo = make_photo()
    editor_client.post(reverse("admin:gallery_photo_delete", args=[photo.pk]), {"post": "yes"})

    assert not Article.objects.exists() and not Photo.objects.exists()
    history = LogEntry.objects.filter(user=editor).order_by("action_time")
    assert [(entry.object_repr, entry.action_flag) for entry in history] == [
        (article.title, CHANGE),
        (article.title, DELETION),
        (photo.title, DELETION),
    ]
    assert ADDITION not in {entry.action_flag for entry in history}


def test_closing_a_poll_that_already_closed_adds_no_history(editor_client):
    poll = make_poll(closes_at=timezone.now() + datetime.timedelta(minutes=1))
    Poll.objects.filter(pk=poll.pk).close_now()
    editor_client.post(
        reverse("admin:polls_poll_changelist"),
        {"action": "close_now", "_selected_action": [poll.pk]},
    )
    assert not LogEntry.objects.exists()
