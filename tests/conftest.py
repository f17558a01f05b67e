import collections
import contextlib
import json
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls that browser
# tests make beside it are safe (one thread, no concurrency).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RESULTS_DIR = Path(__file__).resolve().parent.parent / "test-results"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files go to a fresh folder in every test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KEPT_UPLOADS_ROOT = tmp_path / "kept-uploads"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def latvian():
    """Each test starts in Latvian: a request to /ru/ leaves Russian active in the thread,
    and reverse() in the next test would then build /ru/ addresses."""
    from django.utils import translation

    with translation.override("lv"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as it starts with an empty database."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def editor(django_user_model):
    """A member of the newsroom's "Redaktori" group (created by a migration), not a superuser."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "redaktore", password="Latgale-2024!", is_staff=True, first_name="Ilze"
    )
    user.groups.add(Group.objects.get(name="Redaktori"))
    return user


@pytest.fixture
def journalist(django_user_model):
    """A member of the "Žurnālisti" role: writes, cannot publish."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "zurnaliste", password="Latgale-2024!", is_staff=True, first_name="Inese"
    )
    user.groups.add(Group.objects.get(name="Žurnālisti"))
    return user


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's package "
            "(apt-get install chromium) or set CHROMIUM_PATH.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def browser_tab(request, browser, live_server, name=""):
    """A tab in a browser context of its own on the live server; when the test fails, a
    screenshot is saved as test-results/<test><name>.png."""
    context = browser.new_context(base_url=live_server.url, locale="lv-LV")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        RESULTS_DIR.mkdir(exist_ok=True)
        tab.screenshot(path=RESULTS_DIR / f"{request.node.name}{name}.png", full_page=True)
    context.close()


@pytest.fixture
def page(request, browser, live_server):
    """A fresh browser tab on the live server."""
    with browser_tab(request, browser, live_server) as tab:
        yield tab


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup, django_db_blocker):
    """The rows that migrations create (content types, permissions, the newsroom's groups),
    serialized once before any test has changed them, and how many of each model."""
    from django.db import connection

    with django_db_blocker.unblock():
        rows = connection.creation.serialize_db_to_string()
    return rows, collections.Counter(row["model"] for row in json.loads(rows))


@pytest.fixture(autouse=True)
def rows_from_migrations(request):
    """Transactional tests (browser, concurrency, servers) empty the database when they end,
    and pytest-django runs them after all the others; each one must start with the rows
    that migrations create. Django's serialized rollback puts them back, except after a
    browser test: starting Playwright switches the context that Django's connections live
    in, and with it Django's serialized copy (the flush then makes content types and
    permissions anew, under other ids, and no groups). So, when the rows are not as
    migrations left them, the database is emptied and they are put back here."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    rows, counts = request.getfixturevalue("migrated_rows")
    request.getfixturevalue("transactional_db")
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection

    if any(apps.get_model(model).objects.count() != n for model, n in counts.items()):
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(rows)


def pytest_collection_modifyitems(items):
    """Transactional tests roll back by serialization (see rows_from_migrations), which also
    keeps Django's flush from making content types and permissions anew under other ids."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction"):
            # Prepended, so that it is the closest marker also where the test's own
            # decorator gives one: appended, a decorated test ran without serialized
            # rollback, and its flush made content types anew for the next test to meet.
            rollback = pytest.mark.django_db(**marker.kwargs | {"serialized_rollback": True})
            item.add_marker(rollback, append=False)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
