"""The reader's journey through one morning's paper: the front page, an article, a day of
the calendar, the photo of the day, a name-day look-up, a vote and the poll's results."""

import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from playwright.sync_api import expect

from namedays.models import NameDay
from polls.models import Vote
from tests.factories import make_article, make_section
from tests.gallery.factories import make_photo
from tests.journeys.conftest import watch
from tests.polls.factories import make_poll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

THURSDAY_MORNING = datetime.datetime.fromisoformat("2024-11-14T10:00:00+02:00")
TITLE = "Krāslavā atklāj jauno tiltu"
QUESTION = "Vai Krāslavā vajag jaunu peldbaseinu?"


@pytest.fixture
def morning_paper():
    """What the paper holds on Thursday morning, 14 November 2024."""
    call_command("load_namedays", verbosity=0)
    section = make_section(name_lv="Novads", slug="novads")
    make_article(
        section=section,
        title_lv=TITLE,
        lead_lv="Tilts pār Daugavu ir gatavs.",
        published_at=THURSDAY_MORNING - datetime.timedelta(hours=2),
        main_photo=make_photo(title_lv="Jaunais tilts", alt_text_lv="Tilts pār Daugavu"),
    )
    make_article(
        section=section,
        title_lv="Rudens tirgus pulcē pircējus",
        published_at=THURSDAY_MORNING - datetime.timedelta(days=2),
    )
    make_photo(
        title_lv="Miglains rīts pie Daugavas",
        credit_lv="Jura Rogas foto",
        shown_on=THURSDAY_MORNING.date(),
    )
    make_poll(question_lv=QUESTION, choices=["Jā", "Nē"], opens_at=THURSDAY_MORNING)


def test_reader_reads_browses_looks_up_a_name_day_and_votes(page, morning_paper):
    seen = watch(page)
    with time_machine.travel(THURSDAY_MORNING + datetime.timedelta(minutes=5), tick=True):
        page.goto("/")
        header = page.get_by_role("banner")
        expect(header).to_contain_text("ceturtdiena, 14. novembris, 2024")
        names = NameDay.objects.today().traditional_names
        expect(header.get_by_role("link", name=", ".join(names))).to_be_visible()

        page.get_by_role("main").get_by_role("link", name=TITLE).first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(page.locator(".article__photo img")).to_have_attribute("alt", "Tilts pār Daugavu")

        calendar = page.get_by_role("region", name="Arhīvs")
        expect(calendar).to_contain_text("Novembris - 2024")
        calendar.get_by_role("link", name="12", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("otrdiena, 12. novembris, 2024")
        expect(page.get_by_role("main")).to_contain_text("Rudens tirgus pulcē pircējus")

        photo = page.get_by_role("region", name="Dienas foto")
        expect(photo).to_contain_text("ceturtdiena, 14.11.2024")
        photo.get_by_role("link", name="Miglains rīts pie Daugavas").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Miglains rīts pie Daugavas")
        expect(page.get_by_role("main")).to_contain_text("Jura Rogas foto")

        header.get_by_role("link", name=", ".join(names)).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("14. novembris")
        page.goto("/vardadienas/")
        main = page.get_by_role("main")
        main.get_by_label("Kam vārda diena? Ierakstiet vārdu").fill("Marcis")
        main.get_by_role("button", name="Meklēt").click()
        result = main.get_by_role("listitem").filter(has=page.get_by_role("link", name="Mārcis"))
        expect(result).to_contain_text("10. novembris")

        poll = page.get_by_role("region", name="Jauna aptauja")
        expect(poll).to_contain_text(QUESTION)
        poll.get_by_label("Jā").check()
        poll.get_by_role("button", name="Balsot").click()
        expect(poll.get_by_role("status")).to_have_text("Paldies! Jūsu balss ir saskaitīta.")
        expect(poll.get_by_text("Kopā: 1 balss")).to_be_visible()

        poll.get_by_role("link", name="Rezultāti").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION)
        results = page.locator("#poll-results")
        expect(results.get_by_role("listitem").filter(has_text="Jā")).to_contain_text(
            re.compile(r"100\s%\s\(1 balss\)")
        )
        expect(results).to_contain_text("Kopā: 1 balss")
    assert list(Vote.objects.values_list("choice__text_lv", flat=True)) == ["Jā"]
    seen.assert_clean()
