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
through Django's test client with production settings, in three caching modes: off (no
cache), parts (page parts cached in process memory) and on (whole pages, too).
"""

import argparse
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
MODES = ["off", "parts", "on"]
REQUESTS = 3  # measured per page and mode; the figure is their mean


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="vestis_bench_1k")
    parser.add_argument("--modes", nargs="*", default=MODES, choices=MODES)
    parser.add_argument("--pages", nargs="*", help="only these pages (names as in bench.py)")
    parser.add_argument("--build", type=int, metavar="ARTICLES", help="build the data set first")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    production_environment(options.database)
    if options.child:
        return measure_in_child(json.loads(options.child))
    if not shutil.which("valgrind"):
        sys.exit("Counting instructions needs valgrind (apt-get install valgrind).")
    if options.build:
        build(options.build)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        check=True,
        cwd=BASE_DIR,
    )
    figures = count(options.modes, options.pages)
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


def count(modes, pages):
    """{mode: {page: instructions per request}}, from one valgrind run."""
    workdir = Path(tempfile.mkdtemp(prefix="vestis-instructions-"))
    try:
        library = workdir / "libclientrequests.so"
        source = workdir / "clientrequests.c"
        source.write_text(CLIENT_REQUESTS)
        subprocess.run(
            ["cc", "-shared", "-fPIC", "-O1", "-o", library, source], check=True, cwd=workdir
        )
        plan = {"library": str(library), "modes": modes, "pages": pages}
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={workdir / 'callgrind.out'}",
                sys.executable,
                __file__,
                "--database",
                urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/"),
                "--child",
                json.dumps(plan),
            ],
            check=True,
            cwd=BASE_DIR,
        )
        return read_dumps(workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def read_dumps(workdir):
    figures = {}
    for dump in workdir.glob("callgrind.out.*"):
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
    from django.test import Client, override_settings

    from scripts import bench

    client_requests = ctypes.CDLL(plan["library"])
    paths = {
        page: path
        for page, path in bench.page_paths().items()
        if path and page != "poll vote (POST)" and (not plan["pages"] or page in plan["pages"])
    }
    memory = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    for mode in plan["modes"]:
        caches = {
            "default": dummy if mode == "off" else memory,
            "template_fragments": dummy if mode == "off" else memory,
        }
        switches = {"CACHE_PAGES": mode == "on", "CACHE_PAGE_PARTS": mode != "off"}
        with override_settings(**switches, CACHES=caches, ALLOWED_HOSTS=["*"]):
            client = Client()
            for page, path in paths.items():
                path = path.replace(bench.UNIQUE, "1")
                for _ in range(2):  # compile templates, fill the caches
                    assert client.get(path).status_code == 200, path
                client_requests.start()
                for _ in range(REQUESTS):
                    client.get(path)
                client_requests.stop()
                client_requests.dump(f"{mode}|{page}".encode())


def print_table(figures, modes):
    pages = list(dict.fromkeys(page for mode in modes for page in figures.get(mode, {})))
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
