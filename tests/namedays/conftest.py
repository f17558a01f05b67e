import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation


@pytest.fixture(scope="module")
def calendar(django_db_setup, django_db_blocker):
    """The official calendar, loaded once per test module by the real command.

    Each test runs in a savepoint inside this transaction, so a test that changes names
    leaves the next one the untouched calendar; the module's end rolls it all back.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_namedays", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def layout_queries(client):
    """How many queries the shared layout alone costs (the header and sidebar widgets of
    every app), measured on a 404 page, so that a page's own count stays exact."""
    with CaptureQueriesContext(connection) as queries:
        client.get("/nav-tadas-lapas/")
    # A 404 also asks the old addresses (the addresses app), which is not layout.
    return len([q for q in queries if "addresses_oldaddress" not in q["sql"]])


@pytest.fixture(autouse=True)
def latvian():
    """Each test starts in Latvian: a request to /ru/ leaves Russian active for reverse()."""
    with translation.override("lv"):
        yield
