"""Readers see the hour, "Atjaunots" after a significant change, the correction note; a
pinned lead tops the front page until its pin ends, and the page cache knows when (issue 14)."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from news.sitemaps import ArticleSitemap
from tests.factories import make_article
from tests.news.test_admin import article_form

pytestmark = pytest.mark.django_db
RIGA = zoneinfo.ZoneInfo("Europe/Riga")


def edit(client, article, **changes):
    data = article_form(
        article.section,
        slug=article.slug,
        published_at_0=timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
        published_at_1=timezone.localtime(article.published_at).strftime("%H:%M:%S"),
    )
    return client.post(reverse("admin:news_article_change", args=[article.pk]), data | changes)


def test_reader_sees_the_hour_then_updated_and_the_correction(client, editor):
    published = datetime.datetime(2024, 5, 21, 9, 30, tzinfo=RIGA)
    article = make_article(published_at=published)
    page = client.get(article.get_absolute_url()).text
    assert "21.05.2024 09:30" in page and "Atjaunots" not in page

    client.force_login(editor)
    answer = edit(
        client,
        article,
        significant_change="on",
        correction_lv="Labots tilta garums: 300, nevis 30 metri.",
    )
    assert answer.status_code == 302
    client.logout()
    article.refresh_from_db()
    assert article.revised_at is not None
    page = client.get(article.get_absolute_url()).text
    assert "Atjaunots:" in page
    assert "Labots tilta garums: 300, nevis 30 metri." in page
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["dateModified"].startswith(article.revised_at.isoformat()[:16])


def test_a_plain_save_is_not_an_update_for_readers(client, editor):
    article = make_article()
    client.force_login(editor)
    edit(client, article, lead_lv="Komats labots.")
    article.refresh_from_db()
    assert article.revised_at is None


def test_journalist_cannot_mark_a_significant_change_or_pin(client, journalist):
    article = make_article(is_published=False, created_by=journalist)
    client.force_login(journalist)
    data = article_form(article.section, slug=article.slug)
    del data["is_published"]
    data |= {
        "significant_change": "on",
        "pinned_until_0": "2030-01-01",
        "pinned_until_1": "00:00:00",
        "correction_lv": "Nē",
    }
    client.post(reverse("admin:news_article_change", args=[article.pk]), data)
    article.refresh_from_db()
    assert article.revised_at is None and article.pinned_until is None
    assert not article.correction_lv


def test_sitemap_lastmod_follows_the_significant_update():
    revised = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=RIGA)
    make_article(revised_at=revised)
    sitemap = ArticleSitemap()
    (article,) = sitemap.items()
    assert sitemap.lastmod(article) == revised


def test_pinned_lead_tops_the_front_page_until_its_pin_ends():
    now = timezone.now()
    old = make_article(title_lv="Piesprausts", published_at=now - datetime.timedelta(days=3))
    newer = make_article(is_featured=True, title_lv="Jaunāks")
    published = Article.objects.published().for_listing()
    front = published.front_page(4, 2, 2)
    assert (front.lead, front.featured) == (newer, [])

    Article.objects.filter(pk=old.pk).update(pinned_until=now + datetime.timedelta(hours=2))
    front = Article.objects.published().for_listing().front_page(4, 2, 2)
    assert [front.lead.pk, *(a.pk for a in front.featured)] == [old.pk, newer.pk]
    assert old.pk not in [a.pk for a in front.latest]  # each story once
    assert Article.objects.next_change() == Article.objects.get(pk=old.pk).pinned_until

    Article.objects.filter(pk=old.pk).update(pinned_until=now - datetime.timedelta(seconds=1))
    front = Article.objects.published().for_listing().front_page(4, 2, 2)
    assert (front.lead.pk, front.featured) == (newer.pk, [])
    assert Article.objects.next_change() is None
