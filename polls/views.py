"""Reader pages of the polls (archive, poll page), the vote, and the widget's live state.

Cache-friendly by design (issue 5): the poll forms in pages hold no per-reader CSRF token,
so a page is the same for every reader and can be cached. polls.js fetches `poll_state`
(never cached) for a fresh token and this reader's state, then votes in place. Without
JavaScript the form is posted without a token; `confirm_vote` stores nothing, answers 403
and repeats the reader's vote on a page that carries a token: one more click to vote.
"""

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from config.http import client_address
from config.pagination import paginate
from polls.forms import CHOOSE_AN_ANSWER, VoteForm
from polls.models import Poll, VoteRefused

PER_PAGE = 20
VOTER_COOKIE = "poll_voter"
VOTER_COOKIE_SALT = "polls.voter"
VOTER_COOKIE_MAX_AGE = 5 * 365 * 24 * 60 * 60
RESULTS_ANCHOR = "#poll-widget-results"  # the widget's results; CSS shows them when targeted
REFUSAL_STATUS = {
    VoteRefused.NOT_OPEN: 403,
    VoteRefused.CLOSED: 403,
    VoteRefused.ALREADY_VOTED: 409,
    VoteRefused.ADDRESS_LIMIT: 429,
}


@never_cache  # live vote totals: never from a cache
@require_safe
def poll_list(request):
    """The open polls, then the archive of closed ones, newest first."""
    page = paginate(request, Poll.objects.closed().for_listing(), PER_PAGE)
    open_polls = Poll.objects.open().for_listing() if page.number == 1 else []
    return render(request, "polls/poll_list.html", {"page_obj": page, "open_polls": open_polls})


@never_cache  # live results: never from a cache
@require_safe
def poll_detail(request, slug):
    poll = get_object_or_404(Poll.objects.for_reader(request.user), slug=slug)
    context = {"poll": poll, "results": poll.results(), "next": request.get_full_path()}
    return render(request, "polls/poll_detail.html", context)


@never_cache
@require_safe
def poll_state(request, slug):
    """For polls.js: a fresh CSRF token, whether this reader has voted, and the current
    results when the reader should see them (after voting, or once the poll has closed)."""
    poll = get_object_or_404(Poll.objects.started(), slug=slug)
    voter = known_voter(request)
    has_voted = voter is not None and poll.has_vote_from(voter)
    message = ""
    if has_voted:
        message = VoteRefused.messages[VoteRefused.ALREADY_VOTED]
    elif not poll.is_open:
        message = VoteRefused.messages[VoteRefused.CLOSED]
    show_results = has_voted or not poll.is_open
    return JsonResponse(
        {
            "csrf_token": get_token(request),
            "vote_key": uuid.uuid4().hex,
            "is_open": poll.is_open,
            "has_voted": has_voted,
            "message": str(message),
            "results_html": results_html(request, poll) if show_results else "",
        }
    )


@never_cache
@require_POST
def vote(request, slug):
    poll = get_object_or_404(Poll.objects.for_reader(request.user), slug=slug)
    form = VoteForm(request.POST, poll=poll)
    if not form.is_valid():
        return refused(request, poll, form, CHOOSE_AN_ANSWER, status=400)
    voter = known_voter(request)
    try:
        counted = poll.record_vote(
            form.cleaned_data["choice"],
            voter=voter or f"browser:{uuid.uuid4().hex}",
            address=client_address(request),
            key=form.cleaned_data["vote_key"],
            language=request.LANGUAGE_CODE,
        )
    except VoteRefused as refusal:
        return refused(request, poll, form, refusal.message, REFUSAL_STATUS[refusal.code])
    response = accepted(request, poll)
    if not voter and counted.voter.startswith("browser:"):
        # A new reader, or one whose first answer was lost: the browser keeps the id
        # its vote was counted under.
        response.set_signed_cookie(
            VOTER_COOKIE,
            counted.voter.removeprefix("browser:"),
            salt=VOTER_COOKIE_SALT,
            max_age=VOTER_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def confirm_vote(request, reason, slug):
    """A vote posted without a valid CSRF token (the cached form of a reader without
    JavaScript) comes back to be confirmed, with a token and the reader's answer chosen;
    nothing is stored. The site's CSRF failure view (config.views) calls it."""
    poll = get_object_or_404(Poll.objects.for_reader(request.user), slug=slug)
    form = VoteForm(request.POST, poll=poll)
    notice = _("Please confirm your vote: nothing has been counted yet.")
    return vote_page(request, poll, form, notice, status=403, token_missing=True)


vote.csrf_failure = confirm_vote


def known_voter(request):
    """This reader's voter id, or None when they have never voted from this browser.

    Editors and other logged-in users are their account; readers are a random id kept in
    a long-lived signed cookie (a forged or damaged cookie counts as none).
    """
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    browser_id = request.get_signed_cookie(VOTER_COOKIE, default=None, salt=VOTER_COOKIE_SALT)
    return f"browser:{browser_id}" if browser_id else None


def next_url(request, poll):
    """The page the reader voted on, if it is on this site; else the poll's page."""
    url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return poll.get_absolute_url()


def wants_json(request):
    """polls.js asks for JSON; a plain form post asks for HTML."""
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def results_html(request, poll):
    return render_to_string("polls/_results.html", {"results": poll.results()}, request=request)


def accepted(request, poll):
    message = _("Thank you! Your vote has been counted.")
    if wants_json(request):
        return JsonResponse({"message": message, "results_html": results_html(request, poll)})
    messages.success(request, message)
    return redirect(next_url(request, poll) + RESULTS_ANCHOR)


def refused(request, poll, form, message, status):
    """Nothing was stored: say why, with the results, or with the form when it was wrong."""
    if wants_json(request):
        html = "" if status == 400 else results_html(request, poll)
        return JsonResponse({"message": str(message), "results_html": html}, status=status)
    return vote_page(request, poll, form, message, status, token_missing=False)


def vote_page(request, poll, form, notice, status, *, token_missing):
    """The page between a vote and the results when the vote needs the reader again.

    It is personal (never cached), so its form carries a CSRF token of its own."""
    context = {
        "poll": poll,
        "results": poll.results(),
        "selected": form.selected_choice_id(),
        "vote_key": form.key_to_show(),
        "notice": notice,
        "token_missing": token_missing,
        "show_form": token_missing or status == 400,
        "next": next_url(request, poll),
    }
    return render(request, "polls/vote.html", context, status=status)
