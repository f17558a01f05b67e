"""Drafts and scheduled articles never reach readers, anywhere, until their time comes."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db

SECRET = "Slepenszinojums"


@pytest.fixture(params=["draft", "scheduled"])
def hidden(request):
    """A draft, or an article scheduled for tomorrow, next to a published one of its section."""
    section = make_section(slug="novads")
    now = timezone.now()
    make_article(
        section=section, title_lv="Redzams raksts", published_at=now - datetime.timedelta(hours=2)
    )
    if request.param == "draft":
        return make_article(
            section=section,
            title_lv=SECRET,
            is_published=False,
            published_at=now - datetime.timedelta(hours=1),
        )
    return make_article(
        section=section, title_lv=SECRET, published_at=now + datetime.timedelta(days=1)
    )


def reader_pages(article):
    day = timezone.localdate(article.published_at)
    return [
        "/",
        "/ru/",
        article.section.get_absolute_url(),
        reverse("news:archive_day", kwargs={"day": day}),
        reverse("news:archive_month", kwargs={"month": day}),
        # Another form of the word (genitive): the page repeats the query, not the title.
        reverse("news:search") + "?q=Slepenszinojuma",
        reverse("news:feed"),
        reverse("news:section_feed", kwargs={"slug": article.section.slug}),
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
    ]


def test_hidden_article_address_is_404_for_readers(client, hidden):
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_hidden_article_is_on_no_reader_page_feed_or_sitemap(client, hidden):
    # A day that has not come yet has no page at all (the day page answers 404).
    future_day = timezone.localdate(hidden.published_at) > timezone.localdate()
    day_page = reverse("news:archive_day", kwargs={"day": timezone.localdate(hidden.published_at)})
    for path in reader_pages(hidden):
        response = client.get(path)
        expected = 404 if future_day and path == day_page else 200
        assert response.status_code == expected, path
        assert SECRET not in response.text, path
        assert hidden.slug not in response.text, path


def test_hidden_article_is_not_related_to_or_next_to_published_ones(client, hidden):
    visible = hidden.section.articles.exclude(pk=hidden.pk).get()
    html = client.get(visible.get_absolute_url()).text
    assert SECRET not in html


def test_calendar_does_not_link_a_day_that_only_has_hidden_articles(client):
    at = timezone.now() + datetime.timedelta(days=1)
    make_article(published_at=at)
    day = timezone.localdate(at)
    link = reverse("news:archive_day", kwargs={"day": day})

    with time_machine.travel(at - datetime.timedelta(minutes=1)):
        assert f'href="{link}"' not in client.get("/").text
    with time_machine.travel(at + datetime.timedelta(minutes=1)):
        assert f'href="{link}"' in client.get("/").text


def test_scheduled_article_appears_everywhere_once_its_time_comes(client):
    at = timezone.now() + datetime.timedelta(days=1)
    article = make_article(title_lv=SECRET, published_at=at)

    with time_machine.travel(at + datetime.timedelta(minutes=1)):
        assert client.get(article.get_absolute_url()).status_code == 200
        for path in reader_pages(article):
            assert article.slug in client.get(path).text, path


def test_editors_preview_drafts_at_their_real_address_never_cached(
    client, django_user_model, hidden
):
    editor = django_user_model.objects.create_user("ilze", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)

    response = client.get(hidden.get_absolute_url())

    assert response.status_code == 200
    assert "Priekšskatījums" in response.text
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.text


def test_staff_without_the_change_permission_cannot_preview(client, django_user_model, hidden):
    client.force_login(django_user_model.objects.create_user("viesis", is_staff=True))
    assert client.get(hidden.get_absolute_url()).status_code == 404
