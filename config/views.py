"""Views of the site as a whole, not of one app."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from config import health


@never_cache
def healthz(request):
    """For the proxy: 200 when the database answers, else 503; nothing slower."""
    if not health.database_answers():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
def health_status(request):
    """For monitors: database, cache and media storage, each "ok" or "degraded"; 503 when
    any is degraded."""
    report = health.status()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


@never_cache
def login_locked_out(request, response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): the admin's login
    page again, saying why and for how long, with 429 Too Many Requests."""
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "app_path": request.get_full_path(),
        "form": (admin.site.login_form or AdminAuthenticationForm)(request),
        REDIRECT_FIELD_NAME: request.POST.get(REDIRECT_FIELD_NAME) or reverse("admin:index"),
        "lockout_message": ngettext(
            "Too many failed attempts to log in. Logging in with this user name from this "
            "address is blocked for %(minutes)d minute.",
            "Too many failed attempts to log in. Logging in with this user name from this "
            "address is blocked for %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
    }
    return render(request, "admin/login_locked_out.html", context, status=429)
