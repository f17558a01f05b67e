"""The neutral format (docs/import-format.md) goes in with the same guarantees."""

import json

import pytest
from django.utils import translation

from addresses.models import OldAddress
from news.models import Article
from scripts.make_archive import photo_bytes
from tests.imports.conftest import run_import

pytestmark = pytest.mark.django_db

STORY = {
    "id": "kv-420",
    "slug": "to-nedrikst-aizmirst",
    "section": {
        "slug": "darbi-un-cilveki",
        "name": {"lv": "Darbi un cilvēki", "ru": "Дела и люди"},
        "old_addresses": [{"path": "/zinas/browse/1/category/darbi-un-cilveki.html"}],
    },
    "published_at": "2019-03-14T10:00:00+02:00",
    "title": {"lv": "To nedrīkst aizmirst", "ru": "Это нельзя забыть"},
    "lead": {"lv": "Atceres brīdis pie pieminekļa."},
    "body": {
        "lv": "<p>Pie pieminekļa pulcējās ļaudis.</p>",
        "ru": "<p>У памятника собрались люди.</p>",
    },
    "author": "Inese Kalniņa",
    "author_role": "žurnāliste",
    "main_photo": {
        "file": "foto/piemineklis.jpg",
        "caption": {"lv": "Piemineklis", "ru": "Памятник"},
        "credit": {"lv": "Jura Rogas foto", "ru": "Фото Юриса Роги"},
    },
    "photos": ["foto/ziedi.jpg"],
    "old_addresses": [
        {"path": "/zinas/browse/420/article/3/to-nedrikst-aizmirst.html", "language": "lv"},
        {"path": "/ru/novosti/browse/420/article/3/to-nedrikst-aizmirst.html", "language": "ru"},
    ],
}


@pytest.fixture
def sample(tmp_path):
    (tmp_path / "foto").mkdir()
    (tmp_path / "foto" / "piemineklis.jpg").write_bytes(photo_bytes(900, 600, 1))
    (tmp_path / "foto" / "ziedi.jpg").write_bytes(photo_bytes(900, 600, 2))
    second = {**STORY, "id": "kv-421", "slug": "", "title": {"lv": "Otrā ziņa"}}
    second.update(main_photo=None, photos=[], old_addresses=[])
    lines = [
        json.dumps(STORY, ensure_ascii=False),
        json.dumps(second, ensure_ascii=False),
        '{"id": "kv-422", "title": {"lv": "Bez datuma"}, "section": "x", "published_at": "vakar"}',
        "this line is not JSON",
    ]
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, tmp_path


def test_the_neutral_format_goes_in(client, sample):
    path, media = sample
    out, _err = run_import(path, "--media-dir", media)
    assert "Skipped kv-422: the date 'vakar' does not parse" in out
    assert "Skipped line 4: not valid JSON" in out
    assert "2 new, 0 updated, 0 unchanged, 2 skipped" in out
    article = Article.objects.get(slug="to-nedrikst-aizmirst")
    assert [(a.name, a.role) for a in article.byline()] == [("Inese Kalniņa", "žurnāliste")]
    assert article.main_photo.credit_ru == "Фото Юриса Роги"
    assert len(article.gallery_photos()) == 1
    page = client.get(article.get_absolute_url())
    assert "Pie pieminekļa pulcējās ļaudis." in page.text
    assert "Inese Kalniņa" in page.text
    with translation.override("ru"):
        russian_url = article.get_absolute_url()
        section_url = article.section.get_absolute_url()
    assert "У памятника собрались люди." in client.get(russian_url).text
    old = client.get(
        "/zinas/browse/7/category/darbi-un-cilveki/article/3/to-nedrikst-aizmirst.html"
    )
    assert old.status_code == 301
    assert old["Location"] == article.get_absolute_url()
    assert client.get("/ru/novosti/browse/3/article/3/to-nedrikst-aizmirst.html")["Location"] == (
        russian_url
    )
    assert client.get("/zinas/browse/1/category/darbi-un-cilveki.html").status_code == 301
    assert client.get("/ru/novosti/category/darbi-un-cilveki/")["Location"] == section_url
    assert Article.objects.get(title_lv="Otrā ziņa").slug == "otra-zina"
    # A rerun changes nothing.
    count = OldAddress.objects.count()
    out, _err = run_import(path, "--media-dir", media)
    assert "0 new, 0 updated, 2 unchanged, 2 skipped" in out
    assert OldAddress.objects.count() == count
    assert Article.objects.count() == 2


def test_the_example_in_the_docs_is_valid(tmp_path, settings):
    """docs/import-format.md's example line imports as it is (its photo left out)."""
    from pathlib import Path

    docs = (Path(settings.BASE_DIR) / "docs" / "import-format.md").read_text()
    example = docs.split("```json\n", 1)[1].split("\n```", 1)[0]
    data = json.loads(example)
    assert set(STORY) <= set(data)
    data.pop("main_photo"), data.pop("photos")
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(data) + "\n")
    out, _err = run_import(path)
    assert "1 new" in out


def test_records_the_database_would_refuse_are_skipped_not_fatal(tmp_path):
    long_address = {**STORY, "id": "kv-1", "main_photo": None, "photos": []}
    long_address["old_addresses"] = ["/zinas/" + "a" * 600]
    wrong_language = {**STORY, "id": "kv-2", "slug": "cits", "main_photo": None, "photos": []}
    wrong_language["old_addresses"] = [{"path": "/x", "language": "de"}]
    long_title = {**STORY, "id": "kv-3", "slug": "", "main_photo": None, "photos": []}
    long_title.update(title={"lv": "Garš " * 30}, old_addresses=[], author="A" * 150)
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(json.dumps(r) for r in [long_address, wrong_language, long_title]) + "\n"
    )
    out, _err = run_import(path)
    assert "Skipped kv-1: the old address" in out
    assert "Skipped kv-2: the old address's language 'de' is unknown" in out
    assert "1 new, 0 updated, 0 unchanged, 2 skipped" in out


def test_a_full_disk_stops_the_import_in_one_line(sample, monkeypatch):
    from django.core.files.storage import FileSystemStorage
    from django.core.management import CommandError

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", full)
    path, media = sample
    with pytest.raises(CommandError, match="No space left on device"):
        run_import(path, "--media-dir", media)
    assert not Article.objects.filter(slug="to-nedrikst-aizmirst").exists()
