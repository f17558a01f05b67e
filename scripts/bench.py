"""The benchmark behind `make bench`: a realistic paper, the production server, a load tool.

It builds a data set in its own database (default 10,000 articles, twelve a day as a busy
regional paper publishes them, so that a day's and a month's pages look alike at every size;
a photo of the day for each of 1,000 days, polls with votes, the name-day calendar), starts
gunicorn with production settings on 127.0.0.1, drives each page with wrk (or a small Python
load generator when wrk is missing) and prints, per page and with caching off and on:
requests per second, p50/p99 latency, errors, the SQL queries one request makes and the CPU
time the app spends on it (measured in this process: steadier than the load figures on a
shared machine), and the instructions it executes for one request (counted by callgrind,
scripts/instructions.py: the same figure on a busy machine and a quiet one). Every page is
read against the floor: bare Django returning the front page's bytes (scripts/floor.py),
served by the same gunicorn with the same options and counted the same way. A trivial view
of the site (robots.txt, never from the page cache) and a static file are measured too.
Server and load generator run on different CPU cores where the machine has two; Redis is
a redis-server of the benchmark's own on a free port. The database is dropped at the end
unless --keep is given (building 100,000 articles takes minutes).

    make bench
    make bench BENCH_ARGS="--articles 100000 --keep"
"""

import argparse
import contextlib
import datetime
import http.client
import itertools
import os
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from scripts import servers  # noqa: E402
from scripts.database import drop_database, ensure_database  # noqa: E402

WORDS_TEXT = """
Krāslava Daugava novads pilsēta skola bibliotēka dome iedzīvotāji kopiena svētki koncerts
izstāde sports turnīrs volejbols basketbols skrējiens ezers upe tilts ceļš remonts darbi
pašvaldība projekts finansējums pavasaris vasara rudens ziema laiks bērni jaunieši seniori
ģimenes skolotāji ārsti slimnīca veikals tirgus uzņēmums lauksaimnieki mežs daba tūristi
muzejs pils parks baznīca kultūras nams kori dziesmas dejas teātris filma grāmata vēsture
atmiņas sarunas tikšanās sapulce lēmums budžets ielas apgaismojums ūdens siltums elektrība
autobuss vilciens robeža Latgale Dagda Indra Skaista Izvalta Aglona Preiļi Daugavpils Rīga
valsts ministrija nozare darbs alga cenas iepirkums konkurss balva uzvara rezultāts sezona
treniņš komanda spēle labi jauni vecie lielie mazie skaisti svarīgi kopīgi vietējie
brīvprātīgie aktīvi notiks sāksies beidzās atklāja aicina stāsta uzsver piedalījās
sagatavoja izveidoja
"""
WORDS = WORDS_TEXT.split()
# Caching off; only page parts cached (what an editor, or a page's first reader, gets); on.
MODES = ["off", "parts", "on"]
PAGES = [
    "front page",
    "front page from Facebook",
    "article",
    "section",
    "day archive",
    "search",
    "search, a word no article has",
    "name-day page",
    "photo of the day",
    "RSS",
    "poll vote (POST)",
    "trivial Django view",
    "static file",
]


TRIVIAL = "trivial Django view"
FLOOR = "the floor: bare Django, the front page's bytes"
# The trivial view is never served from the page cache: a reader with a message waiting is
# always served afresh (pagecache.middleware).
TRIVIAL_COOKIE = "messages=bench"
# Replaced by a number of its own in every request: each is a new address to the server.
UNIQUE = "{unique}"


