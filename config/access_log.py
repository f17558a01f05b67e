"""gunicorn's logger, building for each access line only the atoms the line uses.

gunicorn's own `Logger.atoms()` builds some twenty atoms for every request, and one more
for each request header, response header and WSGI environ variable, then escapes them all;
config.logs.ACCESS_LOG_FORMAT uses six of them and the request id. Counted by callgrind
through a gunicorn worker (scripts/instructions.py --server gunicorn), that was about
0.2 M instructions a request: a fifth of what bare Django costs. This builds the atoms the
configured format names, and those the log filter and the JSON lines read
(config.logs.RequestIdFilter, Formatter), and falls back to gunicorn's for a format that
names anything else. The line is the same.

deploy/gunicorn.conf.py names it (`logger_class`); like config/logs.py it imports nothing
of Django, since gunicorn's master loads it.
"""

import re

from gunicorn import glogging

# The atoms built here, and what config.logs reads from every access record.
BUILT = {"r", "s", "m", "U", "B", "M", "f", "a", "{x-request-id}o"}
NAMED_ATOM = re.compile(r"%\(([^)]*)\)")


def atoms_named(access_log_format):
    """The atoms a format names, as gunicorn looks them up (headers in lower case)."""
    names = NAMED_ATOM.findall(access_log_format)
    return {name.lower() if name.startswith("{") else name for name in names}


class AccessLogger(glogging.Logger):
    def setup(self, cfg):
        super().setup(cfg)
        self.lean_atoms = atoms_named(cfg.access_log_format) <= BUILT

    def atoms(self, resp, req, environ, request_time):
        if not self.lean_atoms:
            return super().atoms(resp, req, environ, request_time)
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        method = environ["REQUEST_METHOD"]
        request_id = next(
            (value for name, value in resp.headers if name.lower() == "x-request-id"), "-"
        )
        return {
            "r": f"{method} {environ['RAW_URI']} {environ['SERVER_PROTOCOL']}",
            "s": status,
            "m": method,
            "U": environ.get("PATH_INFO"),
            "B": getattr(resp, "sent", None),
            "M": request_time.seconds * 1000 + request_time.microseconds // 1000,
            "f": environ.get("HTTP_REFERER", "-"),
            "a": environ.get("HTTP_USER_AGENT", "-"),
            "{x-request-id}o": request_id,
        }
