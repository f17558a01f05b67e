"""A reader votes from the sidebar in a real browser, with JavaScript and without it."""

import re

import pytest
from playwright.sync_api import expect

from polls.models import Vote
from tests.polls.factories import make_poll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Vai Krāslavā vajag jaunu peldbaseinu?"
THANKS = "Paldies! Jūsu balss ir saskaitīta."
ALREADY = "Jūsu balss šajā aptaujā jau ir saskaitīta."


@pytest.fixture
def page_without_javascript(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="lv-LV", java_script_enabled=False
    )
    yield context.new_page()
    context.close()


def test_reader_votes_from_the_sidebar_and_cannot_vote_again(page):
    make_poll(question_lv=QUESTION, choices=["Jā", "Nē"])
    page.goto("/")
    poll = page.get_by_role("region", name="Jauna aptauja")
    expect(poll.get_by_text(QUESTION)).to_be_visible()
    expect(poll.get_by_text("Kopā: 0 balsu")).to_be_hidden()

    poll.get_by_label("Jā").check()
    poll.get_by_role("button", name="Balsot").click()

    expect(poll.get_by_role("status")).to_have_text(THANKS)
    expect(poll.get_by_text("100 % (1 balss)")).to_be_visible()
    expect(poll.get_by_text("Kopā: 1 balss")).to_be_visible()
    expect(poll.get_by_role("button", name="Balsot")).to_be_hidden()
    expect(page).to_have_url(re.compile(r"/$"))  # no page load: updated in place

    page.reload()
    expect(poll.get_by_role("status")).to_have_text(ALREADY)
    expect(poll.get_by_text("Kopā: 1 balss")).to_be_visible()

    # The (hidden) form sent once more from this browser is refused by the server.
    with page.expect_response(re.compile(r"/balsot/$")) as answer:
        page.evaluate(
            "const form = document.querySelector('.poll__form');"
            "form.elements.choice[1].checked = true; form.requestSubmit();"
        )
    assert answer.value.status == 409
    expect(poll.get_by_role("status")).to_have_text(ALREADY)
    assert list(Vote.objects.values_list("choice__text_lv", flat=True)) == ["Jā"]


def test_reader_without_javascript_confirms_the_vote_once_and_cannot_vote_again(
    page_without_javascript,
):
    page = page_without_javascript
    make_poll(question_lv=QUESTION, choices=["Jā", "Nē"])
    page.goto("/")
    page.get_by_role("region", name="Jauna aptauja").get_by_label("Nē").check()
    page.get_by_role("region", name="Jauna aptauja").get_by_role("button", name="Balsot").click()

    # The cached-page form carried no token: nothing counted yet, the vote is repeated.
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(QUESTION)
    expect(main.get_by_role("alert")).to_contain_text("Lūdzu, apstipriniet savu balsi")
    expect(main.get_by_label("Nē")).to_be_checked()
    assert not Vote.objects.exists()
    main.get_by_role("button", name="Balsot").click()

    expect(page).to_have_url(re.compile(r"/#poll-widget-results$"))
    expect(page.get_by_role("main").get_by_role("status")).to_have_text(THANKS)
    poll = page.get_by_role("region", name="Jauna aptauja")
    expect(poll.get_by_text("Kopā: 1 balss")).to_be_visible()
    expect(poll.get_by_role("button", name="Balsot")).to_be_hidden()

    page.goto("/")
    poll.get_by_label("Jā").check()
    poll.get_by_role("button", name="Balsot").click()
    page.get_by_role("main").get_by_role("button", name="Balsot").click()

    expect(page.get_by_role("main").get_by_role("alert")).to_have_text(ALREADY)
    expect(page.get_by_role("main").get_by_text("Kopā: 1 balss")).to_be_visible()
    assert list(Vote.objects.values_list("choice__text_lv", flat=True)) == ["Nē"]
