"""A file that cannot be imported as a whole gets one clear line, a non-zero exit, and
nothing is written."""

import pytest
from django.core.management import CommandError

from news.models import Article
from scripts.make_archive import make_archive
from tests.imports.conftest import run_import, run_in_own_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(tmp_path):
    return make_archive(tmp_path, 3, photos_per_article=1, width=400)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "the file is empty"),
        ("   \n\n", "the file is empty"),
        ("id,title\n1,Raksts\n", "neither a WordPress export (WXR, XML) nor JSON Lines"),
        ("<html><body>Sveiki</body></html>", "not a WordPress export (WXR) file"),
        ('<?xml version="1.0"?><rss><channel><item/></channel></rss>', "not a WordPress export"),
        (
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<rss><channel>&x;</channel></rss>",
            "declares a DTD",
        ),
        ('{"id": "1", "title": {"lv": "Raksts"}}\n{"id": "2", "tit', "truncated"),
    ],
)
def test_one_clear_line_and_a_non_zero_exit(tmp_path, content, expected):
    path = tmp_path / "archive.dat"
    path.write_text(content)
    result = run_in_own_process(path)
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_truncated_export_is_refused_before_anything_is_written(archive, tmp_path):
    data = archive.read_text()
    archive.write_text(data[: len(data) * 2 // 3])
    with pytest.raises(CommandError, match="truncated"):
        run_import(archive, "--media-dir", tmp_path / "uploads")
    assert Article.objects.count() == 0
    assert "truncated" in run_in_own_process(archive, "--media-dir", tmp_path / "uploads").stderr


def test_a_missing_file_or_folder(tmp_path, archive):
    assert "no such file" in run_in_own_process(tmp_path / "nav.xml").stderr
    result = run_in_own_process(archive, "--media-dir", tmp_path / "nav")
    assert result.returncode != 0
    assert "no such folder" in result.stderr