def say(message):
    print(message, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=1_000, help="days of photos of the day")
    parser.add_argument("--articles-per-day", type=int, default=12)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="measure every page this many times, in rounds, and report the median run",
    )
    parser.add_argument("--database", default="vestis_bench")
    parser.add_argument("--keep", action="store_true", help="keep the database for next time")
    parser.add_argument(
        "--pages", nargs="*", default=PAGES, choices=PAGES, help="measure only these"
    )
    options = parser.parse_args()

    server_url = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/vestis"
    url = urlunsplit(urlsplit(server_url)._replace(path=f"/{options.database}"))
    media = BASE_DIR / "var" / "bench-media"
    workdir = Path(tempfile.mkdtemp(prefix="vestis-bench-"))
    # Production settings for everything: the servers, and the requests measured in process.
    os.environ.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        POLL_VOTES_PER_ADDRESS="1000000000",
        DATABASE_URL=url,
        CACHE_URL="dummycache://",
        MEDIA_ROOT=str(media),
        STATIC_ROOT=str(workdir / "static"),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    redis = servers.PrivateRedis(workdir).start()
    try:
        ensure_database(url)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        build_data(options.articles, options.articles_per_day, options.days)
        paths = page_paths()
        say("Measuring each page in this process (SQL, CPU time) …")
        in_process_figures = {mode: in_process(paths, mode) for mode in MODES}
        instructions = count_instructions(options.pages)
        floor_page = workdir / "front-page.html"
        results = {}
        for mode in MODES:
            with production_server(redis, mode, workdir) as base:
                if not floor_page.exists():
                    floor_page.write_bytes(fetch(base + "/")[1])
                targets = {page: (base, paths[page]) for page in options.pages}
                results |= {
                    (page, mode): run
                    for page, run in measure_rounds(targets, options, workdir, mode)
                }
                if mode == "on" and shutil.which("nginx"):
                    with nginx_proxy(workdir, base) as (proxy, static_twin):
                        targets = {
                            "front page through nginx": (proxy, "/"),
                            "static file of the same size, nginx": (proxy, static_twin),
                        }
                        results |= {
                            (page, "on"): run
                            for page, run in measure_rounds(targets, options, workdir, mode)
                        }
            with floor_server(floor_page, workdir) as base:
                targets = {FLOOR: (base, "/")}
                results |= {
                    (page, mode): run
                    for page, run in measure_rounds(targets, options, workdir, mode)
                }
        print_table(options, results, in_process_figures, instructions)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        redis.stop()
        if not options.keep:
            from django.db import connections

            connections.close_all()
            drop_database(url)
            say(f"Dropped the benchmark database {options.database}.")
            shutil.rmtree(media, ignore_errors=True)


# --- The data set ------------------------------------------------------------------------


