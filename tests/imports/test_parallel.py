"""--jobs 2 imports the same as one process does."""

import pytest

from imports.models import ImportedRecord
from news.models import Article, Section
from tests.imports.conftest import run_in_own_process


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
