"""--jobs 2 imports the same as one process does."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from imports.models import ImportedRecord
from news.models import Article, Section

ROOT = Path(__file__).resolve().parent.parent.parent


def import_in_own_process(*args, media_root):
    """manage.py import_archive as a sysadmin runs it, on this test's database: its workers
    are forked from a fresh process, never from the test runner with its connections."""
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    env = {
        **os.environ,
        "DATABASE_URL": f"{server}/{connection.settings_dict['NAME']}",
        "MEDIA_ROOT": str(media_root),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "import_archive", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
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
