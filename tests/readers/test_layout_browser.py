"""Reader pages on a phone (390×844) and a laptop (1366×900), in Latvian and Russian:
nothing wider than the screen, no serious or critical accessibility violation found by
axe-core (from npm, run inside Chromium), and on the phone's front page the poll and the
photo of the day within the first three screens. Also the gallery's photo viewer."""

import functools
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.readers.paper import build_paper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# What readers cannot get past: axe's two worst impact levels.
BLOCKING = ("serious", "critical")
AXE_RUN = """async () => {
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
    }));
}"""


@functools.cache
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does).", pytrace=False)
    # Evaluated through the DevTools protocol: the pages' strict CSP refuses the inline
    # <script> that page.add_script_tag() would add, and is kept on to be tested as it is.
    return AXE.read_text() + "\n;true"


def axe_violations(page):
    """axe-core's serious and critical violations on the page in the tab."""
    page.evaluate(axe_source())
    return [v for v in page.evaluate(AXE_RUN) if v["impact"] in BLOCKING]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reader_pages_fit_the_screen_and_pass_axe_in_both_languages(page, viewport):
    paths = build_paper()
    page.set_viewport_size(viewport)
    problems = []
    for prefix in ("", "/ru"):
        for path in paths:
            page.goto(prefix + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > viewport["width"]:
                problems.append(f"{prefix}{path} is {width}px wide")
            problems.extend(f"{prefix}{path}: {v}" for v in axe_violations(page))
    assert not problems, "\n".join(problems)


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


def test_gallery_photo_opens_in_the_viewer_and_goes_on_with_keys_and_swipes(page):
    article = build_paper()[1]
    page.set_viewport_size(PHONE)
    page.goto(article)
    links = page.locator(".photo-strip__link")
    originals = [links.nth(n).get_attribute("href") for n in range(links.count())]

    links.first.click()
    viewer = page.locator("dialog.viewer")
    assert viewer.is_visible()
    assert viewer.locator(".viewer__count").inner_text() == f"1. foto no {len(originals)}"
    assert viewer.locator(".viewer__credit").inner_text() == "Jura Rogas foto"
    assert viewer.locator(".viewer__original").get_attribute("href").endswith(originals[0])
    assert not axe_violations(page)

    page.keyboard.press("ArrowRight")
    assert viewer.locator(".viewer__count").inner_text() == f"2. foto no {len(originals)}"
    assert viewer.locator(".viewer__image").get_attribute("src").endswith(originals[1])
    page.keyboard.press("ArrowLeft")
    assert viewer.locator(".viewer__count").inner_text().startswith("1. ")

    box = viewer.locator(".viewer__stage").bounding_box()
    middle = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.8, middle)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.2, middle)
    page.mouse.up()
    assert viewer.locator(".viewer__count").inner_text().startswith("2. ")

    page.keyboard.press("Escape")
    assert not viewer.is_visible()
    # The dialog's "close" event, which moves the focus, comes in a task after it closed;
    # until then the browser has put the focus back on the photo that opened it.
    expect(links.nth(1)).to_be_focused()
    assert page.evaluate("document.activeElement.href").endswith(originals[1])


def test_gallery_photos_are_plain_links_without_javascript(browser, live_server):
    article = build_paper()[1]
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(article)
        href = tab.locator(".photo-strip__link").first.get_attribute("href")
        tab.locator(".photo-strip__link").first.click()
        assert tab.url.endswith(href)
    finally:
        context.close()


def test_axe_finds_what_it_should(page):
    """The sweep above can fail: axe reports a photo without alternative text as critical."""
    page.set_content('<html lang="lv"><title>x</title><main><img src="/x.jpg"></main></html>')
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]
