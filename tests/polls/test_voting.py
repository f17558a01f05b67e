"""The vote: one per reader, refused clearly in the reader's language, nothing kept on bad input."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from polls.models import Vote
from polls.views import VOTER_COOKIE
from tests.polls.factories import make_closed_poll, make_poll, make_scheduled_poll

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def main(html):
    """The page's main column, without the sidebar's cache-friendly (token-less) form."""
    return html.split('<main id="content"')[1].split("</main>")[0]


def vote(client, poll, choice, language="lv", **extra):
    with translation.override(language):
        url = reverse("polls:vote", kwargs={"slug": poll.slug})
    return client.post(url, {"choice": getattr(choice, "pk", choice), "next": "/"}, **extra)


def test_vote_is_counted_and_the_reader_goes_back_to_the_results(client):
    poll = make_poll()
    yes = poll.choices.first()

    response = vote(client, poll, yes)

    assert response.status_code == 302
    assert response["Location"] == "/#poll-widget-results"
    assert list(Vote.objects.values_list("choice", flat=True)) == [yes.pk]
    page = client.get(response["Location"]).text
    assert "Paldies! Jūsu balss ir saskaitīta." in page
    assert "100&nbsp;% (1 balss)" in page


def test_voter_cookie_is_signed_long_lived_and_hidden_from_scripts(client):
    poll = make_poll()
    cookie = vote(client, poll, poll.choices.first()).cookies[VOTER_COOKIE]

    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] >= 365 * 24 * 60 * 60
    assert Vote.objects.get().voter == "browser:" + cookie.value.split(":")[0]


def test_a_second_vote_from_the_same_browser_is_refused_in_latvian(client):
    poll = make_poll()
    yes, no = poll.choices.all()
    vote(client, poll, yes)

    response = vote(client, poll, no)

    assert response.status_code == 409
    assert "Jūsu balss šajā aptaujā jau ir saskaitīta." in response.text
    assert list(Vote.objects.values_list("choice", flat=True)) == [yes.pk]


def test_a_second_vote_is_refused_in_russian_on_russian_pages(client):
    poll = make_poll()
    vote(client, poll, poll.choices.first(), language="ru")

    response = vote(client, poll, poll.choices.last(), language="ru", **JSON)

    assert response.status_code == 409
    assert response.json()["message"] == "Ваш голос в этом опросе уже учтён."
    assert Vote.objects.count() == 1


def test_a_logged_in_reader_votes_once_whatever_the_browser(django_user_model):
    user = django_user_model.objects.create_user("lasitajs", password="x")
    poll = make_poll()
    first, second = Client(), Client()
    first.force_login(user)
    second.force_login(user)

    assert vote(first, poll, poll.choices.first()).status_code == 302
    assert vote(second, poll, poll.choices.last()).status_code == 409
    assert Vote.objects.get().voter == f"user:{user.pk}"


def test_a_forged_voter_cookie_counts_as_a_new_browser(client):
    poll = make_poll()
    client.cookies[VOTER_COOKIE] = "browser-id-without-signature"

    assert vote(client, poll, poll.choices.first()).status_code == 302
    assert Vote.objects.get().voter != "browser:browser-id-without-signature"


def test_javascript_gets_the_fresh_results_as_json(client):
    poll = make_poll()

    response = vote(client, poll, poll.choices.first(), **JSON)

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    data = response.json()
    assert data["message"] == "Paldies! Jūsu balss ir saskaitīta."
    assert "Kopā: 1 balss" in data["results_html"]


def test_a_vote_on_a_closed_poll_is_refused_with_its_results(client):
    poll = make_closed_poll()

    response = vote(client, poll, poll.choices.first())

    assert response.status_code == 403
    assert "Šī aptauja ir noslēgusies." in response.text
    assert "Kopā: 0 balsu" in response.text
    assert not Vote.objects.exists()


def test_a_vote_on_a_poll_not_yet_open_finds_nothing(client):
    poll = make_scheduled_poll()
    assert vote(client, poll, poll.choices.first()).status_code == 404
    assert not Vote.objects.exists()


def test_an_editor_previewing_a_scheduled_poll_cannot_vote_in_it(admin_client):
    poll = make_scheduled_poll()

    response = vote(admin_client, poll, poll.choices.first(), **JSON)

    assert response.status_code == 403
    assert response.json()["message"] == "Šī aptauja vēl nav sākusies."
    assert not Vote.objects.exists()


@pytest.mark.parametrize("choice", ["", "abc", "1.5", "-1", "999999999"])
def test_a_missing_or_unknown_answer_gives_the_form_again_with_a_message(client, choice):
    poll = make_poll()

    response = vote(client, poll, choice)

    assert response.status_code == 400
    assert "Izvēlieties vienu no atbildēm." in response.text
    assert 'name="choice"' in main(response.text)
    assert TOKEN.search(main(response.text))  # a personal page: no confirmation needed
    assert not Vote.objects.exists()


def test_two_answers_in_one_vote_are_refused_and_nothing_is_counted(client):
    """`choice=1&choice=2` used to count as a vote for the last answer."""
    poll = make_poll()
    first, second = poll.choices.all()[:2]
    url = reverse("polls:vote", kwargs={"slug": poll.slug})

    response = client.post(url, {"choice": [first.pk, second.pk], "next": "/"})
    as_json = client.post(url, {"choice": [first.pk, first.pk]}, **JSON)

    assert response.status_code == as_json.status_code == 400
    assert "Izvēlieties vienu no atbildēm." in main(response.text)
    assert as_json.json()["message"] == "Izvēlieties vienu no atbildēm."
    assert not Vote.objects.exists()


def test_another_polls_answer_is_refused(client):
    poll, other = make_poll(), make_poll()

    response = vote(client, poll, other.choices.first(), **JSON)

    assert response.status_code == 400
    assert response.json() == {"message": "Izvēlieties vienu no atbildēm.", "results_html": ""}
    assert not Vote.objects.exists()


def test_a_post_without_any_answer_field_is_refused(client):
    poll = make_poll()
    response = client.post(reverse("polls:vote", kwargs={"slug": poll.slug}))
    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_the_vote_address_answers_get_with_405(client):
    poll = make_poll()
    response = client.get(reverse("polls:vote", kwargs={"slug": poll.slug}))
    assert response.status_code == 405
    assert not Vote.objects.exists()


def test_a_vote_without_a_csrf_token_stores_nothing_and_asks_to_confirm():
    poll = make_poll()
    no = poll.choices.last()
    client = Client(enforce_csrf_checks=True)

    response = vote(client, poll, no)

    assert response.status_code == 403
    assert not Vote.objects.exists()
    html = response.text
    assert "Lūdzu, apstipriniet savu balsi: nekas vēl nav saskaitīts." in html
    assert f'value="{no.pk}" required checked' in html
    assert TOKEN.search(main(html))


def test_the_confirmation_page_lets_a_reader_without_javascript_vote():
    poll = make_poll()
    client = Client(enforce_csrf_checks=True)
    vote(client, poll, poll.choices.last())
    token = client.cookies["csrftoken"].value

    response = client.post(
        reverse("polls:vote", kwargs={"slug": poll.slug}),
        {"choice": poll.choices.last().pk, "next": "/", "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 302
    assert Vote.objects.get().choice == poll.choices.last()


def test_other_forms_keep_the_sites_own_csrf_failure_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("news:front_page"))
    assert response.status_code == 403
    assert "Veidlapas derīgums ir beidzies" in response.text


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_the_page_to_go_back_to_must_be_on_this_site(client, next_url):
    poll = make_poll()
    url = reverse("polls:vote", kwargs={"slug": poll.slug})

    response = client.post(url, {"choice": poll.choices.first().pk, "next": next_url})

    assert response["Location"] == poll.get_absolute_url() + "#poll-widget-results"


def test_the_reader_goes_back_to_the_page_of_another_language(client):
    poll = make_poll()
    url = reverse("polls:vote", kwargs={"slug": poll.slug})

    response = client.post(url, {"choice": poll.choices.first().pk, "next": "/ru/?page=2"})

    assert response["Location"] == "/ru/?page=2#poll-widget-results"


def test_too_many_votes_from_one_address_are_refused(client, settings):
    settings.POLL_VOTES_PER_ADDRESS = 1
    poll = make_poll()
    vote(Client(), poll, poll.choices.first())

    response = vote(client, poll, poll.choices.first(), **JSON)

    assert response.status_code == 429
    assert "No jūsu tīkla adreses" in response.json()["message"]
    assert Vote.objects.count() == 1


def test_behind_a_trusted_proxy_the_address_comes_from_x_forwarded_for(client, settings):
    settings.POLL_VOTES_PER_ADDRESS = 1
    settings.TRUSTED_PROXY_COUNT = 1
    poll = make_poll()
    # What the client wrote itself (the left entry) is ignored; nginx appended the right one.
    first = vote(Client(), poll, poll.choices.first(), HTTP_X_FORWARDED_FOR="1.1.1.1, 192.0.2.1")
    second = vote(client, poll, poll.choices.first(), HTTP_X_FORWARDED_FOR="2.2.2.2, 192.0.2.2")
    third = vote(Client(), poll, poll.choices.first(), HTTP_X_FORWARDED_FOR="3.3.3.3, 192.0.2.1")

    assert (first.status_code, second.status_code, third.status_code) == (302, 302, 429)
    assert Vote.objects.filter(address_hash=poll.address_hash("192.0.2.1")).count() == 1


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, settings):
    settings.POLL_VOTES_PER_ADDRESS = 1
    settings.TRUSTED_PROXY_COUNT = 0
    poll = make_poll()
    vote(Client(), poll, poll.choices.first(), HTTP_X_FORWARDED_FOR="192.0.2.1")

    response = vote(client, poll, poll.choices.first(), HTTP_X_FORWARDED_FOR="192.0.2.2")

    assert response.status_code == 429


def test_a_poll_that_closed_a_moment_ago_refuses_a_vote_from_a_cached_page(client):
    poll = make_poll(opens_at=timezone.now() - datetime.timedelta(days=1))
    poll.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    poll.save()

    assert vote(client, poll, poll.choices.first(), **JSON).status_code == 403


def test_a_vote_sent_again_with_its_form_key_is_counted_once_and_answered_counted():
    """The first answer was lost (a database restart between the commit and the reply):
    the reader's retry carries the same key and learns that the vote counted."""
    poll = make_poll()
    yes = poll.choices.first()
    key = Client().get(reverse("polls:poll_state", kwargs={"slug": poll.slug})).json()["vote_key"]
    first, retry = Client(), Client()  # the retry has no cookie: the first reply never came
    url = reverse("polls:vote", kwargs={"slug": poll.slug})

    first.post(url, {"choice": yes.pk, "vote_key": key}, **JSON)
    response = retry.post(url, {"choice": yes.pk, "vote_key": key}, **JSON)

    assert response.status_code == 200
    assert response.json()["message"] == "Paldies! Jūsu balss ir saskaitīta."
    assert Vote.objects.count() == 1
    assert retry.cookies[VOTER_COOKIE].value == first.cookies[VOTER_COOKIE].value


def test_each_shown_form_gets_a_key_of_its_own(client):
    poll = make_poll()
    state = reverse("polls:poll_state", kwargs={"slug": poll.slug})
    keys = {client.get(state).json()["vote_key"] for _ in range(2)}
    confirm = Client(enforce_csrf_checks=True).post(
        reverse("polls:vote", kwargs={"slug": poll.slug}), {"choice": poll.choices.first().pk}
    )

    assert len(keys) == 2 and all(re.fullmatch(r"[0-9a-f]{32}", key) for key in keys)
    assert re.search(r'name="vote_key" value="[0-9a-f]{32}"', main(confirm.text))
    assert not Vote.objects.exists()


def test_a_damaged_form_key_still_counts_the_vote(client):
    poll = make_poll()
    url = reverse("polls:vote", kwargs={"slug": poll.slug})
    response = client.post(url, {"choice": poll.choices.first().pk, "vote_key": "x" * 40}, **JSON)
    assert response.status_code == 200 and Vote.objects.count() == 1
