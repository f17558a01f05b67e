"""An editor's unsaved article is not lost when the session expires mid-edit: the browser
keeps a copy, and after logging in again the form offers it back (js/draft-autosave.js)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from news.models import Article
from tests.factories import make_section
from tests.gallery.factories import make_photo
from tests.journeys.conftest import log_in, watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Novada dome lemj par jauno skolu"
BODY = "Deputāti balsos ceturtdien."
KEPT_A_COPY = "() => Object.keys(localStorage).some(key => key.startsWith('vestis:draft:'))"


def test_article_typed_before_the_session_expired_is_restored_after_logging_in(
    page, django_user_model
):
    editor = django_user_model.objects.create_user(
        "redaktore", password="Latgale-2024!", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Redaktori"))
    make_section(name_lv="Novads", slug="novads")
    make_photo(title_lv="Skolas ēka")
    seen = watch(page)
    log_in(page, "redaktore", "Latgale-2024!")
    page.goto("/admin/news/article/add/")
    page.locator("#id_title_lv").press_sequentially(TITLE)
    page.locator("#id_section").select_option(label="Novads")
    page.locator(".field-body_lv [contenteditable=true]").click()
    page.keyboard.type(BODY)
    page.locator(".field-main_photo .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill("skola")
    page.get_by_role("option", name=re.compile("Skolas ēka")).click()
    page.wait_for_function(KEPT_A_COPY)

    Session.objects.all().delete()  # the session expires while the editor is still typing
    page.get_by_role("button", name="Saglabāt", exact=True).click()

    expect(page.get_by_role("button", name="Pieteikties")).to_be_visible()
    assert not Article.objects.exists()
    page.get_by_label("Lietotājvārds").fill("redaktore")
    page.get_by_label("Parole").fill("Latgale-2024!")
    page.get_by_role("button", name="Pieteikties").click()

    expect(page).to_have_url(re.compile(r"/admin/news/article/add/$"))
    expect(page.locator("#id_title_lv")).to_have_value("")
    notice = page.get_by_role("alert").filter(has_text="netika saglabātas")
    notice.get_by_role("button", name="Atjaunot").click()
    expect(notice).to_be_hidden()
    expect(page.locator("#id_title_lv")).to_have_value(TITLE)
    expect(page.locator("#id_slug")).to_have_value("novada-dome-lemj-par-jauno-skolu")
    expect(page.locator(".field-body_lv [contenteditable=true]")).to_have_text(BODY)
    expect(page.locator(".field-main_photo .select2-selection")).to_contain_text("Skolas ēka")
    page.get_by_role("button", name="Saglabāt", exact=True).click()

    expect(page.locator(".messagelist .success")).to_contain_text("sekmīgi pievienots")
    article = Article.objects.get()
    assert (article.title_lv, article.body_lv) == (TITLE, f"<p>{BODY}</p>")
    assert article.main_photo.title_lv == "Skolas ēka"
    # A confirmed save leaves no copy behind. The list page drops it once its script has
    # run, which may be a moment after the success message is already on screen.
    page.wait_for_function(f"() => !({KEPT_A_COPY})()")
    page.goto("/admin/news/article/add/")
    expect(page.locator("#draft-notice")).to_be_hidden()
    seen.assert_clean()
