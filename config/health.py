"""What a monitor asks the site every minute: do the database, the cache and the media
storage work (issue 18)? `/healthz` asks the database alone, for the proxy, and must stay
fast; `/healthz/status` asks all three and names what is degraded.

Each check does what a page or an upload does (a query; a cache write read back; a small
file stored, read and deleted), and says only "ok" or the kind of error, never a host,
a path or a message that could carry a password.
"""

import time
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection

PROBE_FOLDER = "healthz"


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def shared_cache():
    """The fail-soft Redis cache (config/cache.py) hides an outage from pages: a value
    that does not come back is how it shows."""
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    found = cache.get(key)
    cache.delete(key)
    if found != value:
        raise ConnectionError("the cache does not keep values")


def media_storage():
    """A full disk or a read-only folder refuses the write, as it would an editor's photo."""
    name = default_storage.save(f"{PROBE_FOLDER}/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name, "rb") as probe:
            if probe.read() != b"ok":
                raise OSError("the storage returns other bytes than were stored")
    finally:
        default_storage.delete(name)


CHECKS = {"database": database, "cache": shared_cache, "media": media_storage}


def database_answers():
    """For /healthz: True when the database answers."""
    try:
        database()
    except DatabaseError:
        return False
    return True


def status():
    """{"status": "ok" | "degraded", "checks": {name: {"status", "ms"[, "error"]}}}."""
    checks = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # any failure is the answer here
            result = {"status": "degraded", "error": type(error).__name__}
        else:
            result = {"status": "ok"}
        result["ms"] = round((time.perf_counter() - started) * 1000, 1)
        checks[name] = result
    degraded = any(result["status"] != "ok" for result in checks.values())
    return {"status": "degraded" if degraded else "ok", "checks": checks}
