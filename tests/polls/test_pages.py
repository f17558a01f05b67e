"""What readers see: the sidebar widget on every page, the poll page, the archive, the state."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from polls.views import VOTER_COOKIE
from tests.polls.factories import (
    make_closed_poll,
    make_poll,
    make_scheduled_poll,
    make_votes,
)

pytestmark = pytest.mark.django_db

WIDGET = re.compile(r'<section class="widget poll.*?</section>', re.DOTALL)


def widget(html):
    return WIDGET.search(html)[0]


def test_sidebar_shows_the_current_poll_with_a_vote_form(client):
    poll = make_poll(question_lv="Vai Krāslavā vajag jaunu peldbaseinu?", choices=["Jā", "Nē"])

    html = widget(client.get("/").text)

    assert "Jauna aptauja" in html
    assert "Vai Krāslavā vajag jaunu peldbaseinu?" in html
    assert f'action="{reverse("polls:vote", kwargs={"slug": poll.slug})}"' in html
    assert html.count('type="radio" ') == 2
    assert '<input type="hidden" name="next" value="/">' in html
    assert '<button type="submit">Balsot</button>' in html


def test_sidebar_is_empty_without_any_started_poll(client):
    make_scheduled_poll()
    assert WIDGET.search(client.get("/").text) is None


def test_sidebar_shows_the_results_of_a_closed_poll_without_a_form(client):
    poll = make_closed_poll()
    make_votes(poll.choices.first(), 3)

    html = widget(client.get("/").text)

    assert "poll--closed" in html
    assert "<form" not in html
    assert "Kopā: 3 balsis" in html


def test_widget_html_is_the_same_for_every_reader_and_sets_no_cookie(django_user_model):
    """Pages can be cached: no per-reader token or state is baked into the widget."""
    poll = make_poll()
    voter = Client()
    voter.post(
        reverse("polls:vote", kwargs={"slug": poll.slug}), {"choice": poll.choices.first().pk}
    )
    editor = Client()
    editor.force_login(django_user_model.objects.create_user("redaktore"))
    new_reader = Client()

    responses = [c.get("/") for c in (new_reader, voter, editor)]

    assert len({widget(r.text) for r in responses}) == 1
    assert 'name="csrfmiddlewaretoken" value=""' in widget(responses[0].text)
    assert "csrftoken" not in responses[0].cookies
    assert VOTER_COOKIE not in responses[0].cookies


def test_widget_loads_its_script_from_this_site_without_inline_code(client):
    make_poll()
    html = client.get("/").text
    assert re.search(r'<script src="/static/js/polls\.js" defer></script>', html)
    assert "<script" not in widget(html) and " style=" not in widget(html)


def test_poll_page_shows_the_results_in_latvian(client):
    poll = make_closed_poll(question_lv="Kur pavadīsiet vasaru?", choices=["Mājās", "Jūrmalā"])
    make_votes(poll.choices.first(), 2)
    make_votes(poll.choices.last(), 1)

    response = client.get(poll.get_absolute_url())

    assert response.status_code == 200
    assert '<h1 class="poll__title" id="poll-question">Kur pavadīsiet vasaru?</h1>' in response.text
    assert "67&nbsp;% (2 balsis)" in response.text
    assert "33&nbsp;% (1 balss)" in response.text
    assert "Kopā: 3 balsis" in response.text
    assert '<meter class="poll-results__bar" min="0" max="100" value="67"' in response.text


def test_poll_page_shows_the_results_in_russian_falling_back_to_latvian(client):
    poll = make_closed_poll(
        question_lv="Kur pavadīsiet vasaru?",
        question_ru="Где вы проведёте лето?",
        choices=["Mājās"],
    )
    poll.choices.update(text_ru="Дома")
    make_poll(question_lv="Tikai latviski")
    make_votes(poll.choices.first(), 5)

    with translation.override("ru"):
        url = poll.get_absolute_url()
    html = client.get(url).text

    assert url.startswith("/ru/aptaujas/")
    assert "Где вы проведёте лето?" in html and "Дома" in html
    assert "100&nbsp;% (5 голосов)" in html
    assert "Всего: 5 голосов" in html
    assert "Tikai latviski" in html  # the sidebar's poll has no Russian text yet
    assert "Новый опрос" in html


def test_open_poll_page_has_a_vote_form_and_its_closing_time(client):
    poll = make_poll()
    html = client.get(poll.get_absolute_url()).text
    assert "Balsot var līdz" in html
    assert (
        f'<form class="poll__form" method="post" action="{poll.get_absolute_url()}balsot/">' in html
    )


def test_scheduled_poll_page_is_hidden_from_readers_but_not_from_editors(client, admin_client):
    poll = make_scheduled_poll()
    assert client.get(poll.get_absolute_url()).status_code == 404
    assert admin_client.get(poll.get_absolute_url()).status_code == 200


def test_unknown_poll_gives_404(client):
    assert client.get(reverse("polls:poll_detail", kwargs={"slug": "nav-tadas"})).status_code == 404


def test_archive_lists_open_polls_then_past_polls_with_their_totals(client):
    make_poll(question_lv="Vai ir vajadzīgs jauns tirgus?")
    old = make_closed_poll(question_lv="Kāds būs Jāņu laiks?")
    make_votes(old.choices.first(), 21)
    make_scheduled_poll(question_lv="Slepena nākotnes aptauja")

    html = client.get(reverse("polls:poll_list")).text

    assert html.index("Pašlaik notiek") < html.index("Vai ir vajadzīgs jauns tirgus?")
    assert html.index("Iepriekšējās aptaujas") < html.index("Kāds būs Jāņu laiks?")
    assert f'href="{old.get_absolute_url()}"' in html
    assert "21 balss" in html  # Latvian: 21 takes the singular
    assert "Slepena nākotnes aptauja" not in html


def test_archive_is_paginated_and_rejects_unknown_pages(client):
    for _ in range(21):
        make_closed_poll()
    url = reverse("polls:poll_list")

    second = client.get(url, {"page": 2})

    assert second.status_code == 200
    assert second.text.count('class="poll-list__item"') == 1
    assert "Pašlaik notiek" not in second.text
    assert client.get(url, {"page": 3}).status_code == 404
    assert client.get(url, {"page": "abc"}).status_code == 404


def test_archive_says_so_when_no_poll_has_closed(client):
    assert "Vēl nav noslēgusies neviena aptauja." in client.get(reverse("polls:poll_list")).text


def test_state_gives_a_new_reader_a_token_and_no_results(client):
    poll = make_poll()

    response = client.get(reverse("polls:poll_state", kwargs={"slug": poll.slug}))

    data = response.json()
    assert data["has_voted"] is False and data["is_open"] is True
    assert data["results_html"] == "" and data["message"] == ""
    assert data["csrf_token"]
    assert "csrftoken" in response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_state_gives_a_reader_who_voted_the_fresh_results(client):
    poll = make_poll()
    client.post(
        reverse("polls:vote", kwargs={"slug": poll.slug}), {"choice": poll.choices.first().pk}
    )
    make_votes(poll.choices.last(), 3)

    data = client.get(reverse("polls:poll_state", kwargs={"slug": poll.slug})).json()

    assert data["has_voted"] is True
    assert data["message"] == "Jūsu balss šajā aptaujā jau ir saskaitīta."
    assert "Kopā: 4 balsis" in data["results_html"]


def test_state_of_a_closed_poll_gives_its_results_to_everyone(client):
    poll = make_closed_poll()
    data = client.get(reverse("polls:poll_state", kwargs={"slug": poll.slug})).json()
    assert data["is_open"] is False
    assert data["message"] == "Šī aptauja ir noslēgusies."
    assert "Kopā: 0 balsu" in data["results_html"]


def test_state_of_a_scheduled_poll_is_not_found(client):
    poll = make_scheduled_poll()
    assert client.get(reverse("polls:poll_state", kwargs={"slug": poll.slug})).status_code == 404
