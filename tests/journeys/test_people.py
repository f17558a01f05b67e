"""A reader follows a byline to the author's page and a topic to its page, in Russian
(issue 16)."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_article, make_author, make_section, make_topic
from tests.journeys.conftest import watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_follows_the_byline_and_a_topic(page):
    seen = watch(page)
    author = make_author(
        name_lv="Inese Kalniņa", name_ru="Инесе Калниня", role_lv="žurnāliste", role_ru="журналист"
    )
    topic = make_topic(name_lv="Daugava", name_ru="Даугава")
    article = make_article(
        section=make_section(),
        title_lv="Jauns tilts",
        title_ru="Новый мост",
        authors=[author],
        topics=[topic],
    )
    make_article(title_lv="Vecs raksts", title_ru="Старая статья", authors=[author])

    page.goto("/ru" + article.get_absolute_url())
    page.locator(".article__byline").get_by_role("link", name="Инесе Калниня").click()

    expect(page).to_have_url(re.compile(r"/ru/autori/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Инесе Калниня")
    expect(page.locator(".profile__role")).to_have_text("журналист")
    expect(page.get_by_role("main").get_by_role("link", name="Старая статья")).to_be_visible()

    page.get_by_role("main").get_by_role("link", name="Новый мост").click()
    page.locator(".article__topics").get_by_role("link", name="Даугава").click()

    expect(page).to_have_url(re.compile(r"/ru/temas/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Даугава")
    expect(page.get_by_role("main").get_by_role("link", name="Новый мост")).to_be_visible()
    seen.assert_clean()
