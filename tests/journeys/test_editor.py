"""The editor's journey: log in, write an article in Latvian and Russian with photos,
schedule it, and readers see it everywhere exactly from its time. All of it under the
site's Content Security Policy, which the admin must live with: not one violation."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.formats import get_format
from playwright.sync_api import expect

from news.models import Article
from tests.factories import make_section
from tests.gallery.factories import make_photo
from tests.journeys.conftest import language_tab, log_in, watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Krāslavā atklāj jauno tiltu"


def choose_photo(page, field, search, title):
    """Pick a photo in a select2 autocomplete box, as an editor does."""
    field.locator(".select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill(search)
    page.get_by_role("option", name=re.compile(title)).click()


def test_editor_schedules_a_bilingual_article_with_photos_and_readers_see_it_on_time(
    page, reader, django_user_model
):
    editor = django_user_model.objects.create_user(
        "redaktore", password="Latgale-2024!", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Redaktori"))
    make_section(name_lv="Novads", name_ru="Край", slug="novads")
    make_photo(title_lv="Jaunais tilts", credit_lv="Jura Rogas foto")
    make_photo(title_lv="Tilta būvdarbi", caption_lv="Būvnieki pie tilta")
    publish_at = timezone.localtime() + datetime.timedelta(hours=2)
    editor_tab, reader_tab = watch(page), watch(reader)

    log_in(page, "redaktore", "Latgale-2024!")
    page.goto("/admin/news/article/add/")
    page.locator("#id_title_lv").press_sequentially(TITLE)
    expect(page.locator("#id_slug")).to_have_value("kraslava-atklaj-jauno-tiltu")
    language_tab(page, "title", "ru").click()
    page.locator("#id_title_ru").fill("В Краславе открывают новый мост")
    page.locator("#id_section").select_option(label="Novads")
    page.locator("#id_lead_lv").fill("Tilts pār Daugavu būs gatavs svētkiem.")
    language_tab(page, "lead", "ru").click()
    page.locator("#id_lead_ru").fill("Мост через Даугаву будет готов к празднику.")
    page.locator(".field-body_lv [contenteditable=true]").click()
    page.keyboard.type("Pilsētas svētkos atklās jauno tiltu.")
    language_tab(page, "body", "ru").click()
    page.locator(".field-body_ru [contenteditable=true]").click()
    page.keyboard.type("На празднике города откроют новый мост.")
    choose_photo(page, page.locator(".field-main_photo"), "tilts", "Jaunais tilts")
    choose_photo(page, page.locator("#gallery_items-0 .field-photo"), "būvdarbi", "Tilta būvdarbi")
    page.locator("#id_is_published").check()
    # The date from the admin's calendar (it opens on the field's month: today's).
    page.locator(".field-published_at .date-icon").click()
    calendar = page.locator("#calendarbox0")
    if publish_at.month != timezone.localdate().month:
        calendar.locator(".calendarnav-next").click()
    calendar.locator("td a", has_text=re.compile(rf"^{publish_at.day}$")).click()
    date_format = get_format("DATE_INPUT_FORMATS", "lv")[0]
    expect(page.locator("#id_published_at_0")).to_have_value(publish_at.strftime(date_format))
    page.locator("#id_published_at_1").fill(publish_at.strftime("%H:%M:%S"))
    page.get_by_role("button", name="Saglabāt", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("sekmīgi pievienots")

    article = Article.objects.get()
    assert article.main_photo.title_lv == "Jaunais tilts"
    assert [photo.title_lv for photo in article.gallery_photos()] == ["Tilta būvdarbi"]
    pages = ["/", "/rubrikas/novads/", "/meklet/?q=tilts", "/rss/"]

    reader.goto(article.get_absolute_url())
    expect(reader.get_by_role("heading", name="Lapa nav atrasta")).to_be_visible()
    for path in pages:
        reader.goto(path)
        expect(reader.locator("body")).not_to_contain_text("atklāj jauno tiltu")

    with time_machine.travel(publish_at + datetime.timedelta(seconds=5)):
        reader.goto("/")
        reader.get_by_role("link", name=TITLE).first.click()
        expect(reader.locator("h1")).to_have_text(TITLE)
        expect(reader.locator(".article__photo img")).to_be_visible()
        expect(reader.locator(".article__photo")).to_contain_text("Jura Rogas foto")
        expect(reader.locator(".article")).to_contain_text("Būvnieki pie tilta")
        for path in pages:
            reader.goto(path)
            expect(reader.locator("body")).to_contain_text("atklāj jauno tiltu")
        reader.goto("/")
        reader.locator(".calendar__table a", has_text=re.compile(rf"^{publish_at.day}$")).click()
        expect(reader.locator("main")).to_contain_text(TITLE)
        reader.goto("/ru/")
        reader.get_by_role("link", name="В Краславе открывают новый мост").first.click()
        expect(reader.locator(".article__lead")).to_have_text(
            "Мост через Даугаву будет готов к празднику."
        )
    editor_tab.assert_clean()
    reader_tab.assert_clean()
