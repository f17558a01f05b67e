import datetime

import pytest
import time_machine
from django.utils import timezone, translation

from news.models import Article
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_scheduled_articles():
    visible = make_article()
    make_article(is_published=False)
    make_article(published_at=timezone.now() + datetime.timedelta(hours=1))

    assert list(Article.objects.published()) == [visible]


def test_scheduled_article_appears_when_its_time_comes_without_anyone_touching_it():
    at = timezone.now() + datetime.timedelta(days=1)
    article = make_article(published_at=at)
    assert article not in Article.objects.published()

    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert article in Article.objects.published()


def test_slug_is_made_from_the_latvian_title_with_latvian_letters_folded():
    article = make_article(title_lv="Ģērbšanās ķēniņš Čūskāju ļaudīs")
    assert article.slug == "gerbsanas-kenins-cuskaju-laudis"


def test_slug_is_unique_even_for_the_same_title():
    first = make_article(title_lv="Krāslavas pils")
    second = make_article(title_lv="Krāslavas pils")
    assert (first.slug, second.slug) == ("kraslavas-pils", "kraslavas-pils-2")


def test_russian_only_title_still_gets_a_slug():
    article = make_article(title_lv="Новости", title_ru="Новости")
    assert article.slug == "raksts"


@pytest.mark.parametrize(
    "payload",
    [
        '<p>Labi</p><script>alert("x")</script>',
        '<p onclick="alert(1)">Labi</p>',
        '<p><a href="javascript:alert(1)">Labi</a></p>',
        '<p><img src="x" onerror="alert(1)">Labi</p>',
        '<p><iframe src="https://evil.example"></iframe>Labi</p>',
        '<p style="background:url(javascript:alert(1))">Labi</p>',
    ],
)
def test_body_is_sanitised_whatever_writes_it(payload):
    article = make_article(body_lv=payload, body_ru=payload)
    article.refresh_from_db()
    for body in (article.body_lv, article.body_ru):
        assert "Labi" in body
        for danger in ("<script", "onclick", "onerror", "javascript:", "<iframe", "style="):
            assert danger not in body


def test_body_keeps_the_formatting_editors_use():
    html = (
        "<h2>Virsraksts</h2><p><strong>Treknrakstā</strong> un <em>slīprakstā</em>, "
        '<a href="https://kraslava.lv/">saite</a></p><ul><li>viens</li></ul>'
        "<ol><li>divi</li></ol><blockquote><p>Citāts</p></blockquote>"
    )
    article = make_article(body_lv=html)
    article.refresh_from_db()
    assert article.body_lv == html


def test_days_with_articles_are_days_in_riga_time():
    # 23:30 UTC on 31 October is 01:30 on 1 November in Riga (winter time, UTC+2).
    make_article(published_at=datetime.datetime(2024, 10, 31, 23, 30, tzinfo=datetime.UTC))
    make_article(published_at=datetime.datetime(2024, 11, 14, 10, 0, tzinfo=datetime.UTC))

    days = Article.objects.published().days_with_articles(datetime.date(2024, 11, 1))

    assert days == {datetime.date(2024, 11, 1), datetime.date(2024, 11, 14)}


def test_days_with_articles_follow_riga_midnights_when_the_clocks_change(
    django_assert_num_queries,
):
    utc = datetime.UTC
    # Summer time began at 03:00 on 31 March 2024: that day was 23 hours long.
    make_article(published_at=datetime.datetime(2024, 3, 30, 22, 30, tzinfo=utc))  # 31st, 00:30
    make_article(published_at=datetime.datetime(2024, 3, 31, 21, 30, tzinfo=utc))  # 1 Apr 00:30
    # It ended at 04:00 on 27 October 2024: that day was 25 hours long.
    make_article(published_at=datetime.datetime(2024, 10, 27, 21, 59, tzinfo=utc))  # 27th, 23:59
    make_article(published_at=datetime.datetime(2024, 10, 27, 22, 0, tzinfo=utc))  # 28th, 00:00

    with django_assert_num_queries(1):
        march = Article.objects.published().days_with_articles(datetime.date(2024, 3, 1))
    october = Article.objects.published().days_with_articles(datetime.date(2024, 10, 1))

    assert march == {datetime.date(2024, 3, 31)}
    assert october == {datetime.date(2024, 10, 27), datetime.date(2024, 10, 28)}


