"""Instructions per request, counted by callgrind: the figure that compares two versions of
the code exactly, however busy the machine is.

Time on a shared machine moves by tens of per cent from one minute to the next; the number
of instructions the app executes for a request does not. This runs the site in a child
process under `valgrind --tool=callgrind` with instrumentation switched off, and switches
it on only around the measured requests (a tiny C library that makes callgrind's client
requests, compiled here with the machine's C compiler), so that start-up, imports and the
first request of each page (template compilation, warm caches) are not counted.

    .venv/bin/python scripts/instructions.py --database vestis_bench_1k

The database must hold the benchmark's data set (`make bench BENCH_ARGS="--articles 1000
--database vestis_bench_1k --keep"` builds one; `--build` here builds it too). Requests go
through Django's test client with production settings, in four caching modes: off (no
cache), parts (page parts cached), on (whole pages, too) and edited (whole pages and
parts cached, but an editor changes one article of the front page before every measured
request: what the first readers after an edit get). The cache is a private redis-server
on a free port, as in production (`--cache memory`: each process's memory). The floor —
bare Django returning the front page's bytes (scripts/floor.py) — is counted the same way.
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

CLIENT_REQUESTS = r"""
#include <valgrind/callgrind.h>
void start(void) { CALLGRIND_START_INSTRUMENTATION; }
void stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
void dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }
"""
MODES = ["off", "parts", "on", "edited"]
REQUESTS = 3  # measured per page and mode; the figure is their mean
FLOOR = "the floor: bare Django, the front page's bytes"
# Never served from the page cache: a reader with a message waiting is served afresh.
TRIVIAL_COOKIE = "messages=bench"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="vestis_bench_1k")
    parser.add_argument("--modes", nargs="*", default=MODES, choices=MODES)
    parser.add_argument("--pages", nargs="*", help="only these pages (names as in bench.py)")
    parser.add_argument("--build", type=int, metavar="ARTICLES", help="build the data set first")
    parser.add_argument("--cache", choices=["redis", "memory"], default="redis")
    parser.add_argument(
        "--server",
        choices=["client", "gunicorn"],
        default="client",
        help="Django's test client in one process, or a real gunicorn worker (modes off, "
        "parts and on; always with Redis)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--dumps", type=Path, help="keep callgrind's dumps here (for callgrind_annotate)"
    )
    parser.add_argument(
        "--queries",
        action="store_true",
        help="count SQL queries and cache calls per request instead (no valgrind)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    production_environment(options.database)
    if options.child:
        plan = json.loads(options.child)
        if plan["child"] == "floor":
            os.environ["DJANGO_SETTINGS_MODULE"] = "scripts.floor"
        return measure_in_child(plan)
    if not shutil.which("valgrind"):
        sys.exit("Counting instructions needs valgrind (apt-get install valgrind).")
    if options.build:
        build(options.build)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        check=True,
        cwd=BASE_DIR,
    )
    if options.queries:
        print_queries(count_queries(options.modes, options.pages), options.modes)
        return
    if options.server == "gunicorn":
        figures = count_through_gunicorn(options.modes, options.pages, options.dumps)
    else:
        figures = count(options.modes, options.pages, options.cache, options.dumps)
    if options.json:
        print(json.dumps(figures, indent=2))
    else:
        print_table(figures, options.modes)


def production_environment(database):
    server = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/vestis"
    os.environ.update(
        DEBUG="false",
        SECRET_KEY=os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        DATABASE_URL=urlunsplit(urlsplit(server)._replace(path=f"/{database}")),
        CACHE_URL="dummycache://",
        MEDIA_ROOT=str(BASE_DIR / "var" / "bench-media"),
        STATIC_ROOT=str(BASE_DIR / "var" / "bench-static"),
        DJANGO_SETTINGS_MODULE="config.settings",
        PYTHONHASHSEED="0",  # the same dict and set orders in every run
    )


def build(articles):
    from scripts import bench
    from scripts.database import ensure_database

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    bench.build_data(articles, 12, 1000)


def count(modes, pages, cache="redis", keep_dumps=None):
    """{mode: {page: instructions per request}}, from one valgrind run for the site and one
    for the floor (mode "floor")."""
    with workspace("vestis-instructions-", cache == "redis", keep_dumps) as (workdir, redis):
        library = compile_client_requests(workdir)
        plan = {
            "library": str(library),
            "modes": modes,
            "pages": pages,
            "redis": redis.url() if redis else None,
            "floor_page": str(workdir / "front-page.html"),
        }
        for child in ("site", "floor"):
            say(f"Counting instructions: {child} …")
            subprocess.run(
                [
                    "valgrind",
                    "--tool=callgrind",
                    "--instr-atstart=no",
                    f"--callgrind-out-file={workdir / child}.out",
                    sys.executable,
                    __file__,
                    "--database",
                    urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/"),
                    "--child",
                    json.dumps(plan | {"child": child}),
                ],
                check=True,
                cwd=BASE_DIR,
                env=os.environ | {"FLOOR_PAGE": plan["floor_page"]},
            )
        return read_dumps(workdir)


def compile_client_requests(workdir):
    library = workdir / "libclientrequests.so"
    source = workdir / "clientrequests.c"
    source.write_text(CLIENT_REQUESTS)
    command = ["cc", "-shared", "-fPIC", "-O1", "-o", library, source]
    subprocess.run(command, check=True, cwd=workdir)
    return library


GUNICORN_MODES = ["off", "parts", "on"]


def count_through_gunicorn(modes, pages, keep_dumps=None):
    """{mode: {page: instructions per request}} counted in a real gunicorn worker (gthread,
    deploy/gunicorn.conf.py, one worker) under callgrind, each request whole: event loop,
    HTTP parsing, the app, writing the answer (scripts/counted_worker.py). Requests come
    one after another on one kept-alive connection, as nginx sends them. Mode "floor":
    bare Django serving the front page's bytes from the same gunicorn."""
    import http.client

    import django

    django.setup()
    from django.test import Client, override_settings

    from scripts import bench, servers

    paths = measured_paths(pages)
    figures = {}
    with workspace("vestis-instructions-", True, keep_dumps) as (workdir, redis):
        library = compile_client_requests(workdir)
        floor_page = workdir / "front-page.html"
        with override_settings(ALLOWED_HOSTS=["*"]):
            floor_page.write_bytes(Client().get("/").content)
        runs = [(mode, paths) for mode in modes if mode in GUNICORN_MODES]
        runs.append(("floor", {FLOOR: "/"}))
        for mode, run_paths in runs:
            say(f"Counting instructions through gunicorn: {mode} …")
            env = os.environ | {
                "COUNTING_LIBRARY": str(library),
                "CACHE_URL": "dummycache://" if mode in ("off", "floor") else redis.url(),
                "CACHE_PAGES": str(mode == "on").lower(),
                "CACHE_PAGE_PARTS": str(mode not in ("off", "floor")).lower(),
            }
            if mode == "floor":
                env |= {"DJANGO_SETTINGS_MODULE": "scripts.floor", "FLOOR_PAGE": str(floor_page)}
            redis.flush()
            out = workdir / f"gunicorn-{mode}.%p.out"
            valgrind = ["valgrind", "--tool=callgrind", "--instr-atstart=no", "-q"]
            valgrind.append(f"--callgrind-out-file={out}")
            options = ["--workers", "1", "--timeout", "900", "--max-requests", "0"]
            options += ["--worker-class", "scripts.counted_worker.CountedThreadWorker"]
            app = "django.core.wsgi:get_wsgi_application()" if mode == "floor" else "config.wsgi"
            log = workdir / f"gunicorn-{mode}.log"
            with servers.gunicorn(
                env,
                log,
                options,
                config=servers.GUNICORN_CONFIG,
                timeout=600,
                app=app,
                under=valgrind,
            ) as base:
                connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=600)
                for page, path in run_paths.items():
                    headers = {"Host": "127.0.0.1"}
                    if page == bench.TRIVIAL:
                        headers["Cookie"] = TRIVIAL_COOKIE
                    for _ in range(2 + REQUESTS):  # compile templates, fill the caches
                        connection.request("GET", path, headers=headers)
                        response = connection.getresponse()
                        response.read()
                        assert response.status == 200, (mode, path, response.status)
                connection.close()
            counted = read_request_dumps(workdir, f"gunicorn-{mode}.")
            for page, path in run_paths.items():
                if len(measured := counted.get(path, [])[-REQUESTS:]) == REQUESTS:
                    figures.setdefault(mode, {})[page] = sum(measured) / REQUESTS
    return figures


