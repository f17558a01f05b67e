"""Reader pages on a phone (390×844) and a laptop (1366×900), in Latvian and Russian:
nothing wider than the screen, and on the phone's front page the poll and the photo of the
day within the first three screens."""

import pytest

from tests.readers.paper import build_paper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reader_pages_fit_the_screen_in_both_languages(page, viewport):
    paths = build_paper()
    page.set_viewport_size(viewport)
    for prefix in ("", "/ru"):
        for path in paths:
            page.goto(prefix + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{prefix}{path} is {width}px wide"


def test_phone_front_page_reaches_the_poll_and_the_photo_of_the_day_in_three_screens(page):
    build_paper()
    page.set_viewport_size(PHONE)
    for prefix in ("/", "/ru/"):
        page.goto(prefix)
        for selector in (".widget.poll", ".photo-of-the-day"):
            top = page.evaluate(
                f"document.querySelector('{selector}').getBoundingClientRect().top + scrollY"
            )
            assert top < 3 * PHONE["height"], f"{prefix}: {selector} starts at {top}px"
