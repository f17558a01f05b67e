"""A reader looks up a friend's name day in a real browser."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


PAGES = ["/vardadienas/", "/vardadienas/05-22/", "/vardadienas/kalendars/"]
PAGES += [f"/ru{path}" for path in PAGES]  # names there are longer: Cyrillic beside Latin


@pytest.fixture
def loaded_calendar():
    call_command("load_namedays", verbosity=0)


@pytest.mark.usefixtures("loaded_calendar")
def test_reader_types_a_name_without_diacritics_and_sees_its_date(page):
    page.goto("/vardadienas/")
    main = page.get_by_role("main")

    main.get_by_label("Kam vārda diena? Ierakstiet vārdu").fill("Marcis")
    main.get_by_role("button", name="Meklēt").click()

    expect(page).to_have_url(re.compile(r"/vardadienas/meklet/\?vards=Marcis$"))
    result = main.get_by_role("listitem").filter(has=page.get_by_role("link", name="Mārcis"))
    expect(result).to_contain_text("10. novembris")
    result.get_by_role("link", name="Mārcis").click()
    expect(main.get_by_role("heading", level=1)).to_have_text("10. novembris")


@pytest.mark.usefixtures("loaded_calendar")
def test_russian_reader_types_petr_and_finds_pjotrs_and_peteris(page):
    page.goto("/ru/vardadienas/")
    main = page.get_by_role("main")

    main.get_by_label("Чьи именины? Введите имя").fill("Пётр")
    main.get_by_role("button", name="Найти").click()

    results = main.get_by_role("list").filter(has_text="Pjotrs")
    expect(results.get_by_role("listitem").first).to_contain_text("Пётр (Pjotrs) — 29 июня")
    peteris = results.get_by_role("listitem").nth(1)
    expect(peteris).to_contain_text("Петерис (Pēteris) — 29 июня (латышская форма имени)")
    peteris.get_by_role("link", name="Петерис (Pēteris)").click()
    expect(main.get_by_role("heading", level=1)).to_have_text("29 июня")
    expect(main.get_by_role("listitem").filter(has_text="Pēteris")).to_have_text(
        "Петерис (Pēteris)"
    )


@pytest.mark.usefixtures("loaded_calendar")
def test_empty_search_tells_the_reader_what_to_do(page):
    page.goto("/ru/vardadienas/meklet/")
    page.get_by_role("main").get_by_role("button", name="Найти").click()
    expect(page.get_by_text("Введите имя, чтобы узнать, когда его именины.")).to_be_visible()


@pytest.mark.usefixtures("loaded_calendar")
@pytest.mark.parametrize("path", PAGES)
def test_name_day_pages_fit_a_phone_screen(page, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
