"""Server errors reported without readers' personal data (issue 18).

Two ways an error reaches a person: Django's mail to ADMINS, and, when SENTRY_DSN is set,
a report to Sentry or a self-hosted GlitchTip (the same protocol). Neither carries what
would identify a reader: network addresses, cookies (the session, the poll's voter id),
and in reports also the request's body and the values of variables that name a voter or
an address. What is left (the traceback, the URL, the request id) is enough to find the
bug, and the request id finds the request's log lines.
"""

import re

from django.views.debug import SafeExceptionReporterFilter

# Names of headers, variables and cookies whose values identify a reader.
READER_DATA = ["voter", "poll_voter", "browser_id", "address", "address_hash", "messages"]
PERSONAL_HEADERS = {"cookie", "x-forwarded-for", "x-real-ip", "forwarded", "user-agent"}
PERSONAL_ENVIRONMENT = {"REMOTE_ADDR", "REMOTE_HOST", "HTTP_COOKIE", "HTTP_X_FORWARDED_FOR"}


class ExceptionReporterFilter(SafeExceptionReporterFilter):
    """Django's filter for error mails, which also hides every cookie and readers'
    addresses (besides the settings and parameters it hides already)."""

    hidden_settings = re.compile(
        "API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|COOKIE|REMOTE_|FORWARDED|REAL_IP", flags=re.I
    )

    def get_safe_cookies(self, request):
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)


def without_reader_data(event, hint=None):
    """A report as Sentry's Django integration builds it, less what identifies a reader
    (before_send: it sees every event, errors and logged messages alike)."""
    request = event.get("request") or {}
    request.pop("cookies", None)
    request.pop("data", None)
    request["headers"] = {
        name: value
        for name, value in (request.get("headers") or {}).items()
        if name.lower() not in PERSONAL_HEADERS
    }
    request["env"] = {
        name: value
        for name, value in (request.get("env") or {}).items()
        if name not in PERSONAL_ENVIRONMENT
    }
    if user := event.get("user"):
        user.pop("ip_address", None)
    return event


def start(dsn, *, environment, traces_sample_rate):
    """Report errors (and ERROR log lines) to the Sentry-compatible service at `dsn`."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.scrubber import DEFAULT_DENYLIST, EventScrubber

    from config.logs import request_id

    def tagged(event, hint):
        event.setdefault("tags", {})["request_id"] = request_id.get()
        return without_reader_data(event, hint)

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,  # no user, cookies or addresses from the integrations
        max_request_body_size="never",
        event_scrubber=EventScrubber(denylist=DEFAULT_DENYLIST + READER_DATA, recursive=True),
        before_send=tagged,
        traces_sample_rate=traces_sample_rate,
    )