def sentence(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def build_data(articles, per_day, days):
    """Sections, photos, articles, polls and name days; kept when the size already fits."""
    from django.core.management import call_command
    from django.utils import timezone
    from django.utils.text import slugify

    from gallery.models import Photo
    from news.demo import draw_scene
    from news.models import Article, ArticleAuthor, ArticlePhoto, Author, Section
    from polls.models import Choice, Poll, Vote

    span = datetime.timedelta(minutes=(articles - 1) * 1440 // per_day)
    if Article.objects.count() == articles and article_span() == span:
        say(f"Reusing the benchmark data set ({articles} articles, {per_day} a day).")
        return
    say(f"Building the benchmark data set: {articles} articles, {per_day} a day …")
    started = time.monotonic()
    for model in (ArticlePhoto, Article, Section, Vote, Choice, Poll, Photo):
        model.objects.all().delete()
    call_command("load_namedays", verbosity=0)
    rng = random.Random(2024)
    today = timezone.localdate()
    now = timezone.now()

    sections = [
        Section.objects.create(slug=slug, name_lv=name, position=position)
        for position, (slug, name) in enumerate(
            [
                ("novads", "Novadā"),
                ("sabiedriba", "Sabiedrība"),
                ("kultura", "Kultūra"),
                ("izglitiba", "Izglītība"),
                ("sports", "Sports"),
                ("ekonomika", "Ekonomika"),
                ("viedokli", "Viedokļi"),
                ("sludinajumi", "Sludinājumi"),
            ]
        )
    ]
    scenes = ["river", "castle", "autumn", "trees", "field"]
    originals = [
        Photo.objects.create_from_image(
            draw_scene(scenes[number % 5], seed=number),
            title_lv=sentence(rng, 4),
            alt_text_lv=sentence(rng, 6),
            credit_lv="Jura Rogas foto",
        )
        for number in range(20)
    ]
    Photo.objects.bulk_create(
        Photo(
            image=original.image.name,
            width=original.width,
            height=original.height,
            renditions=original.renditions,
            title_lv=sentence(rng, 4),
            title=sentence(rng, 4),
            caption_lv=sentence(rng, 12),
            alt_text_lv=sentence(rng, 6),
            alt_text=sentence(rng, 6),
            credit_lv="Ineses Kalniņas foto",
            shown_on=today - datetime.timedelta(days=day),
        )
        for day, original in zip(range(days), [originals[n % 20] for n in range(days)], strict=True)
    )

    batch = []
    for number in range(articles):
        title = sentence(rng, rng.randint(5, 9))[:-1]
        lead = sentence(rng, rng.randint(15, 30))
        body = "".join(f"<p>{sentence(rng, rng.randint(40, 80))}</p>" for _ in range(5))
        batch.append(
            Article(
                section=sections[number % len(sections)],
                title=title,
                title_lv=title,
                slug=f"{slugify(title)[:150]}-{number}",
                lead=lead,
                lead_lv=lead,
                body=body,
                body_lv=body,
                main_photo=originals[number % 20] if number % 3 else None,
                is_featured=number % 25 == 0,
                is_published=True,
                published_at=now - datetime.timedelta(minutes=number * 1440 // per_day),
            )
        )
        if len(batch) == 2000:
            Article.objects.bulk_create(batch)
            batch = []
    Article.objects.bulk_create(batch)
    author = Author.objects.for_byline("Inese Kalniņa", "žurnāliste")
    ArticleAuthor.objects.bulk_create(
        (
            ArticleAuthor(article_id=article_id, author=author)
            for article_id in Article.objects.values_list("pk", flat=True)
        ),
        batch_size=2000,
    )
    ArticlePhoto.objects.bulk_create(
        ArticlePhoto(article_id=article_id, photo=originals[position], position=position)
        for article_id in Article.objects.filter(main_photo__isnull=False)
        .order_by("-published_at")
        .values_list("pk", flat=True)[:200]
        for position in range(3)
    )

    for number in range(10):
        opens = now - datetime.timedelta(days=7 * (number + 1))
        poll = Poll.objects.create(
            slug=f"aptauja-{number}",
            question_lv=sentence(rng, 7)[:-1] + "?",
            opens_at=opens,
            closes_at=opens + datetime.timedelta(days=30 if number else 365),
        )
        for position in range(3):
            choice = Choice.objects.create(poll=poll, text_lv=sentence(rng, 2), position=position)
            Vote.objects.bulk_create(
                Vote(
                    poll=poll,
                    choice=choice,
                    voter=f"bench:{poll.pk}:{position}:{n}",
                    address_hash=f"{n % 500}",
                )
                for n in range(rng.randint(100, 700))
            )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as autovacuum would gather them
    say(f"Built in {time.monotonic() - started:.0f} s.")


def article_span():
    """The time between the first and the last article of the data set there is."""
    from django.db.models import Max, Min

    from news.models import Article

    dates = Article.objects.aggregate(first=Min("published_at"), last=Max("published_at"))
    return dates["last"] - dates["first"] if dates["first"] else None


def edit_one_article():
    """What an editor does between two readers: one article of the front page saved in the
    admin, which starts a new content generation."""
    from news.models import Article
    from pagecache import content_changed

    article = Article.objects.published().order_by("-published_at")[2]
    article.save()
    content_changed(Article)  # as the admin does (pagecache.admin)


def page_paths():
    """One address per measured page, for objects that exist in the data set."""
    from django.urls import reverse
    from django.utils import timezone

    from gallery.models import Photo
    from news.models import Article, Section
    from polls.models import Poll

    article = Article.objects.published().order_by("-published_at")[7]
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    photo = Photo.objects.get(shown_on=yesterday)
    return {
        "front page": "/",
        # Facebook adds a different fbclid to every click on a shared link.
        "front page from Facebook": "/?fbclid=" + UNIQUE,
        "article": article.get_absolute_url(),
        "section": Section.objects.get(slug="kultura").get_absolute_url(),
        "day archive": reverse("news:archive_day", kwargs={"day": yesterday}),
        "search": reverse("news:search") + "?q=Kr%C4%81slava",
        # Every word of the data set is in most articles; most words of a real archive are
        # in few. A word in none is the case that once read the whole archive.
        "search, a word no article has": reverse("news:search") + "?q=Ventspils",
        "name-day page": "/vardadienas/11-14/",
        "photo of the day": photo.get_absolute_url(),
        "RSS": reverse("news:feed"),
        "poll vote (POST)": reverse("polls:vote", kwargs={"slug": Poll.objects.current().slug}),
        "trivial Django view": "/robots.txt",
        "static file": None,  # the hashed stylesheet, known once collected
    }


def in_process(paths, mode, rounds=7, seconds=0.25):
    """{page: (SQL queries, CPU ms)} for one request to each page (after a first one, which
    fills the caches), served in this process by Django's test client.

    The CPU time is the app's own, without the HTTP server, the database or the load tool:
    per page the best of `rounds` rounds of about `seconds` each, the rounds going through
    all pages in turn, so that a busy minute on a shared machine spoils one round of each
    page rather than every round of one.
    """
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    memory = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    caches = {
        "default": dummy if mode == "off" else memory,
        "template_fragments": dummy if mode == "off" else memory,
    }
    numbers = itertools.count()
    switches = {"CACHE_PAGES": mode == "on", "CACHE_PAGE_PARTS": mode != "off"}
    with override_settings(**switches, CACHES=caches, ALLOWED_HOSTS=["*"]):
        client = Client()

        def get(path):
            extra = {"HTTP_COOKIE": TRIVIAL_COOKIE} if path == paths[TRIVIAL] else {}
            response = client.get(path.replace(UNIQUE, str(next(numbers))), **extra)
            assert response.status_code == 200, path

        measured = {
            page: path
            for page, path in paths.items()
            if path is not None and page != "poll vote (POST)"
        }
        queries, repeats, best = {}, {}, {}
        for page, path in measured.items():
            get(path)
            with CaptureQueriesContext(connection) as captured:
                started = time.process_time()
                get(path)
            queries[page] = len(captured)
            repeats[page] = max(1, int(seconds / max(time.process_time() - started, 1e-6)))
        for _ in range(rounds):
            for page, path in measured.items():
                started = time.process_time()
                for _ in range(repeats[page]):
                    get(path)
                spent = (time.process_time() - started) / repeats[page]
                best[page] = min(best.get(page, spent), spent)
    return {page: (queries[page], best[page] * 1000) for page in measured}


# --- The server ----------------------------------------------------------------------------


@contextlib.contextmanager
def production_server(redis, mode, workdir):
    """gunicorn with the production settings of os.environ and the caching `mode`, pinned
    to the first CPU core; its base URL. The private Redis starts each mode empty."""
    env = {
        **os.environ,
        "CACHE_URL": "dummycache://" if mode == "off" else redis.url(),
        "CACHE_PAGES": str(mode == "on").lower(),
        "CACHE_PAGE_PARTS": str(mode != "off").lower(),
    }
    if mode != "off":
        redis.flush()
    options = ["--workers", "2", "--threads", "4", "--worker-class", "gthread"]
    options += ["--keep-alive", "30"]
    log = workdir / f"gunicorn-{mode}.log"
    with servers.gunicorn(env, log, options, pinned=True) as base:
        yield base


@contextlib.contextmanager
def floor_server(page, workdir):
    """The floor (scripts/floor.py) serving the bytes of `page`, with the same gunicorn
    options as the site; its base URL."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "scripts.floor", "FLOOR_PAGE": str(page)}
    options = ["--workers", "2", "--threads", "4", "--worker-class", "gthread"]
    options += ["--keep-alive", "30"]
    app = "django.core.wsgi:get_wsgi_application()"
    with servers.gunicorn(env, workdir / "floor.log", options, pinned=True, app=app) as base:
        yield base


def count_instructions(pages):
    """{mode: {page: instructions per request}} from callgrind, or {} without valgrind."""
    from scripts import instructions

    if not (shutil.which("valgrind") and shutil.which("cc")):
        say("valgrind or a C compiler is missing: no instructions column.")
        return {}
    say("Counting instructions per request under callgrind (some minutes) …")
    environment = os.environ | {"STATIC_ROOT": str(BASE_DIR / "var" / "bench-static")}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        check=True,
        cwd=BASE_DIR,
        env=environment,
    )
    return instructions.count(instructions.MODES, [page for page in pages if page != FLOOR])


def two_cores():
    return shutil.which("taskset") and len(os.sched_getaffinity(0)) >= 2


def fetch(url, method="GET", body=None, headers=None):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(
        method, parts.path + (f"?{parts.query}" if parts.query else ""), body, headers or {}
    )
    response = conn.getresponse()
    return response.status, response.read()


@contextlib.contextmanager
def nginx_proxy(workdir, upstream):
    """nginx as deploy/nginx.conf sets it up, in front of `upstream`, and the path of a
    static copy of the front page that it serves, to compare with; (base URL, path)."""
    root = workdir / "nginx-root"
    root.mkdir()
    (root / "front-page.html").write_bytes(fetch(upstream + "/")[1])
    with servers.nginx(workdir / "nginx", [upstream], static_root=root, pinned=True) as base:
        yield base, "/static-copy/front-page.html"


# --- Measuring -----------------------------------------------------------------------------


def measure_rounds(targets, options, workdir, mode):
    """(page, run) for each of `targets` ({page: (base URL, path)}), measured
    `options.repeat` times in rounds, so that a few seconds of a noisy neighbour spoil one
    run of one page rather than every run of it: the run with the median requests per
    second, with the errors of all runs."""
    runs = {page: [] for page in targets}
    for number in range(options.repeat):
        for page, (base, path) in targets.items():
            say(f"  {mode}: {page} (round {number + 1} of {options.repeat}) …")
            headers = {"Cookie": TRIVIAL_COOKIE} if page == TRIVIAL else {}
            run = measure(base, path, options, workdir, warm=number == 0, headers=headers)
            runs[page].append(run)
    for page, measured in runs.items():
        median = sorted(measured, key=lambda run: run["rps"])[len(measured) // 2]
        yield page, median | {"errors": sum(run["errors"] for run in measured)}


def measure(base, path, options, workdir, warm=True, headers=None):
    if path is None:  # the static file: the hashed stylesheet every page links to
        page = fetch(base + "/")[1].decode()
        path = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', page)[1]
    vote = "balsot" in path
    if shutil.which("wrk"):
        script = vote_script(base, path, workdir) if vote else None
        if UNIQUE in path:
            script, path = unique_script(workdir), path.replace(UNIQUE, "")
        if warm:
            run_wrk(
                base + path, max(2, options.duration // 5), options.connections, script, headers
            )
        return run_wrk(base + path, options.duration, options.connections, script, headers)
    return python_load(base + path, options.duration, options.connections, vote, headers)


def vote_script(base, path, workdir):
    """wrk sends each vote as a new reader: a CSRF token, no voter cookie."""
    from polls.models import Poll

    slug = path.rstrip("/").split("/")[-2]
    choice = Poll.objects.get(slug=slug).choices.first().pk
    token = secrets.token_hex(16)
    script = workdir / "vote.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        'wrk.headers["Accept"] = "application/json"\n'
        f'wrk.headers["Cookie"] = "csrftoken={token}"\n'
        f'wrk.body = "choice={choice}&csrfmiddlewaretoken={token}"\n'
    )
    return script


def unique_script(workdir):
    """wrk appends a new number to the address in every request."""
    script = workdir / "unique.lua"
    script.write_text(
        "counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        "  return wrk.format(nil, wrk.path .. counter)\n"
        "end\n"
    )
    return script


def run_wrk(url, seconds, connections, script, headers=None):
    # A reply slower than 10 s counts as an error; wrk's default of 2 s would count a slow
    # page on a busy machine as a failed one.
    command = [
        "wrk",
        "--latency",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        url,
    ]
    if script:
        command[1:1] = ["-s", str(script)]
    for name, value in (headers or {}).items():
        command[1:1] = ["-H", f"{name}: {value}"]
    if two_cores():
        command = ["taskset", "--cpu-list", "1", *command]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    errors += int(m[1]) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": wrk_ms(re.search(r"50%\s+([\d.]+\w+)", output)[1]),
        "p99": wrk_ms(re.search(r"99%\s+([\d.]+\w+)", output)[1]),
        "errors": errors,
    }


def wrk_ms(text):
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def python_load(url, seconds, connections, vote, extra_headers=None):
    """Keep-alive clients in threads, for machines without wrk (slower, so lower ceilings)."""
    latencies, errors, stop = [], [0], time.monotonic() + seconds
    numbers = itertools.count()
    token = secrets.token_hex(16)

    def client():
        parts = urlsplit(url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        body, headers = None, dict(extra_headers or {})
        if vote:
            from polls.models import Poll

            slug = parts.path.rstrip("/").split("/")[-2]
            choice = Poll.objects.get(slug=slug).choices.first().pk
            body = f"choice={choice}&csrfmiddlewaretoken={token}"
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "Cookie": f"csrftoken={token}",
            }
        while time.monotonic() < stop:
            started = time.perf_counter()
            address = target.replace(UNIQUE, str(next(numbers)))
            conn.request("POST" if vote else "GET", address, body, headers)
            response = conn.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status >= 400:
                errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100)
    return {"rps": len(latencies) / seconds, "p50": cuts[49], "p99": cuts[98], "errors": errors[0]}


def print_table(options, results, in_process_figures, instructions):
    floor = {mode: results.get((FLOOR, mode), {}).get("rps") for mode in MODES}
    floor_instructions = instructions.get("floor", {}).get(FLOOR)
    tool = "wrk" if shutil.which("wrk") else "python load generator"
    from django.utils import timezone

    cores = "server on core 0, load on core 1" if two_cores() else "server and load share cores"
    print(
        f"\n{timezone.localdate()}, {options.articles} articles "
        f"({options.articles_per_day} a day), {options.days} days of photos, "
        f"{os.cpu_count()} cores ({cores}), {tool}, {options.connections} connections, "
        f"{options.duration} s per page, median of {options.repeat}\n"
    )
    print(
        "| page | caching | requests/s | × floor | p50 ms | p99 ms | errors | SQL | CPU ms "
        "| M instr. | × floor (instr.) |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    extra = [key[0] for key in results if key[0] not in options.pages]
    for page in options.pages + list(dict.fromkeys(extra)):
        for mode in MODES:
            if (page, mode) not in results:
                continue
            result = results[page, mode]
            ratio = f"{result['rps'] / floor[mode]:.0%}" if floor[mode] else "–"
            queries, cpu = in_process_figures[mode].get(page, ("–", None))
            counted = floor_instructions if page == FLOOR else instructions.get(mode, {}).get(page)
            counted_ratio = f"{floor_instructions / counted:.1%}" if counted else "–"
            print(
                f"| {page} | {mode} | {result['rps']:,.0f} | {ratio} "
                f"| {result['p50']:.1f} | {result['p99']:.1f} | {result['errors']} "
                f"| {queries} | {f'{cpu:.2f}' if cpu else '–'} "
                f"| {f'{counted / 1e6:.2f}' if counted else '–'} | {counted_ratio} |"
            )
    if edited := instructions.get("edited"):
        print("\nRight after an editor changes one article of the front page (callgrind):\n")
        print("| page | M instr. | × floor (instr.) |\n| --- | ---: | ---: |")
        for page in (page for page in PAGES if page in edited):
            counted = edited[page]
            print(f"| {page} | {counted / 1e6:.2f} | {floor_instructions / counted:.1%} |")


if __name__ == "__main__":
    main()
