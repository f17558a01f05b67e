"""The newsroom's day (issue 14), in a real browser under the site's CSP: a journalist
writes a bilingual article in the language tabs, uploads a twelve-photo gallery in one go
and submits it for review; the editor sees it waiting, compares a later change with the
version before, publishes it and corrects it with a note; a reader sees the publication
hour, "Atjaunots" and the note. (A journalist publishing by a direct POST is refused:
tests/news/test_roles.py.)"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from news.models import Article
from tests.conftest import browser_tab
from tests.factories import make_section
from tests.gallery.factories import jpeg_bytes
from tests.journeys.conftest import language_tab, log_in, watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Krāslavā svin pilsētas svētkus"
MESSAGES = ".messagelist:not(#draft-notice)"  # the admin's, not the unsaved-draft notice


def twelve_photos(folder):
    folder.mkdir()
    paths = []
    for number in range(1, 13):
        path = folder / f"svetki-{number:02}.jpg"
        path.write_bytes(jpeg_bytes(width=640 + number, height=480))
        paths.append(path)
    return paths


def test_the_newsrooms_day(
    request, browser, live_server, page, reader, journalist, editor, tmp_path
):
    make_section(name_lv="Novads", name_ru="Край", slug="novads")
    journalist_tab, reader_tab = watch(page), watch(reader)

    # The journalist writes in both languages, one tab at a time.
    log_in(page, "zurnaliste", "Latgale-2024!")
    page.goto("/admin/news/article/add/")
    page.locator("#id_title_lv").fill(TITLE)
    page.locator("#id_section").select_option(label="Novads")
    page.locator("#id_lead_lv").fill("Svētkos piedalās viss novads.")
    page.locator(".field-body_lv [contenteditable=true]").click()
    page.keyboard.type("Pilsētas svētki sākas ar gājienu.")
    language_tab(page, "title", "ru").click()
    page.locator("#id_title_ru").fill("Краслава празднует день города")
    language_tab(page, "lead", "ru").click()
    page.locator("#id_lead_ru").fill("В празднике участвует весь край.")
    language_tab(page, "body", "ru").click()
    page.locator(".field-body_ru [contenteditable=true]").click()
    page.keyboard.type("Праздник начинается с шествия.")
    page.locator("input[name=_continue]").click()
    expect(page.locator(MESSAGES)).to_contain_text("sekmīgi pievienots")
    article = Article.objects.get()
    assert article.title_ru == "Краслава празднует день города"

    # Twelve photos in one go, one credit for all; then a caption for the first.
    page.get_by_role("link", name="Augšupielādēt foto").click()
    page.locator("#id_files").set_input_files(twelve_photos(tmp_path / "foto"))
    page.locator("#id_credit").fill("Jura Rogas foto")
    page.get_by_role("button", name="Augšupielādēt").click()
    expect(page.locator(MESSAGES)).to_contain_text("12 foto augšupielādēti")
    expect(page.locator("fieldset.photo-texts")).to_have_count(12)
    page.locator("#id_form-0-caption_lv").fill("Gājiens Rīgas ielā")
    page.get_by_role("button", name="Saglabāt", exact=True).click()
    expect(page.locator(MESSAGES)).to_contain_text("Foto teksti saglabāti")
    photos = article.gallery_photos()
    assert len(photos) == 12
    assert {photo.credit_lv for photo in photos} == {"Jura Rogas foto"}
    assert photos[0].caption_lv == "Gājiens Rīgas ielā"

    page.get_by_role("button", name="Saglabāt un iesniegt pārskatīšanai").click()
    expect(page.locator(MESSAGES)).to_contain_text("sekmīgi")
    article.refresh_from_db()
    assert article.submitted_for_review_at and not article.is_published

    with browser_tab(request, browser, live_server, "-editor") as desk:
        editor_tab = watch(desk)
        # The editor sees it waiting, and changes the lead.
        log_in(desk, "redaktore", "Latgale-2024!")
        desk.get_by_role("link", name="Gaida pārskatīšanu: 1").click()
        desk.get_by_role("link", name=TITLE).click()
        desk.locator("#id_lead_lv").fill("Svētkos piedalās viss Krāslavas novads.")
        desk.locator("input[name=_continue]").click()
        expect(desk.locator(MESSAGES)).to_contain_text("sekmīgi")

        # What changed, against the journalist's version.
        desk.get_by_role("link", name="Vēsture").click()
        desk.get_by_role("link", name="Salīdzināt ar iepriekšējo versiju").last.click()
        expect(desk.locator(".revision-compare ins").first).to_have_text("Krāslavas")
        desk.go_back()
        desk.go_back()

        # Published now, then corrected with a note.
        desk.reload()
        desk.locator("#id_is_published").check()
        desk.locator(".field-published_at .datetimeshortcuts a", has_text="Šodien").click()
        desk.locator(".field-published_at .datetimeshortcuts a", has_text="Tagad").click()
        desk.locator("input[name=_continue]").click()
        expect(desk.locator(MESSAGES)).to_contain_text("sekmīgi")
        article.refresh_from_db()
        assert article.is_published and article.published_at <= timezone.now()

        desk.locator("#id_significant_change").check()
        desk.locator("#id_correction_lv").fill("Labots: gājiens sākas pulksten 11.")
        desk.locator("input[name=_continue]").click()
        expect(desk.locator(MESSAGES)).to_contain_text("sekmīgi")
        editor_tab.assert_clean()

    # The reader sees the hour, the update and the note, and the gallery.
    article.refresh_from_db()
    reader.goto(article.get_absolute_url())
    published = timezone.localtime(article.published_at).strftime("%d.%m.%Y %H:%M")
    expect(reader.locator(".article__date")).to_contain_text(f"Pievienots: {published}")
    expect(reader.locator(".article__revised")).to_contain_text("Atjaunots:")
    expect(reader.locator(".article__correction")).to_contain_text(
        "Labots: gājiens sākas pulksten 11."
    )
    expect(reader.locator("main")).to_contain_text(re.compile("Gājiens Rīgas ielā"))
    journalist_tab.assert_clean()
    reader_tab.assert_clean()
