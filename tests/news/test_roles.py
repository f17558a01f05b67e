"""Journalists write and submit; editors decide what readers see (issue 14). Enforced by the
server: what a journalist's browser sends cannot publish, schedule or touch what is public."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse

from news.models import Article
from tests.factories import make_article, make_section
from tests.gallery.factories import make_photo
from tests.news.test_admin import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def journalist_client(client, journalist):
    client.force_login(journalist)
    return client


def test_roles_are_made_by_migrations_with_latvian_names():
    roles = {group.name: group for group in Group.objects.all()}
    assert set(roles) == {"Žurnālisti", "Redaktori", "Administratori"}
    editors = set(roles["Redaktori"].permissions.values_list("codename", flat=True))
    journalists = set(roles["Žurnālisti"].permissions.values_list("codename", flat=True))
    administrators = set(
        roles["Administratori"].permissions.values_list("content_type__app_label", flat=True)
    )
    assert {"publish_article", "change_poll", "change_nameday", "delete_article"} <= editors
    assert "publish_article" not in journalists
    assert not journalists & {"change_poll", "delete_article", "delete_photo"}
    assert administrators == {"auth", "axes"}


def test_journalist_writes_a_draft_which_is_theirs(journalist_client, journalist):
    section = make_section()
    data = article_form(section)
    del data["is_published"]
    answer = journalist_client.post(reverse("admin:news_article_add"), data)
    assert answer.status_code == 302
    article = Article.objects.get()
    assert article.created_by == journalist and not article.is_published


def test_journalists_direct_post_that_publishes_is_refused(journalist_client):
    section = make_section()
    journalist_client.post(
        reverse("admin:news_article_add"),
        article_form(section, is_featured="on", published_at_0="2030-01-01"),
    )
    article = Article.objects.get()
    assert not article.is_published and not article.is_featured
    assert article.published_at.year != 2030

    journalist_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    journalist_client.post(
        reverse("admin:news_article_change", args=[article.pk]),
        article_form(section, title_lv="Publicēts?"),
    )
    article.refresh_from_db()
    assert not article.is_published
    assert not LogEntry.objects.filter(change_message="Published.").exists()


def test_journalist_cannot_change_others_drafts_or_anything_public(journalist_client, journalist):
    others = make_article(is_published=False, title_lv="Cita raksts")
    public = make_article(created_by=journalist, title_lv="Publisks")
    for article in [others, public]:
        url = reverse("admin:news_article_change", args=[article.pk])
        page = journalist_client.get(url)
        assert page.status_code == 200 and 'name="_save"' not in page.text  # read only
        answer = journalist_client.post(url, article_form(article.section, title_lv="Mainīts"))
        assert answer.status_code == 403
        article.refresh_from_db()
        assert article.title_lv != "Mainīts"
    changelist = journalist_client.post(
        reverse("admin:news_article_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": public.pk,
            "form-0-is_featured": "on",
            "_save": "Saglabāt",
        },
    )
    assert changelist.status_code in {200, 302}
    public.refresh_from_db()
    assert not public.is_featured
    delete = reverse("admin:news_article_delete", args=[public.pk])
    assert journalist_client.post(delete, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=public.pk).exists()


def test_journalist_changes_only_their_own_photos(journalist_client, journalist):
    own, others = make_photo(), make_photo()
    own.created_by = journalist
    own.save()
    assert (
        "_save" in journalist_client.get(reverse("admin:gallery_photo_change", args=[own.pk])).text
    )
    others_page = journalist_client.get(reverse("admin:gallery_photo_change", args=[others.pk]))
    assert 'name="_save"' not in others_page.text


def test_journalist_cannot_reach_polls_name_days_users(journalist_client):
    for name in [
        "polls_poll_changelist",
        "polls_poll_add",
        "namedays_nameday_changelist",
        "auth_user_changelist",
        "auth_group_changelist",
        "axes_accessattempt_changelist",
    ]:
        assert journalist_client.get(reverse(f"admin:{name}")).status_code == 403, name


def test_submitted_article_waits_for_the_editor(journalist_client, client, editor):
    section = make_section()
    data = article_form(section, _submit_for_review="1")
    del data["is_published"]
    journalist_client.post(reverse("admin:news_article_add"), data)
    article = Article.objects.get()
    assert article.submitted_for_review_at is not None

    client.force_login(editor)
    waiting = client.get(reverse("admin:news_article_changelist"), {"state": "review"}).text
    assert "Jauns tilts pār Daugavu" in waiting
    index = client.get(reverse("admin:index")).text
    assert "Gaida pārskatīšanu: 1" in index

    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.is_published and article.submitted_for_review_at is None
    assert LogEntry.objects.filter(object_id=str(article.pk), action_flag=CHANGE).exists()


def test_submit_action_for_own_drafts(journalist_client, journalist):
    own = make_article(is_published=False, created_by=journalist)
    others = make_article(is_published=False)
    journalist_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "submit_for_review", "_selected_action": [own.pk, others.pk]},
    )
    assert list(Article.objects.waiting_for_review()) == [own]


def test_admin_front_page_is_the_editors_day(client, editor, journalist):
    import datetime

    from django.utils import timezone

    from tests.gallery.factories import make_photo as photo
    from tests.polls.factories import make_poll

    now = timezone.localtime()
    later = (
        now.replace(hour=23, minute=59) if now.hour < 23 else now + datetime.timedelta(minutes=1)
    )
    make_article(title_lv="Vakara ziņas", published_at=later)
    day_photo = photo()
    day_photo.shown_on = timezone.localdate()
    day_photo.save()
    make_poll()
    client.force_login(editor)
    page = client.get(reverse("admin:index")).text
    assert "Šodienai ieplānots" in page and "Vakara ziņas" in page
    assert reverse("admin:gallery_photo_change", args=[day_photo.pk]) in page
    assert "Notiekošā aptauja" in page and "Pašlaik nenotiek" not in page

    client.force_login(journalist)
    assert "Šodienai ieplānots" not in client.get(reverse("admin:index")).text
