"""The editors' side: polls with their answers, read-only results, CSV, closing early."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from polls.models import Poll, Vote
from tests.polls.factories import make_closed_poll, make_poll, make_scheduled_poll, make_votes

pytestmark = pytest.mark.django_db


def test_changelist_shows_status_and_vote_totals(admin_client):
    poll = make_poll(question_lv="Vai jums garšo kartupeļi?")
    make_votes(poll.choices.first(), 4)
    make_closed_poll()
    make_scheduled_poll()

    response = admin_client.get(reverse("admin:polls_poll_changelist"))

    assert response.status_code == 200
    html = response.text
    assert "Vai jums garšo kartupeļi?" in html
    assert '<td class="field-vote_total">4</td>' in html
    for status in ("atvērta", "noslēgusies", "ieplānota"):
        assert status in html


@pytest.mark.parametrize(("status", "expected"), [("open", 1), ("closed", 1), ("scheduled", 1)])
def test_changelist_filters_by_status(admin_client, status, expected):
    make_poll(), make_closed_poll(), make_scheduled_poll()
    response = admin_client.get(reverse("admin:polls_poll_changelist"), {"status": status})
    assert response.context["cl"].result_count == expected


def test_editor_adds_a_poll_with_its_answers(admin_client):
    now = timezone.localtime()
    data = {
        "question_lv": "Kur svinēsiet Jāņus?",
        "question_ru": "Где будете праздновать Лиго?",
        "slug": "kur-svinesiet-janus",
        "opens_at_0": now.strftime("%d.%m.%Y"),
        "opens_at_1": now.strftime("%H:%M:%S"),
        "closes_at_0": (now + datetime.timedelta(days=7)).strftime("%d.%m.%Y"),
        "closes_at_1": now.strftime("%H:%M:%S"),
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-0-text_lv": "Laukos",
        "choices-0-position": "1",
        "choices-1-text_lv": "Pilsētā",
        "choices-1-position": "2",
    }

    response = admin_client.post(reverse("admin:polls_poll_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    poll = Poll.objects.get()
    assert poll.question_ru == "Где будете праздновать Лиго?"
    assert [c.text for c in poll.choices.all()] == ["Laukos", "Pilsētā"]


def test_change_page_shows_read_only_results_and_votes_per_day(admin_client):
    poll = make_poll(
        opens_at=timezone.now() - datetime.timedelta(days=3), choices=["Jā", "Nē", "Nezinu"]
    )
    yes, no, _unsure = poll.choices.all()
    with time_machine.travel("2024-11-12T10:00:00+00:00", tick=False):
        make_votes(yes, 2)
    with time_machine.travel("2024-11-13T10:00:00+00:00", tick=False):
        make_votes(no, 1)

    html = admin_client.get(reverse("admin:polls_poll_change", args=[poll.pk])).text

    assert "<tr><td>Jā</td><td>2</td><td>67&nbsp;%</td><td>0</td><td>0</td><td>0</td></tr>" in html
    assert "<tr><td>Nē</td><td>1</td><td>33&nbsp;%</td><td>0</td><td>0</td><td>0</td></tr>" in html
    assert (
        "<tr><td>Nezinu</td><td>0</td><td>0&nbsp;%</td><td>0</td><td>0</td><td>0</td></tr>" in html
    )
    assert '<th scope="row">balsu kopā</th><td>3</td>' in html
    assert '<time datetime="2024-11-12">otrdiena, 12.11.2024</time></td><td>2</td>' in html
    assert '<time datetime="2024-11-13">trešdiena, 13.11.2024</time></td><td>1</td>' in html
    assert 'name="results_table"' not in html  # shown, never a form field


def test_results_download_as_csv_for_a_spreadsheet(admin_client):
    poll = make_closed_poll(question_lv="Vai lasāt avīzi?", slug="vai-lasat", choices=["Jā", "Nē"])
    make_votes(poll.choices.first(), 3)
    make_votes(poll.choices.last(), 1)

    response = admin_client.get(reverse("admin:polls_poll_results_csv", args=[poll.pk]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="aptauja-vai-lasat.csv"' in response["Content-Disposition"]
    assert response.content.decode("utf-8").splitlines() == [
        "\ufeffaptauja;atbilde;balsis;procenti;balsu kopā;"
        "balsis: Latviešu;balsis: Krievu;balsis: Angļu",
        "Vai lasāt avīzi?;Jā;3;75;4;0;0;0",
        "Vai lasāt avīzi?;Nē;1;25;4;0;0;0",
    ]


def test_results_of_selected_polls_export_as_csv(admin_client):
    first, second = make_poll(), make_closed_poll()
    make_votes(first.choices.first(), 2)

    response = admin_client.post(
        reverse("admin:polls_poll_changelist"),
        {"action": "export_results", "_selected_action": [first.pk, second.pk]},
    )

    rows = response.content.decode("utf-8").splitlines()
    assert len(rows) == 1 + 2 + 2
    assert f"{first.question};Jā;2;100;2;0;0;0" in rows


def test_closing_a_poll_early_is_one_action(admin_client):
    poll, scheduled = make_poll(), make_scheduled_poll()

    response = admin_client.post(
        reverse("admin:polls_poll_changelist"),
        {"action": "close_now", "_selected_action": [poll.pk, scheduled.pk]},
        follow=True,
    )

    assert "Slēgta 1 aptauja." in response.text
    poll.refresh_from_db()
    scheduled.refresh_from_db()
    assert poll.status == Poll.Status.CLOSED
    assert scheduled.status == Poll.Status.SCHEDULED


def test_an_answer_with_votes_cannot_be_deleted_from_the_poll_form(admin_client):
    poll = make_poll(choices=["Jā"])
    yes = poll.choices.get()
    make_votes(yes, 1)
    now = timezone.localtime()
    data = {
        "question_lv": poll.question_lv,
        "slug": poll.slug,
        "opens_at_0": poll.opens_at.astimezone(now.tzinfo).strftime("%d.%m.%Y"),
        "opens_at_1": poll.opens_at.astimezone(now.tzinfo).strftime("%H:%M:%S"),
        "closes_at_0": poll.closes_at.astimezone(now.tzinfo).strftime("%d.%m.%Y"),
        "closes_at_1": poll.closes_at.astimezone(now.tzinfo).strftime("%H:%M:%S"),
        "choices-TOTAL_FORMS": "1",
        "choices-INITIAL_FORMS": "1",
        "choices-0-id": yes.pk,
        "choices-0-poll": poll.pk,
        "choices-0-text_lv": "Jā",
        "choices-0-position": "0",
        "choices-0-DELETE": "on",
    }

    response = admin_client.post(reverse("admin:polls_poll_change", args=[poll.pk]), data)

    assert response.status_code == 200  # the form again, with the reason
    (formset,) = [inline.formset for inline in response.context["inline_admin_formsets"]]
    assert "aizsargātus saistītos objektus" in str(formset.non_form_errors())
    assert poll.choices.exists() and Vote.objects.count() == 1


def test_votes_are_visible_but_cannot_be_added_changed_or_deleted(admin_client):
    poll = make_poll()
    (vote,) = make_votes(poll.choices.first(), 1)

    assert admin_client.get(reverse("admin:polls_vote_changelist")).status_code == 200
    change = admin_client.get(reverse("admin:polls_vote_change", args=[vote.pk]))
    assert 'class="closelink">Aizvērt</a>' in change.text  # view only: no save buttons
    assert admin_client.get(reverse("admin:polls_vote_add")).status_code == 403
    assert admin_client.post(reverse("admin:polls_vote_delete", args=[vote.pk])).status_code == 403
    assert Vote.objects.count() == 1


def test_admin_pages_need_a_login(client):
    poll = make_poll()
    response = client.get(reverse("admin:polls_poll_results_csv", args=[poll.pk]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_results_break_the_votes_down_by_the_language_the_reader_voted_in(admin_client):
    """One tally for readers; for editors, how Latvian and Russian readers voted."""
    poll = make_poll(question_lv="Vai brauksiet uz svētkiem?", slug="svetki", choices=["Jā", "Nē"])
    yes, no = poll.choices.all()
    for path, choice in [("/", yes), ("/", yes), ("/ru/", no), ("/ru/", yes)]:
        Client().post(f"{path.rstrip('/')}/aptaujas/svetki/balsot/", {"choice": choice.pk})

    html = admin_client.get(reverse("admin:polls_poll_change", args=[poll.pk])).text
    csv = admin_client.get(reverse("admin:polls_poll_results_csv", args=[poll.pk]))

    assert '<th scope="col">balsis: Latviešu</th><th scope="col">balsis: Krievu</th>' in html
    assert "<tr><td>Jā</td><td>3</td><td>75&nbsp;%</td><td>2</td><td>1</td><td>0</td></tr>" in html
    assert "<tr><td>Nē</td><td>1</td><td>25&nbsp;%</td><td>0</td><td>1</td><td>0</td></tr>" in html
    assert csv.content.decode().splitlines()[1:] == [
        "Vai brauksiet uz svētkiem?;Jā;3;75;4;2;1;0",
        "Vai brauksiet uz svētkiem?;Nē;1;25;4;0;1;0",
    ]
