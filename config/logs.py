"""One format and one time zone for every log line, each request's id in its lines (issue 18).

gunicorn's master, its workers and Django all log through `logging_config()`: the master
through deploy/gunicorn.conf.py, the workers and management commands through
settings.LOGGING. Times are written in the given time zone with their offset, whatever the
process's own TZ is (Django sets TZ in the workers only, which used to leave the master's
lines in UTC and the workers' in Riga time):

    2026-12-02 14:05:01.123+02:00 WARNING [4711] django.request 3f2a…: Not Found: /nav/

`LOG_FORMAT=json` writes the same as one JSON object a line, for a log collector.

This module imports nothing of Django: the gunicorn master loads it, and whatever the master
imports stays in memory, stale, for the workers that a graceful reload starts after an
upgrade.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid
import zoneinfo

# The id of the request this thread is answering, for every line logged while it runs.
request_id = contextvars.ContextVar("request_id", default="-")
REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_META = "HTTP_X_REQUEST_ID"
# What an incoming id may look like (nginx's $request_id is 32 hex digits); anything else
# is replaced, so that a client cannot write arbitrary text into the logs.
ACCEPTED_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
# The access line: no client address (behind nginx it is nginx's, and nginx logs readers').
ACCESS_LOG_FORMAT = '"%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'
TEXT_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s %(request_id)s: %(message)s"


class RequestIdMiddleware:
    """Gives each request an id: nginx's X-Request-ID when it sends one, else a new one.

    First in MIDDLEWARE, so that cached pages carry it too; the response returns it, so
    that a reader's or a monitor's complaint can be found in the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # META, not request.headers: that builds a dict of every header, on every request.
        incoming = request.META.get(REQUEST_ID_META, "")
        current = incoming if ACCEPTED_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.id = current
        # Not reset on the way out: Django logs a 4xx or 5xx answer after the middleware
        # has returned. The thread's next request sets its own.
        request_id.set(current)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = current
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record: the running request's, or for gunicorn's access
    lines (written after the request) the one in the response's header."""

    def filter(self, record):
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            record.request_id = record.args["{x-request-id}o"]
        elif not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return True


class Formatter(logging.Formatter):
    """TEXT_FORMAT, or a JSON object a line, with times in `time_zone`."""

    def __init__(self, *, time_zone, json_lines=False):
        super().__init__(TEXT_FORMAT)
        self.zone = zoneinfo.ZoneInfo(time_zone)
        self.json_lines = json_lines

    def formatTime(self, record, datefmt=None):  # noqa: N802 (logging's name)
        moment = datetime.datetime.fromtimestamp(record.created, self.zone)
        return moment.isoformat(sep=" ", timespec="milliseconds")

    def format(self, record):
        if not self.json_lines:
            return super().format(record)
        line = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "process": record.process,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            atoms = record.args
            line |= {"method": atoms["m"], "path": atoms["U"], "status": atoms["s"]}
            line |= {"bytes": atoms["B"], "duration_ms": atoms["M"]}
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def logging_config(*, level="INFO", json_lines=False, time_zone):
    """A dictConfig for every process: one handler on stderr (journald keeps it)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"site": {"()": Formatter, "time_zone": time_zone, "json_lines": json_lines}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "site",
                "filters": ["request_id"],
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # gunicorn gives its loggers handlers of their own: replace them with ours.
            "gunicorn.error": {"handlers": ["console"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "django.db.backends": {"level": "INFO"},
            "axes": {"level": "WARNING"},  # failed logins and lockouts, not its start-up banner
        },
    }
