"""At 22:30 UTC Riga is already in the next day: the header's date and name days, the day
archive and the photo of the day all follow Riga, not the server's UTC clock (issue 20)."""

import datetime

import pytest
import time_machine

from namedays.models import Name, NameDay
from tests.factories import make_article
from tests.gallery.factories import make_photo

pytestmark = pytest.mark.django_db

# Thursday 14 November 2024, 00:30 in Riga; in UTC still Wednesday the 13th.
HALF_PAST_TEN_UTC = datetime.datetime(2024, 11, 13, 22, 30, tzinfo=datetime.UTC)


@pytest.fixture
def two_days(media_root):
    """Wednesday's and Thursday's name days and articles; photos of the day for
    Wednesday, Thursday and Friday."""
    for day, name in [(13, "Aivars"), (14, "Fricis")]:
        Name.objects.create(
            name_day=NameDay.objects.create(month=11, day=day), name=name, position=1
        )
    make_photo(shown_on=datetime.date(2024, 11, 13), title_lv="Trešdienas foto")
    make_photo(shown_on=datetime.date(2024, 11, 14), title_lv="Ceturtdienas foto")
    make_photo(shown_on=datetime.date(2024, 11, 15), title_lv="Piektdienas foto")
    make_article(
        title_lv="Vakara ziņa",
        published_at=datetime.datetime(2024, 11, 13, 21, 45, tzinfo=datetime.UTC),  # 23:45
    )
    make_article(
        title_lv="Pusnakts ziņa",
        published_at=datetime.datetime(2024, 11, 13, 22, 15, tzinfo=datetime.UTC),  # 00:15
    )


def between(html, start, end):
    begin = html.index(start)
    return html[begin : html.index(end, begin)]


@pytest.mark.usefixtures("two_days")
def test_the_header_shows_rigas_date_and_its_name_days(client):
    with time_machine.travel(HALF_PAST_TEN_UTC, tick=False):
        header = between(client.get("/").text, '<div class="masthead__today">', "</div>")

    assert '<time datetime="2024-11-14">ceturtdiena, 14. novembris, 2024</time>' in header
    assert "Fricis" in header and "Aivars" not in header


@pytest.mark.usefixtures("two_days")
def test_the_photo_of_the_day_is_rigas_thursday_photo(client):
    with time_machine.travel(HALF_PAST_TEN_UTC, tick=False):
        widget = between(client.get("/").text, 'class="widget photo-of-the-day"', "</section>")
        thursday = client.get("/dienas-foto/2024/11/14/")
        friday = client.get("/dienas-foto/2024/11/15/")

    assert "Ceturtdienas foto" in widget
    assert "Trešdienas foto" not in widget and "Piektdienas foto" not in widget
    assert thursday.status_code == 200 and "Ceturtdienas foto" in thursday.text
    assert friday.status_code == 404  # tomorrow's photo is not shown before its day


@pytest.mark.usefixtures("two_days")
def test_the_day_archive_files_an_article_under_rigas_date(client):
    with time_machine.travel(HALF_PAST_TEN_UTC, tick=False):
        wednesday = client.get("/zinas/2024/11/13/").text
        thursday = client.get("/zinas/2024/11/14/").text

    assert "Vakara ziņa" in wednesday and "Pusnakts ziņa" not in wednesday
    assert "Pusnakts ziņa" in thursday and "Vakara ziņa" not in thursday