@time_machine.travel(datetime.datetime(2024, 2, 10, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_days_with_articles_count_only_the_articles_asked_about():
    def on(day, **extra):
        make_article(published_at=datetime.datetime(2024, 2, day, 9, tzinfo=datetime.UTC), **extra)

    on(3)
    on(5, is_published=False)
    on(11)  # scheduled for tomorrow

    february = datetime.date(2024, 2, 1)
    assert Article.objects.published().days_with_articles(february) == {datetime.date(2024, 2, 3)}
    assert Article.objects.drafts().days_with_articles(february) == {datetime.date(2024, 2, 5)}
    assert Article.objects.scheduled().days_with_articles(february) == {datetime.date(2024, 2, 11)}


def test_front_page_shows_every_story_once_lead_latest_then_sections(
    django_assert_num_queries,
):
    sport, news = make_section(position=2), make_section(position=1)
    now = timezone.now()

    def article(section, hours, **extra):
        return make_article(
            section=section, published_at=now - datetime.timedelta(hours=hours), **extra
        )

    old_featured = article(news, 30, is_featured=True)
    newest_sport = [article(sport, hours) for hours in (1, 2, 3, 8)]
    newest_news = [article(news, hours) for hours in (4, 5, 6)]
    article(news, 7, is_published=False, is_featured=True)  # a draft is never on it

    # Two: the candidates as rows, then the picked articles (issue 19: fewer instances).
    with django_assert_num_queries(2):
        front = (
            Article.objects.published()
            .for_listing()
            .front_page(latest=4, featured=1, per_section=2)
        )

    assert front.lead == old_featured
    assert front.featured == []
    assert front.latest == [*newest_sport[:3], newest_news[0]]
    assert front.sections == [(news, newest_news[1:3]), (sport, newest_sport[3:])]
    stories = front.articles()
    assert len(stories) == len(set(stories)) == 8


def test_front_page_without_featured_stories_leads_with_the_newest():
    older = make_article(published_at=timezone.now() - datetime.timedelta(hours=2))
    newest = make_article()
    front = Article.objects.published().front_page(latest=5, featured=3, per_section=2)
    assert front.lead == newest
    assert front.latest == [older]
    assert front.sections == []


def test_an_empty_paper_has_an_empty_front_page():
    front = Article.objects.published().front_page(latest=5, featured=3, per_section=2)
    assert front == (None, [], [], [])


def test_a_selection_that_cannot_match_has_an_empty_front_page_and_calendar():
    make_article()
    nothing = Article.objects.published().filter(section__in=[])

    assert nothing.front_page_ids(latest=5, featured=3, per_section=2) == (None, [], [], [])
    assert nothing.days_with_articles(timezone.localdate().replace(day=1)) == set()


def test_translated_fields_fall_back_to_latvian():
    from django.utils import translation

    article = make_article(title_lv="Latviski", title_ru="")
    with translation.override("ru"):
        assert article.title == "Latviski"


def test_an_articles_neighbours_are_the_published_ones_next_to_it_ties_in_id_order():
    now = timezone.now()
    same_moment = now - datetime.timedelta(hours=3)
    first = make_article(published_at=same_moment)
    second = make_article(published_at=same_moment)
    make_article(is_published=False, published_at=now - datetime.timedelta(hours=2))
    make_article(published_at=now + datetime.timedelta(hours=2))  # scheduled
    third = make_article(published_at=now - datetime.timedelta(hours=1), title_ru="Третья")

    assert first.neighbours() == (None, second)
    assert second.neighbours() == (first, third)
    assert third.neighbours() == (second, None)
    with translation.override("ru"):
        assert second.neighbours().next.title == "Третья"
        assert second.neighbours().previous.title == first.title_lv  # no Russian title
