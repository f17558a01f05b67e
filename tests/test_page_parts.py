"""Page parts kept under what they show (issue 19): an editor's change to one article
re-renders that article's teaser and nothing else that did not change; the page around
them follows the content generation as before. Counted in templates rendered."""

import datetime

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from pagecache.generation import forget_generation
from tests.factories import make_article, make_section
from tests.polls.factories import make_poll

pytestmark = pytest.mark.django_db

CARD, HEADLINE = "news/_article_card.html", "news/_headline.html"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CACHE_PAGES = settings.CACHE_PAGE_PARTS = True
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    yield
    for alias in ("default", "template_fragments"):
        caches[alias].clear()
    forget_generation()


def rendered(response, name):
    return [template.name for template in response.templates].count(name)


@pytest.fixture
def front_page_articles():
    """Ten articles of one section, newest first: the lead, six latest, a section block
    of one teaser and two headlines."""
    section = make_section(name_lv="Novadā")
    now = timezone.now()
    return [
        make_article(
            section=section,
            title_lv=f"Ziņa {number}",
            published_at=now - datetime.timedelta(hours=number + 1),
        )
        for number in range(10)
    ]


def publish_again(client, editor, article, django_capture_on_commit_callbacks):
    """An editor's save in the admin: the article's last change moves, its text stays."""
    editors = type(client)()
    editors.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = editors.post(
            reverse("admin:news_article_changelist"),
            {"action": "publish", "_selected_action": [article.pk]},
        )
    assert response.status_code == 302


def test_one_changed_article_re_renders_only_its_own_teaser(
    client, editor, front_page_articles, django_capture_on_commit_callbacks
):
    make_poll()
    first = client.get("/")
    assert (rendered(first, CARD), rendered(first, HEADLINE)) == (8, 2)
    assert rendered(first, "polls/_widget.html") == 1
    assert client.get("/").templates == []  # the whole page from the cache

    publish_again(client, editor, front_page_articles[3], django_capture_on_commit_callbacks)
    after = client.get("/")

    assert after.status_code == 200 and "Ziņa 3" in after.text
    assert rendered(after, CARD) == 1  # the changed one; seven teasers from the cache
    assert rendered(after, HEADLINE) == 0
    assert rendered(after, "polls/_widget.html") == 0  # the polls app did not change
    # Nor did the calendar: no day gained or lost its articles.
    assert rendered(after, "news/_calendar.html") == 0
    assert after.text.count('class="card') == first.text.count('class="card')


def test_a_changed_headline_re_renders_its_section_block_only(
    client, editor, front_page_articles, django_capture_on_commit_callbacks
):
    client.get("/")

    publish_again(client, editor, front_page_articles[9], django_capture_on_commit_callbacks)
    after = client.get("/")

    # The block (its teaser and two headlines) is printed again; the other seven teasers
    # come from the cache.
    assert (rendered(after, CARD), rendered(after, HEADLINE)) == (1, 2)
    assert "Ziņa 9" in after.text


def test_a_section_renamed_re_renders_its_teasers(
    client, front_page_articles, django_capture_on_commit_callbacks
):
    from pagecache import content_changed

    client.get("/")
    section = front_page_articles[0].section
    section.name_lv = "Krāslavas novadā"
    section.save()
    content_changed(type(section))

    after = client.get("/")

    assert rendered(after, CARD) == 8
    assert "Krāslavas novadā" in after.text


def test_the_calendar_links_a_day_once_it_has_an_article(client, settings, front_page_articles):
    """The calendar is kept under the days it links, which are read for every page: an
    article on a day that had none is linked at once, with no new generation."""
    settings.CACHE_PAGES = False  # the page parts only
    # Last month, whose calendar its archive shows: the articles are all from the last
    # eleven hours, so its first day has none, whatever day of the month it is today.
    first = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    archive = reverse("news:archive_month", kwargs={"month": first})
    link = f'href="{reverse("news:archive_day", kwargs={"day": first})}"'
    section = front_page_articles[0].section
    assert link not in client.get(archive).text

    noon = timezone.make_aware(datetime.datetime.combine(first, datetime.time(12)))
    make_article(section=section, published_at=noon)
    after = client.get(archive)

    assert link in after.text
    assert rendered(after, "news/_calendar.html") == 1


