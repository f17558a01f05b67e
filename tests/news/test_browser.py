"""An editor writes and schedules an article; readers see it everywhere exactly from its time."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from news.models import Article
from tests.factories import make_section
from tests.gallery.factories import make_photo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Lietotājvārds").fill(username)
    page.get_by_label("Parole").fill(password)
    page.get_by_role("button", name="Pieteikties").click()
    expect(page.get_by_role("heading", name="Redakcija")).to_be_visible()


def test_editor_schedules_a_bilingual_article_with_a_photo_and_readers_see_it_on_time(
    page, browser, live_server, django_user_model
):
    editor = django_user_model.objects.create_user(
        "redaktore", password="Latgale-2024!", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    make_section(name_lv="Novads", name_ru="Край", slug="novads")
    make_photo(title_lv="Jaunais tilts", credit_lv="Jura Rogas foto")
    publish_at = timezone.localtime() + datetime.timedelta(hours=2)

    log_in(page, "redaktore", "Latgale-2024!")
    page.goto("/admin/news/article/add/")
    page.locator("#id_title_lv").press_sequentially("Krāslavā atklāj jauno tiltu")
    expect(page.locator("#id_slug")).to_have_value("kraslava-atklaj-jauno-tiltu")
    page.locator("#id_title_ru").fill("В Краславе открывают новый мост")
    page.locator("#id_section").select_option(label="Novads")
    page.locator("#id_lead_lv").fill("Tilts pār Daugavu būs gatavs svētkiem.")
    page.locator("#id_lead_ru").fill("Мост через Даугаву будет готов к празднику.")
    page.locator(".field-body_lv [contenteditable=true]").click()
    page.keyboard.type("Pilsētas svētkos atklās jauno tiltu.")
    page.locator(".field-body_ru [contenteditable=true]").click()
    page.keyboard.type("На празднике города откроют новый мост.")
    page.locator(".field-main_photo .select2-selection").click()
    page.locator(".select2-search__field").fill("tilts")
    page.get_by_role("option", name=re.compile("Jaunais tilts")).click()
    page.locator("#id_is_published").check()
    page.locator("#id_published_at_0").fill(publish_at.strftime("%d.%m.%Y"))
    page.locator("#id_published_at_1").fill(publish_at.strftime("%H:%M:%S"))
    page.get_by_role("button", name="Saglabāt", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("sekmīgi pievienots")

    article = Article.objects.get()
    assert article.main_photo.title_lv == "Jaunais tilts"
    reader = browser.new_page(base_url=live_server.url)
    pages = ["/", "/rubrikas/novads/", "/meklet/?q=tilts", "/rss/"]

    reader.goto(article.get_absolute_url())
    expect(reader.get_by_role("heading", name="Lapa nav atrasta")).to_be_visible()
    for path in pages:
        reader.goto(path)
        expect(reader.locator("body")).not_to_contain_text("atklāj jauno tiltu")

    with time_machine.travel(publish_at + datetime.timedelta(seconds=5)):
        reader.goto("/")
        reader.get_by_role("link", name="Krāslavā atklāj jauno tiltu").first.click()
        expect(reader.locator("h1")).to_have_text("Krāslavā atklāj jauno tiltu")
        expect(reader.locator(".article__photo img")).to_be_visible()
        expect(reader.locator(".article__photo")).to_contain_text("Jura Rogas foto")
        for path in pages:
            reader.goto(path)
            expect(reader.locator("body")).to_contain_text("atklāj jauno tiltu")
        reader.goto("/")
        reader.locator(".calendar__table a", has_text=re.compile(rf"^{publish_at.day}$")).click()
        expect(reader.locator("main")).to_contain_text("Krāslavā atklāj jauno tiltu")
        reader.goto("/ru/")
        reader.get_by_role("link", name="В Краславе открывают новый мост").first.click()
        expect(reader.locator(".article__lead")).to_have_text(
            "Мост через Даугаву будет готов к празднику."
        )
    reader.close()
