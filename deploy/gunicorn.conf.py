"""gunicorn's configuration for the site: `gunicorn --config deploy/gunicorn.conf.py`.

deploy/vestis.service runs it; tests/test_server.py and tests/test_deploy.py start the
server with it. Options given on the command line win over these.

Knobs come from the environment of the service (deploy/vestis.env): this file is read by
gunicorn's master, which must not load Django or the settings, since whatever the master
has imported is inherited, unchanged, by the workers that `systemctl reload` starts after
an upgrade; only config/logs.py (standard library alone) is loaded here.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config.logs import ACCESS_LOG_FORMAT, logging_config  # noqa: E402

# The time zone of every log line: the same as settings.TIME_ZONE (a test checks it).
TIME_ZONE = "Europe/Riga"

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Threads, not more processes: pages wait on PostgreSQL and Redis more than on the CPU,
# and each process holds a copy of the app. Two processes a core keep a core busy while
# one of them collects garbage or a slow request holds its threads.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))

# A request still running after `timeout` seconds is a stuck worker: it is killed and
# replaced. On reload or stop, old workers get `graceful_timeout` seconds to finish
# what they have started (systemd's TimeoutStopSec is longer).
timeout = 30
graceful_timeout = 30
# Longer than nginx keeps idle upstream connections (60 s), so that gunicorn never
# closes one just as nginx sends a request on it.
keepalive = 75
# Workers are replaced now and then, gracefully, so that a slow leak never adds up.
max_requests = 5000
max_requests_jitter = 500

# The master reloads (HUP) by starting new workers with the new code and stopping the old
# ones when they are done: the app must be loaded by each worker, not by the master.
preload_app = False
# gunicorn 27 otherwise opens a control socket in ~/.gunicorn/, which the service user's
# home may not allow and nothing here uses.
control_socket_disable = True

# Logs: stderr, which journald keeps; one format for master, workers and Django.
loglevel = os.environ.get("LOG_LEVEL", "INFO").lower()
access_log_format = ACCESS_LOG_FORMAT
# gunicorn's logger, but building only the atoms that line uses (config/access_log.py).
logger_class = "config.access_log.AccessLogger"
logconfig_dict = logging_config(
    level=os.environ.get("LOG_LEVEL", "INFO").upper(),
    json_lines=os.environ.get("LOG_FORMAT", "text") == "json",
    time_zone=TIME_ZONE,
)
