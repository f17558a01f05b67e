"""--jobs 2 imports the same as one process does."""

import signal

import pytest
from django.core.management import CommandError
from django.db import connection, transaction

from imports import parallel
from imports.models import ImportedRecord
from news.models import Article, Section
from tests.imports.conftest import run_import, run_in_own_process


def import_in_own_process(*args, media_root):
    """Its workers are forked from a fresh process, never from the test runner with its
    connections."""
    result = run_in_own_process(*args, media_root=media_root)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.django_db(transaction=True)  # the import's processes see only what is committed
def test_two_workers_import_what_one_would(wxr_sample, media_root):
    path, uploads = wxr_sample
    out = import_in_own_process(path, "--media-dir", uploads, "--jobs", "2", media_root=media_root)
    assert "3 new, 0 updated, 0 unchanged, 5 skipped" in out
    assert "Skipped wp:201: attachment 2019/03/pazudis.jpg is missing" in out
    assert Article.objects.count() == 3
    assert Section.objects.filter(slug="kultura").count() == 1
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    assert article.title_ru == "Это нельзя забыть"
    assert len(article.gallery_photos()) == 3
    out = import_in_own_process(path, "--media-dir", uploads, "--jobs", "2", media_root=media_root)
    assert "0 new, 0 updated, 3 unchanged, 5 skipped" in out
    assert ImportedRecord.objects.filter(kind="article").count() == 3


@pytest.mark.django_db(transaction=True)
def test_jobs_called_in_process_leave_the_callers_connection_alone(wxr_sample, media_root):
    """call_command() from a running Django process: the workers are forked from it, open
    their own connections, and the caller's stays open and usable."""
    path, uploads = wxr_sample
    Section.objects.create(slug="vietas", name_lv="Vietas")  # the caller's session is open
    before = connection.connection
    out, _err = run_import(path, "--media-dir", uploads, "--jobs", "2")
    assert "3 new, 0 updated, 0 unchanged, 5 skipped" in out
    assert connection.connection is before  # neither closed nor replaced
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM news_article")
        assert cursor.fetchone() == (3,)
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    assert article.title_ru == "Это нельзя забыть"
    assert sorted(Section.objects.values_list("slug", flat=True)) == [
        "kultura",
        "sports",
        "vietas",
    ]
    out, _err = run_import(path, "--media-dir", uploads, "--jobs", "2")
    assert "0 new, 0 updated, 3 unchanged, 5 skipped" in out


@pytest.mark.django_db(transaction=True)
def test_jobs_inside_a_transaction_are_refused_in_one_line(wxr_sample, media_root):
    path, uploads = wxr_sample
    with transaction.atomic():
        Section.objects.create(slug="vietas", name_lv="Vietas")
        with pytest.raises(CommandError, match=r"^--jobs cannot run inside a database trans"):
            run_import(path, "--media-dir", uploads, "--jobs", "2")
        assert Section.objects.count() == 1  # the caller's transaction is still usable
    assert Article.objects.count() == 0
    assert Section.objects.get().slug == "vietas"


def hung(signum, frame):
    raise AssertionError("the command did not end")


@pytest.mark.django_db(transaction=True)
def test_a_full_disk_stops_two_workers_in_one_line(wxr_sample, media_root, monkeypatch):
    """A worker's error ends the command, whose reading thread may be waiting for room."""
    from django.core.files.storage import FileSystemStorage

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", full)  # the forked workers inherit it
    monkeypatch.setattr(parallel, "AHEAD_PER_JOB", 1)  # the reader waits from the start
    path, uploads = wxr_sample
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    try:
        with pytest.raises(CommandError, match=r"^Stopped: photo files cannot be written \(No"):
            run_import(path, "--media-dir", uploads, "--jobs", "2")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert not Article.objects.filter(slug="to-nedrikst-aizmirst").exists()
    assert not ImportedRecord.objects.filter(kind="photo").exists()
