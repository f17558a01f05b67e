"""Authors and topics in the admin: editors manage them; journalists pick them for their
drafts (issue 16). Saving one refreshes cached pages that show it."""

import pytest
from django.urls import reverse

from news.models import Article, Author, Topic
from tests.factories import make_article, make_author, make_section, make_topic
from tests.news.test_admin import article_form

pytestmark = pytest.mark.django_db


def byline_forms(*authors):
    data = {
        "byline_items-TOTAL_FORMS": str(len(authors)),
        "byline_items-INITIAL_FORMS": "0",
        "byline_items-MIN_NUM_FORMS": "0",
        "byline_items-MAX_NUM_FORMS": "1000",
    }
    for number, author in enumerate(authors):
        data[f"byline_items-{number}-author"] = author.pk
        data[f"byline_items-{number}-position"] = number
    return data


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editors_add_authors_and_topics(editor_client):
    answer = editor_client.post(
        reverse("admin:news_author_add"),
        {
            "name_lv": "Inese Kalniņa",
            "name_ru": "Инесе Калниня",
            "slug": "",
            "role_lv": "žurnāliste",
            "role_ru": "журналист",
            "bio_lv": "",
            "photo": "",
        },
    )
    assert answer.status_code == 302
    author = Author.objects.get()
    assert (author.slug, author.role_ru) == ("inese-kalnina", "журналист")
    answer = editor_client.post(
        reverse("admin:news_topic_add"), {"name_lv": "Daugava", "slug": "daugava"}
    )
    assert answer.status_code == 302 and Topic.objects.get().name_lv == "Daugava"


def test_an_editor_signs_an_article_with_authors_in_order_and_attaches_topics(editor_client):
    section, inese, janis = make_section(), make_author(), make_author()
    topic = make_topic()
    data = article_form(section, topics=[topic.pk]) | byline_forms(janis, inese)
    assert editor_client.post(reverse("admin:news_article_add"), data).status_code == 302
    article = Article.objects.get()
    assert article.byline() == [janis, inese]
    assert list(article.topics.all()) == [topic]


def test_a_journalist_picks_authors_and_topics_for_their_draft(client, journalist):
    client.force_login(journalist)
    section, inese, topic = make_section(), make_author(name_lv="Inese"), make_topic()
    data = article_form(section, topics=[topic.pk]) | byline_forms(inese)
    del data["is_published"]
    assert client.post(reverse("admin:news_article_add"), data).status_code == 302
    article = Article.objects.get()
    assert article.byline() == [inese] and list(article.topics.all()) == [topic]
    found = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Ines",
            "app_label": "news",
            "model_name": "articleauthor",
            "field_name": "author",
        },
    )
    assert found.status_code == 200 and "Inese" in found.text


def test_journalists_see_authors_but_cannot_change_or_add_them(client, journalist):
    client.force_login(journalist)
    author, topic = make_author(name_lv="Inese"), make_topic()
    for model, row in [("author", author), ("topic", topic)]:
        assert client.get(reverse(f"admin:news_{model}_add")).status_code == 403
        url = reverse(f"admin:news_{model}_change", args=[row.pk])
        assert client.post(url, {"name_lv": "Mainīts", "slug": row.slug}).status_code == 403
    author.refresh_from_db()
    assert author.name_lv == "Inese"


def test_a_journalist_cannot_change_the_byline_of_someone_elses_article(client, journalist):
    client.force_login(journalist)
    theirs = make_article(authors=[make_author(name_lv="Jānis")])
    data = article_form(theirs.section) | byline_forms(make_author(name_lv="Inese"))
    url = reverse("admin:news_article_change", args=[theirs.pk])
    assert client.post(url, data).status_code == 403
    assert [a.name_lv for a in theirs.byline()] == ["Jānis"]


def test_roles_have_the_new_permissions():
    from django.contrib.auth.models import Group

    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {"add_author", "change_author", "delete_topic", "add_articleauthor"} <= codenames(
        "Redaktori"
    )
    journalists = codenames("Žurnālisti")
    assert {"view_author", "view_topic", "add_articleauthor", "delete_articleauthor"} <= (
        journalists
    )
    assert not journalists & {"add_author", "change_author", "add_topic", "change_topic"}


def test_an_author_changed_in_the_admin_shows_at_once_on_cached_pages(
    client, editor, settings, django_capture_on_commit_callbacks
):
    settings.CACHE_PAGES = settings.CACHE_PAGE_PARTS = True
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    author = make_author(name_lv="Vecais Vārds", slug="autors")
    article = make_article(authors=[author])
    pages = [article.get_absolute_url(), "/autori/autors/"]
    for path in pages:
        assert "Vecais Vārds" in client.get(path).text
    Author.objects.filter(pk=author.pk).update(name_lv="Nesaglabāts")  # not through the admin
    for path in pages:
        assert "Vecais Vārds" in client.get(path).text  # so the cached page stays

    editors = type(client)()
    editors.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        editors.post(
            reverse("admin:news_author_change", args=[author.pk]),
            {"name_lv": "Jaunais Vārds", "slug": "autors", "photo": ""},
        )

    for path in pages:
        assert "Jaunais Vārds" in client.get(path).text