def keep(workdir, folder):
    """Copy callgrind's dumps from `workdir` to `folder`, if given."""
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
        for dump in workdir.glob("*.out*"):
            shutil.copy(dump, folder / dump.name)


@contextlib.contextmanager
def workspace(prefix, with_redis, keep_dumps=None):
    """(a temporary folder, a private redis-server on a free port or None) for one count:
    callgrind's dumps are copied to `keep_dumps` afterwards, and everything removed."""
    from scripts import servers

    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    redis = servers.PrivateRedis(workdir).start() if with_redis else None
    try:
        yield workdir, redis
    finally:
        keep(workdir, keep_dumps)
        if redis:
            redis.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def measured_paths(pages):
    """{page: address} of the benchmark's pages to count (only `pages`, if given), the same
    address for every request (bench.UNIQUE fixed); the vote, a POST, is left out."""
    from scripts import bench

    return {
        page: path.replace(bench.UNIQUE, "1")
        for page, path in bench.page_paths().items()
        if path and page != "poll vote (POST)" and (not pages or page in pages)
    }


def read_request_dumps(workdir, prefix):
    """{path: [instructions of each request, in order]} from one gunicorn run's dumps."""
    counted = {}
    dumps = []
    for dump in workdir.glob(f"{prefix}*.out.*"):
        text = dump.read_text(errors="replace")
        label = re.search(r"^desc: Trigger: Client Request: (.+)$", text, re.MULTILINE)
        total = re.search(r"^totals: (\d+)", text, re.MULTILINE)
        if label and total:
            dumps.append((int(dump.name.rsplit(".", 1)[1]), label.group(1), int(total.group(1))))
    for _number, path, total in sorted(dumps):
        counted.setdefault(path, []).append(total)
    return counted