def test_the_front_page_asks_the_cache_once_for_all_its_teasers_and_blocks(
    client, editor, front_page_articles, django_capture_on_commit_callbacks, monkeypatch
):
    client.get("/")
    publish_again(client, editor, front_page_articles[3], django_capture_on_commit_callbacks)
    fragments = caches["template_fragments"]
    asked, inside = [], []
    get_many, get = fragments.get_many, fragments.get

    def counted_get_many(keys, **kwargs):
        asked.append(list(keys))
        inside.append(True)  # locmem's get_many calls get() for each key
        try:
            return get_many(keys, **kwargs)
        finally:
            inside.pop()

    def counted_get(key, *args, **kwargs):
        if not inside:
            asked.append([key])
        return get(key, *args, **kwargs)

    monkeypatch.setattr(fragments, "get_many", counted_get_many)
    monkeypatch.setattr(fragments, "get", counted_get)

    client.get("/")

    parts = [keys for keys in asked if any(key.startswith("part:") for key in keys)]
    # One round trip for the lead, six latest and one section block; one each for the
    # calendar and the section menu.
    assert sorted(len(keys) for keys in parts) == [1, 1, 8]


MENU = "news/_section_menu.html"


def test_the_section_menu_is_kept_until_a_section_changes(client, settings, front_page_articles):
    """Kept under the sections' rows: an article's edit leaves it, a rename (made however,
    with no new generation) shows at once."""
    settings.CACHE_PAGES = False  # the page parts only
    section = front_page_articles[0].section
    client.get("/")
    article = front_page_articles[4]
    article.title_lv = "Labota ziņa"
    article.save()

    again = client.get("/")
    assert rendered(again, MENU) == 0
    assert "Labota ziņa" in again.text

    section.name_lv = "Krāslavas novadā"
    section.save()
    after = client.get("/")

    assert rendered(after, MENU) == 1
    menu = after.text.split('class="site-nav__sections"')[1].split("</ul>")[0]
    assert "Krāslavas novadā" in menu


def test_the_section_menu_marks_the_page_it_is_on(client, settings, front_page_articles):
    settings.CACHE_PAGES = False
    section = front_page_articles[0].section
    front = reverse("news:front_page")
    on_section = f'<a href="{section.get_absolute_url()}" aria-current="page">'
    on_front = f'<a href="{front}" aria-current="page">'

    for _ in range(2):  # rendered, then kept: the same either way
        assert on_front in client.get(front).text
        page = client.get(section.get_absolute_url()).text
        assert on_section in page and on_front not in page
        page = client.get(front_page_articles[0].get_absolute_url()).text
        assert "aria-current" not in page.split('class="site-nav__sections"')[1].split("</ul>")[0]


def test_the_day_page_keeps_its_photo_and_name_days_until_their_app_changes(client, settings):
    from gallery.models import Photo
    from pagecache import content_changed
    from tests.gallery.factories import make_photo

    settings.CACHE_PAGES = False  # the page parts only
    day = timezone.localdate() - datetime.timedelta(days=1)
    photo = make_photo(shown_on=day, title_lv="Ezers miglā")
    url = reverse("news:archive_day", kwargs={"day": day})
    client.get(url)

    again = client.get(url)
    assert rendered(again, "gallery/_day_photo.html") == rendered(again, "namedays/_day.html") == 0
    assert "Ezers miglā" in again.text

    photo.title_lv = "Ezers saulē"
    photo.save()
    content_changed(Photo)  # as the admin does
    after = client.get(url)

    assert rendered(after, "gallery/_day_photo.html") == 1
    assert "Ezers saulē" in after.text
    assert rendered(after, "namedays/_day.html") == 0


def test_a_photos_previous_and_next_days_follow_the_gallery(client, settings):
    """Kept with the photo of the day's page; a new photo between them shows at once."""
    from gallery.models import Photo
    from pagecache import content_changed
    from tests.gallery.factories import make_photo

    settings.CACHE_PAGES = False
    today = timezone.localdate()
    make_photo(shown_on=today - datetime.timedelta(days=3))
    photo = make_photo(shown_on=today - datetime.timedelta(days=1))
    assert 'rel="prev"' in client.get(photo.get_absolute_url()).text

    between = make_photo(shown_on=today - datetime.timedelta(days=2))
    content_changed(Photo)  # as the admin does
    page = client.get(photo.get_absolute_url()).text

    assert f'rel="prev" href="{between.get_absolute_url()}"' in page


def test_a_missing_sections_page_keeps_no_menu_of_its_own(client, settings, front_page_articles):
    """The menu marks a section's page; a 404 at a section address marks nothing, so the
    addresses a crawler tries share one kept menu instead of one each."""
    settings.CACHE_PAGES = False
    client.get(front_page_articles[0].get_absolute_url())  # a page that marks nothing

    for slug in ("nav-tadas", "ari-nav"):
        response = client.get(reverse("news:section_detail", kwargs={"slug": slug}))
        assert response.status_code == 404
        assert rendered(response, MENU) == 0
