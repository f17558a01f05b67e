"""The sidebar's month calendar, as the paper has it."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2024, 11, 14, 12, 0, tzinfo=datetime.UTC)


def calendar_html(client, path="/"):
    html = client.get(path).text
    return html[html.index('<section class="widget calendar"') :].split("</section>")[0]


def day_link(day):
    url = reverse("news:archive_day", kwargs={"day": day})
    return f'<a href="{url}">{day.day}</a>'


@time_machine.travel(TODAY, tick=False)
def test_month_without_articles_has_days_but_no_links(client):
    html = calendar_html(client)
    assert "Novembris - 2024" in html
    assert "/zinas/2024/11/" in html  # the month heading links to the month archive
    assert not re.search(r'href="/zinas/2024/11/\d+/"', html)


@time_machine.travel(TODAY, tick=False)
def test_days_with_articles_are_links_and_today_is_marked(client):
    make_article(published_at=datetime.datetime(2024, 11, 3, 10, tzinfo=datetime.UTC))

    html = calendar_html(client)

    assert day_link(datetime.date(2024, 11, 3)) in html
    assert re.search(r'calendar__today" aria-current="date">\s*14\s*</td>', html)


@time_machine.travel(TODAY, tick=False)
def test_weeks_start_on_monday_with_weekday_initials_in_the_readers_language(client):
    latvian = calendar_html(client)
    initials = re.findall(r'<abbr title="[^"]+">(\w)</abbr>', latvian)
    assert initials == list("POTCPSS")
    assert '<abbr title="pirmdiena">P</abbr>' in latvian

    russian = calendar_html(client, "/ru/")
    assert re.findall(r'<abbr title="[^"]+">(\w)</abbr>', russian) == list("ПВСЧПСВ")
    assert "Ноябрь - 2024" in russian

    # 1 November 2024 was a Friday: the first row has four empty cells before it.
    first_row = latvian.split("<tbody>")[1].split("</tr>")[0]
    assert first_row.count("calendar__other") == 4


@time_machine.travel(TODAY, tick=False)
def test_previous_month_is_linked_and_the_future_is_not(client):
    html = calendar_html(client)
    assert 'rel="prev" href="/zinas/2024/10/"' in html
    assert 'rel="next"' not in html


@time_machine.travel(TODAY, tick=False)
def test_archive_pages_show_the_calendar_of_their_month(client):
    make_article(published_at=datetime.datetime(2024, 10, 7, 10, tzinfo=datetime.UTC))

    html = calendar_html(client, "/zinas/2024/10/")

    assert "Oktobris - 2024" in html
    assert day_link(datetime.date(2024, 10, 7)) in html
    assert 'rel="next" href="/zinas/2024/11/"' in html
