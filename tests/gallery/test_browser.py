"""Issue 6, done when: an editor uploads a phone photo, schedules it as the photo of the day,
and readers see it upright in the sidebar on its day and not before."""

import re

import pytest
import time_machine
from playwright.sync_api import expect

from gallery.models import Photo
from news.models import ArticlePhoto
from tests.factories import make_article
from tests.gallery.factories import jpeg_bytes, make_photo, phone_photo_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.gallery.urls_with_media"),
]

MONDAY_MORNING = "2024-11-11T09:00:00+02:00"
TUESDAY_MORNING = "2024-11-12T07:30:00+02:00"

# Draws the loaded picture on a canvas and reads two corners' colours, as the reader sees them.
CORNERS = """img => {
  const canvas = document.createElement("canvas");
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const context = canvas.getContext("2d");
  context.drawImage(img, 0, 0);
  const pixel = (x, y) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3));
  return {left: pixel(2, 2), right: pixel(img.naturalWidth - 3, 2)};
}"""


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Lietotājvārds").fill(username)
    page.get_by_label("Parole").fill(password)
    page.get_by_role("button", name="Pieteikties").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def is_red(rgb):
    return rgb[0] > 200 and rgb[1] < 60 and rgb[2] < 60


def test_phone_photo_of_the_day_appears_upright_in_the_sidebar_on_its_day_only(
    page, browser, live_server, photo_editor
):
    reader = browser.new_context(base_url=live_server.url, locale="lv-LV").new_page()
    with time_machine.travel(MONDAY_MORNING, tick=True):
        log_in(page, "fotoredaktors", "Latgale-2024!")
        page.locator("tr.model-photo").get_by_role("link", name="Foto").click()
        page.get_by_role("link", name="Pievienot: foto").click()
        page.get_by_role("group", name="Attēls").locator("input[type=file]").set_input_files(
            {"name": "IMG_2048.jpg", "mimeType": "image/jpeg", "buffer": phone_photo_bytes()}
        )
        page.locator("#id_title_lv").fill("Miglains rīts pie Daugavas")
        page.locator("#id_alt_text_lv").fill("Migla virs Daugavas agrā rītā, krastā koki")
        page.locator("#id_credit_lv").fill("Jura Rogas foto")
        page.get_by_label("Dienas foto datumā").fill("12.11.2024")
        page.get_by_role("button", name="Saglabāt", exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text("sekmīgi pievienots")
        expect(page.locator("#result_list")).to_contain_text("Miglains rīts pie Daugavas")

        page.locator("#result_list").get_by_role("link", name="Miglains rīts pie Daugavas").click()
        page.get_by_role("link", name="Apskatīt lapā").click()
        expect(page.locator(".preview-banner")).to_contain_text("lasītāji to vēl neredz")

        reader.goto("/")
        expect(reader.locator(".sidebar")).to_be_visible()
        expect(reader.locator(".photo-of-the-day")).to_have_count(0)
        assert reader.goto("/dienas-foto/2024/11/12/").status == 404

    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (900, 1200)  # the raw pixel grid is 1200 × 900

    with time_machine.travel(TUESDAY_MORNING, tick=True):
        reader.goto("/")
        widget = reader.locator(".photo-of-the-day")
        expect(widget).to_contain_text("Dienas foto")
        expect(widget).to_contain_text("otrdiena, 12.11.2024")
        expect(widget).to_contain_text("Jura Rogas foto")
        image = widget.locator("img")
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        size = image.evaluate("img => [img.naturalWidth, img.naturalHeight, img.currentSrc]")
        assert size[1] > size[0], size  # portrait, as the phone was held
        assert size[2].endswith(".webp")
        corners = image.evaluate(CORNERS)
        assert is_red(corners["right"]) and not is_red(corners["left"]), corners

        widget.get_by_role("link", name="Miglains rīts pie Daugavas").click()
        expect(reader.get_by_role("heading", level=1)).to_have_text("Miglains rīts pie Daugavas")
        expect(reader.locator(".photo-day__figure")).to_contain_text("Jura Rogas foto")
    reader.context.close()


def test_article_gallery_works_without_javascript(browser, live_server):
    """The strip scrolls sideways by keyboard and each photo opens large, with scripts off."""
    article = make_article(title_lv="Svētki Krāslavā")
    for position, title in enumerate(["Gājiens", "Koncerts", "Salūts"]):
        photo = make_photo(jpeg_bytes(1600, 1067), title_lv=title, caption_lv=f"{title} laukumā")
        ArticlePhoto.objects.create(article=article, photo=photo, position=position)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})  # a phone

    page.goto(article.get_absolute_url())
    strip = page.get_by_role("list", name="Foto: ritiniet uz sāniem, lai redzētu vairāk")
    expect(strip.get_by_role("listitem")).to_have_count(3)
    expect(strip).to_contain_text("Gājiens laukumā")
    expect(strip).to_contain_text("Jura Rogas foto")
    strip.scroll_into_view_if_needed()
    strip.focus()
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    expect(strip).not_to_have_js_property("scrollLeft", 0)

    with page.expect_response(re.compile(r"-1600w\.jpg$")) as large:
        strip.get_by_role("link").last.click()
    assert large.value.status == 200
    assert large.value.headers["content-type"] == "image/jpeg"
    context.close()
