"""Server errors reach a person, without readers' personal data (issue 18): a mail to
ADMINS, and a report to a Sentry-compatible service only when SENTRY_DSN is set."""

import gzip
import http.server
import json
import subprocess
import sys
import threading

import pytest
import sentry_sdk
from django.core import mail
from django.test import Client

from tests.servers import production_env
from tests.test_settings import BASE_DIR

pytestmark = pytest.mark.django_db

VOTER_COOKIE_VALUE = "c0ffee-voter-id-of-a-reader"
READER_ADDRESS = "203.0.113.77"


READER_REQUEST = {
    "headers": {"X-Forwarded-For": READER_ADDRESS, "X-Request-ID": "a" * 32},
    "REMOTE_ADDR": READER_ADDRESS,
}


@pytest.mark.urls("tests.urls_failing")
def test_a_server_error_is_mailed_to_the_admins_without_readers_data(settings):
    settings.ADMINS = ["Sistēmas administrators <ops@example.lv>"]
    client = Client(raise_request_exception=False)
    client.cookies["poll_voter"] = VOTER_COOKIE_VALUE

    response = client.get("/failing-vote/", **READER_REQUEST)

    assert response.status_code == 500
    [message] = mail.outbox
    assert message.to == ["Sistēmas administrators <ops@example.lv>"]
    assert message.subject.startswith("[Krāslavas Vēstis] ERROR")
    assert "/failing-vote/" in message.subject
    report = message.body + "".join(str(part[0]) for part in message.alternatives)
    assert "RuntimeError at /failing-vote/" in report
    assert VOTER_COOKIE_VALUE not in report and READER_ADDRESS not in report


@pytest.mark.urls("tests.urls_failing")
def test_nothing_is_mailed_without_admins(settings):
    settings.ADMINS = []
    Client(raise_request_exception=False).get("/failing-vote/")
    assert mail.outbox == []


def test_error_reporting_is_off_without_a_dsn():
    """The test settings, like a deployment without SENTRY_DSN, start no reporting."""
    assert not sentry_sdk.get_client().is_active()


class Collector(http.server.BaseHTTPRequestHandler):
    """A Sentry-compatible service that keeps what it is sent."""

    received = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


# The site's WSGI application, as gunicorn calls it, answering a reader's request.
REPORTING_CLIENT = f"""
import wsgiref.util, sentry_sdk
from django.test.utils import override_settings
from config.wsgi import application
environ = {{
    "PATH_INFO": "/failing-vote/", "QUERY_STRING": "vards=Anna", "wsgi.url_scheme": "https",
    "HTTP_HOST": "news.example.lv", "HTTP_X_FORWARDED_PROTO": "https",
    "REMOTE_ADDR": "{READER_ADDRESS}", "HTTP_X_FORWARDED_FOR": "{READER_ADDRESS}",
    "HTTP_COOKIE": "poll_voter={VOTER_COOKIE_VALUE}; sessionid={VOTER_COOKIE_VALUE}-session",
    "HTTP_X_REQUEST_ID": "{"b" * 32}",
}}
wsgiref.util.setup_testing_defaults(environ)
statuses = []
with override_settings(ROOT_URLCONF="tests.urls_failing"):
    b"".join(application(environ, lambda status, headers: statuses.append(status)))
sentry_sdk.flush(timeout=10)
print(statuses[0])
"""


def test_a_server_error_is_reported_to_the_dsn_without_readers_data(tmp_path):
    """A real report, as the SDK sends it to Sentry or GlitchTip, received on this machine."""
    server = http.server.HTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Collector.received = []
    dsn = f"http://publickey@127.0.0.1:{server.server_port}/1"
    try:
        result = subprocess.run(
            [sys.executable, "-c", REPORTING_CLIENT],
            cwd=BASE_DIR,
            env=production_env(tmp_path / "static", SENTRY_DSN=dsn),
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.shutdown()
    assert result.stdout.strip() == "500 Internal Server Error", result.stderr

    sent = b"".join(Collector.received).decode()
    events = [
        json.loads(line)
        for line in sent.splitlines()
        if line.startswith("{") and '"exception"' in line
    ]
    [event] = events
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert event["request"]["url"] == "https://news.example.lv/failing-vote/"
    assert event["tags"]["request_id"] == "b" * 32
    assert VOTER_COOKIE_VALUE not in sent  # cookies and the local variable `voter`
    assert READER_ADDRESS not in sent
    assert "ip_address" not in event.get("user", {})