def say(message):
    print(message, file=sys.stderr, flush=True)


def read_dumps(workdir):
    figures = {}
    for dump in workdir.glob("*.out.*"):
        text = dump.read_text(errors="replace")
        label = re.search(r"^desc: Trigger: Client Request: (.+)$", text, re.MULTILINE)
        total = re.search(r"^totals: (\d+)", text, re.MULTILINE)
        if label and total:
            mode, page = label.group(1).split("|", 1)
            figures.setdefault(mode, {})[page] = int(total.group(1)) / REQUESTS
    return figures


def measure_in_child(plan):
    """Runs under valgrind: every page in every mode, instrumented only while measured."""
    import ctypes

    import django

    django.setup()
    from django.test import Client

    client_requests = ctypes.CDLL(plan["library"])
    if plan["child"] == "floor":
        client = Client()
        for _ in range(2):
            assert client.get("/").status_code == 200
        client_requests.start()
        for _ in range(REQUESTS):
            client.get("/")
        client_requests.stop()
        client_requests.dump(f"floor|{FLOOR}".encode())
        return
    from pagecache import generation
    from scripts import bench

    # A process reads the content generation once a second (pagecache.generation). Under
    # valgrind a second is a few requests, in production hundreds: that read is left out.
    generation.SHARED_FOR = float("inf")
    paths = measured_paths(plan["pages"])
    with caching("off", plan["redis"]):
        Path(plan["floor_page"]).write_bytes(Client().get("/").content)
    for mode in plan["modes"]:
        with caching(mode, plan["redis"]):
            client = Client()
            for page, path in paths.items():
                extra = {"HTTP_COOKIE": TRIVIAL_COOKIE} if page == bench.TRIVIAL else {}
                for _ in range(2):  # compile templates, fill the caches
                    assert client.get(path, **extra).status_code == 200, path
                for _ in range(REQUESTS):
                    if mode == "edited":
                        bench.edit_one_article()
                    client_requests.start()
                    client.get(path, **extra)
                    client_requests.stop()
                client_requests.dump(f"{mode}|{page}".encode())


