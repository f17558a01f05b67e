"""Whatever an editor types into plain-text fields is shown as text, never run as markup."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_author, make_section, make_topic

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_article():
    section = make_section(name_lv=f"Rubrika {PAYLOAD}", slug="rubrika")
    return make_article(
        section=section,
        title_lv=f"Virsraksts {PAYLOAD}",
        lead_lv=f"Ievads {PAYLOAD}",
        body_lv=f"<p>Teksts</p>{PAYLOAD}",
        authors=[
            make_author(name_lv=f"Autors {PAYLOAD}", role_lv=f"Amats {PAYLOAD}", bio_lv=PAYLOAD)
        ],
        topics=[make_topic(name_lv=f"Tēma {PAYLOAD}", description_lv=PAYLOAD)],
    )


def test_plain_text_fields_are_escaped_on_every_reader_page(client, hostile_article):
    for path in [
        "/",
        hostile_article.get_absolute_url(),
        hostile_article.section.get_absolute_url(),
        hostile_article.byline()[0].get_absolute_url(),
        reverse("news:author_feed", kwargs={"slug": hostile_article.byline()[0].slug}),
        hostile_article.topics.get().get_absolute_url(),
        reverse("news:topic_feed", kwargs={"slug": hostile_article.topics.get().slug}),
        reverse("news:topic_list"),
        reverse("news:search") + "?q=virsraksts",
        reverse("news:feed"),
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
    ]:
        text = client.get(path).text
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path


def test_escaped_text_is_still_readable(client, hostile_article):
    html = client.get(hostile_article.get_absolute_url()).text
    assert "Virsraksts &lt;script&gt;" in html
    assert '"headline": "Virsraksts \\u003Cscript\\u003E' in html
