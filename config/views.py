"""Views of the site as a whole, not of one app: the health check and the CSRF refusal."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views import csrf
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def csrf_failure(request, reason=""):
    """The site's CSRF_FAILURE_VIEW: templates/403_csrf.html, unless the refused view has an
    answer of its own as its `csrf_failure` attribute, called with the request, the reason
    and the URL's arguments (the poll's vote: a cached form carries no token, so the reader
    is asked to confirm the vote instead)."""
    match = request.resolver_match
    own_answer = getattr(match.func, "csrf_failure", None) if match else None
    if own_answer is not None:
        return own_answer(request, reason, *match.args, **match.kwargs)
    return csrf.csrf_failure(request, reason)
