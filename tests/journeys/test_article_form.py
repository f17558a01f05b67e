"""The article form as an editor uses it (issue 14): each translated field in language
tabs instead of three stacked copies, a body editor of a usable height that the browser
spell-checks in the field's language, with its toolbar in Latvian; all under the CSP."""

import pytest
from playwright.sync_api import expect

from news.models import Article
from tests.factories import make_section
from tests.journeys.conftest import language_tab, log_in, watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_translations_are_tabs_and_a_bilingual_article_keeps_both_languages(page, editor):
    make_section(name_lv="Novads", name_ru="Край", slug="novads")
    tab = watch(page)
    log_in(page, "redaktore", "Latgale-2024!")
    page.goto("/admin/news/article/add/")

    # One copy of each field at a time: Latvian shown, Russian behind its tab.
    expect(page.locator("#id_title_lv")).to_be_visible()
    expect(page.locator("#id_title_ru")).to_be_hidden()
    expect(page.locator("#id_title_en")).to_be_hidden()
    expect(page.locator(".field-title_lv a[title]")).to_have_count(0)
    page.locator("#id_title_lv").fill("Krāslavā atklāj tiltu")
    page.locator("#id_section").select_option(label="Novads")
    page.locator("#id_lead_lv").fill("Tilts būs gatavs svētkiem.")
    page.locator(".field-body_lv [contenteditable=true]").click()
    page.keyboard.type("Pilsētas svētkos atklās tiltu.")

    language_tab(page, "title", "ru").click()
    expect(page.locator("#id_title_lv")).to_be_hidden()
    page.locator("#id_title_ru").fill("В Краславе открывают мост")
    language_tab(page, "lead", "ru").click()
    page.locator("#id_lead_ru").fill("Мост будет готов к празднику.")
    language_tab(page, "body", "ru").click()
    page.locator(".field-body_ru [contenteditable=true]").click()
    page.keyboard.type("На празднике откроют мост.")
    page.get_by_role("button", name="Saglabāt", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("sekmīgi pievienots")

    article = Article.objects.get()
    assert article.title_lv == "Krāslavā atklāj tiltu"
    assert article.title_ru == "В Краславе открывают мост"
    assert article.lead_lv == "Tilts būs gatavs svētkiem."
    assert article.lead_ru == "Мост будет готов к празднику."
    assert "Pilsētas svētkos atklās tiltu." in article.body_lv
    assert "На празднике откроют мост." in article.body_ru
    tab.assert_clean()


def test_the_body_editor_is_tall_spell_checked_in_its_language_and_speaks_latvian(page, editor):
    tab = watch(page)
    log_in(page, "redaktore", "Latgale-2024!")
    page.goto("/admin/news/article/add/")

    latvian_body = page.locator(".field-body_lv .ProseMirror[contenteditable=true]")
    expect(latvian_body).to_have_attribute("spellcheck", "true")
    expect(latvian_body).to_have_attribute("lang", "lv")
    assert latvian_body.bounding_box()["height"] >= 400
    expect(page.locator("#id_title_lv")).to_have_attribute("lang", "lv")
    expect(page.locator("#id_lead_ru")).to_have_attribute("lang", "ru")
    expect(page.locator(".field-body_ru .ProseMirror[contenteditable=true]")).to_have_attribute(
        "lang", "ru"
    )

    menubar = page.locator(".field-body_lv .prose-menubar")
    expect(menubar.locator("[title='Treknraksts']")).to_have_count(1)
    expect(menubar.locator("[title='Aizzīmju saraksts']")).to_have_count(1)
    expect(menubar.locator(".prose-menubar__option h2")).to_have_text("Virsraksts 2")
    expect(menubar.locator(".prose-menubar__option p")).to_have_text("Rindkopa")
    expect(menubar.locator("[title='bold']")).to_have_count(0)
    expect(menubar).not_to_contain_text("Paragraph")
    expect(menubar).not_to_contain_text("Heading")
    tab.assert_clean()
