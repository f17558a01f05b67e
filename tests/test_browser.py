"""The shared layout as a reader's browser shows it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_switches_language_and_stays_on_the_same_page(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "lv")
    expect(page.get_by_role("link", name="Pāriet uz saturu")).to_be_attached()

    page.get_by_role("link", name="Русский").click()

    expect(page).to_have_url(re.compile(r"/ru/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("navigation", name="Рубрики")).to_be_visible()


def test_layout_fits_a_phone_screen(page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360