@contextlib.contextmanager
def caching(mode, redis_url):
    """The settings of caching `mode`, with Redis at `redis_url` (emptied) or in memory."""
    from django.core.cache import caches
    from django.test import override_settings

    if mode == "off":
        cache = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    elif redis_url:
        cache = {"BACKEND": "config.cache.FailSoftRedisCache", "LOCATION": redis_url}
    else:
        cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    switches = {"CACHE_PAGES": mode in ("on", "edited"), "CACHE_PAGE_PARTS": mode != "off"}
    caches_setting = {"default": cache, "template_fragments": cache}
    with override_settings(**switches, CACHES=caches_setting, ALLOWED_HOSTS=["*"]):
        caches["default"].clear()
        yield


def count_queries(modes, pages):
    """{mode: {page: (SQL queries, cache calls)}} of one request, in process, the cache a
    private Redis; in "edited" mode right after an editor's change, as counted above."""
    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pagecache import generation
    from scripts import bench

    generation.SHARED_FOR = float("inf")
    paths = measured_paths(pages)
    figures = {}
    with workspace("vestis-queries-", True) as (_workdir, redis):
        for mode in modes:
            with caching(mode, redis.url()):
                client = Client()
                for page, path in paths.items():
                    extra = {"HTTP_COOKIE": TRIVIAL_COOKIE} if page == bench.TRIVIAL else {}
                    for _ in range(2):
                        client.get(path, **extra)
                    if mode == "edited":
                        bench.edit_one_article()
                    calls = []
                    with (
                        counting_cache_calls(caches, calls),
                        CaptureQueriesContext(connection) as sql,
                    ):
                        client.get(path, **extra)
                    figures.setdefault(mode, {})[page] = (len(sql.captured_queries), len(calls))
    return figures


@contextlib.contextmanager
def counting_cache_calls(caches, calls):
    """Append to `calls` every read and write of the default and fragment caches."""
    names = ("get", "get_many", "set", "set_many", "delete", "delete_many")
    saved = []
    for alias in ("default", "template_fragments"):
        cache = caches[alias]
        for name in names:
            method = getattr(cache, name)
            saved.append((cache, name))

            def counted(*args, _method=method, _name=name, **kwargs):
                calls.append(_name)
                return _method(*args, **kwargs)

            setattr(cache, name, counted)
    try:
        yield
    finally:
        for cache, name in saved:
            cache.__dict__.pop(name, None)


def pages_in_order(figures, modes):
    """The pages measured, in the benchmark's order (callgrind's dumps come in any)."""
    from scripts import bench

    pages = {page for mode in modes for page in figures.get(mode, {})}
    return [page for page in bench.PAGES if page in pages]


def print_queries(figures, modes):
    pages = pages_in_order(figures, modes)
    print("| page | " + " | ".join(f"{mode} (SQL / cache calls)" for mode in modes) + " |")
    print("| --- |" + " ---: |" * len(modes))
    for page in pages:
        cells = ["{} / {}".format(*figures[mode][page]) for mode in modes]
        print(f"| {page} | " + " | ".join(cells) + " |")


def print_table(figures, modes):
    pages = pages_in_order(figures, modes)
    floor = figures.get("floor", {}).get(FLOOR)
    if floor:
        print(f"The floor (bare Django returning the front page's bytes): {floor / 1e6:.2f} M\n")
    print("| page | " + " | ".join(f"{mode} (M instr.)" for mode in modes) + " |")
    print("| --- |" + " ---: |" * len(modes))
    for page in pages:
        cells = [
            f"{figures[mode][page] / 1e6:.2f}" if page in figures.get(mode, {}) else "–"
            for mode in modes
        ]
        print(f"| {page} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
