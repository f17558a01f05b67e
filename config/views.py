"""Views of the site as a whole, not of one app: the health check, the CSRF refusal and
media files when the app serves them itself (DEBUG)."""

from django.conf import settings
from django.http import JsonResponse
from django.views import csrf, static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from config import health

# Uploads never reuse a name (a new photo gets a new one), so their files may be kept a year,
# as deploy/nginx.conf does.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"


@never_cache
@require_safe
def healthz(request):
    """For the proxy: 200 when the database answers, else 503; nothing slower."""
    if not health.database_answers():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
@require_safe
def health_status(request):
    """For monitors: database, cache and media storage, each "ok" or "degraded"; 503 when
    any is degraded."""
    report = health.status()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


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


@require_safe
def media(request, path):
    """An uploaded file from MEDIA_ROOT, cached like nginx caches it."""
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    return response
