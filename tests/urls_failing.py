"""The site's URLs plus views that fail: the 500 page as a reader sees it, and the error
reports that reach the admins (tests/test_reporting.py)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def failing(request):
    raise RuntimeError("A bug in a view")


def failing_vote(request):
    voter = request.COOKIES.get("poll_voter")  # a local variable naming a reader
    raise RuntimeError(f"A bug while counting a vote ({len(voter)})")


urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(path("failing/", failing)),
    path("failing-vote/", failing_vote),
]
