"""A backup restored into a new, empty database and media folder is the same site (issue 8).

The backup and the restore run as a sysadmin runs them (scripts/backup.py, which `make
backup` and `make restore` call); what readers see is then read in a separate process, on
the original and on the restored copy, through Django's test client and media storage.
"""

import datetime
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from psycopg import sql

from tests.factories import make_article, make_section
from tests.gallery.factories import jpeg_bytes, make_photo
from tests.polls.factories import make_poll, make_votes
from tests.test_settings import BASE_DIR

pytestmark = pytest.mark.django_db(transaction=True)

SUMMARY = (
    "import json, django; django.setup(); "
    "from tests.test_backup import site_summary; print(json.dumps(site_summary()))"
)


def site_summary():
    """Articles, photos, polls and name days as readers get them (run in a subprocess)."""
    from django.core.files.storage import default_storage
    from django.test import Client
    from django.urls import reverse

    from gallery.models import Photo
    from namedays.models import Name, NameDay
    from news.models import Article
    from polls.models import Poll

    client = Client(HTTP_HOST="localhost")
    front_page = client.get("/").text
    found = client.get(reverse("news:search"), {"q": "kraslava"}).text
    names = client.get(reverse("namedays:search"), {"vards": "janis"}).text
    articles = Article.objects.published().order_by("pk")
    photo = Photo.objects.latest_of_the_day()
    photo_page = client.get(photo.get_absolute_url())
    served = client.get(photo.url_of(photo.largest_jpeg()))

    def checksum(name):
        with default_storage.open(name, "rb") as stored:
            return hashlib.sha256(stored.read()).hexdigest()

    return {
        "articles": [
            [a.title, client.get(a.get_absolute_url()).status_code, a.title in front_page]
            for a in articles
        ],
        "found_by_search": [a.title for a in articles if a.get_absolute_url() in found],
        "photos": [
            [photo.title, {name: checksum(name) for name in photo.stored_names()}]
            for photo in Photo.objects.order_by("pk")
        ],
        "photo_of_the_day": [
            photo_page.status_code,
            photo.url_of(photo.fallback_rendition()) in photo_page.text,
            served.status_code,
            hashlib.sha256(b"".join(served.streaming_content)).hexdigest(),
        ],
        "polls": [
            [poll.question, [[c.text, c.vote_count] for c in poll.results().choices]]
            for poll in Poll.objects.order_by("pk")
        ],
        "name_days": [NameDay.objects.count(), Name.objects.count()],
        "name_search": [name for name in ("Jānis", "Janis") if name in names],
    }


def run(*args, database, media, **extra):
    environment = {key: value for key, value in os.environ.items() if key != "PGPASSWORD"}
    environment |= {"DATABASE_URL": database, "MEDIA_ROOT": str(media), "DEBUG": "true"}
    environment |= extra
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def summary_of(database, media):
    result = run("-c", SUMMARY, database=database, media=media)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def url_of(name):
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def newsroom(media_root):
    """A small site: articles, photos with one of them the photo of the day, a poll with
    votes; and its database's URL."""
    section = make_section(name_lv="Novadā")
    make_article(section=section, title_lv="Krāslavā atklāj jauno tiltu")
    make_article(section=section, title_lv="Skolēni stāda ozolus")
    make_article(title_lv="Melnraksts", is_published=False)
    make_photo(title_lv="Rudens pie ezera", shown_on=timezone.localdate())
    make_photo(jpeg_bytes(1000, 750), title_lv="Tilts", shown_on=None)
    poll = make_poll(question_lv="Vai jums patīk jaunais tilts?", choices=["Jā", "Nē"])
    yes, no = poll.choices.all()
    make_votes(yes, 3)
    make_votes(no, 1)
    make_poll(
        choices=["Jā"],
        opens_at=timezone.now() - datetime.timedelta(days=9),
        closes_at=timezone.now() - datetime.timedelta(days=2),
    )
    return url_of(connection.settings_dict["NAME"])


@pytest.fixture
def restored_url():
    """A database that does not exist yet; dropped again at the end."""
    name = f"{connection.settings_dict['NAME']}_restored"
    yield url_of(name)
    with psycopg.connect(url_of("postgres"), autocommit=True) as server:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        server.execute(drop)


def back_up(database, media, output, **extra):
    result = run(
        "scripts/backup.py",
        "create",
        "--output",
        str(output),
        database=database,
        media=media,
        **extra,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_backup_restored_into_an_empty_database_shows_the_same_site(
    newsroom, media_root, restored_url, tmp_path
):
    call_command("load_namedays", verbosity=0)
    archive = back_up(newsroom, media_root, tmp_path / "backups")
    restored_media = tmp_path / "restored-media"

    result = run(
        "scripts/backup.py", "restore", archive, database=restored_url, media=restored_media
    )

    assert result.returncode == 0, result.stderr
    original = summary_of(newsroom, media_root)
    assert summary_of(restored_url, restored_media) == original
    # Guards the comparison: it compared a site with everything in it.
    assert [title for title, status, shown in original["articles"] if status == 200 and shown] == [
        "Krāslavā atklāj jauno tiltu",
        "Skolēni stāda ozolus",
    ]
    assert original["found_by_search"] == ["Krāslavā atklāj jauno tiltu"]  # unaccent, too
    # The master, the renditions and the three crops for Google (issue 21).
    assert [len(files) for _title, files in original["photos"]] == [10, 12]
    assert original["photo_of_the_day"][:3] == [200, True, 200]
    assert original["polls"][0] == ["Vai jums patīk jaunais tilts?", [["Jā", 3], ["Nē", 1]]]
    assert original["name_days"][0] == 366 and original["name_days"][1] > 1000
    assert original["name_search"] == ["Jānis", "Janis"]


def damaged_copy(archive, tmp_path, checksums=True):
    """The archive with its database dump cut in half, as a failing disk or copy leaves it;
    without `checksums`, its manifest has none, as archives made before issue 18."""
    damaged = tmp_path / ("damaged.tar" if checksums else "damaged-unchecked.tar")
    with tarfile.open(archive) as whole, tarfile.open(damaged, "w") as broken:
        for member in whole.getmembers():
            content = whole.extractfile(member).read()
            if member.name == "database.dump":
                content = content[: len(content) // 2]
            if member.name == "manifest.json" and not checksums:
                manifest = json.loads(content)
                del manifest["database"]["sha256"], manifest["media"]["sha256"]
                content = json.dumps(manifest).encode()
            member.size = len(content)
            broken.addfile(member, io.BytesIO(content))
    return damaged


def test_restore_replaces_a_site_only_when_forced_and_only_with_a_whole_backup(
    newsroom, media_root, restored_url, tmp_path
):
    """A restore never destroys data by mistake: a site with data is refused unless forced,
    and a damaged backup, even forced, leaves the database as it was: refused at once when
    its checksums show the damage, rolled back when only the database finds it."""
    archive = back_up(newsroom, media_root, tmp_path / "backups")
    restored_media = tmp_path / "restored-media"

    def restore(*args):
        return run(
            "scripts/backup.py", "restore", *args, database=restored_url, media=restored_media
        )

    restore(archive)
    votes_and_titles = (
        "SELECT (SELECT count(*) FROM polls_vote),"
        " (SELECT array_agg(title_lv ORDER BY id) FROM news_article)"
    )
    with psycopg.connect(newsroom) as original:
        backed_up = original.execute(votes_and_titles).fetchone()
    with psycopg.connect(restored_url, autocommit=True) as restored:
        restored.execute("DELETE FROM polls_vote")
        restored.execute("UPDATE news_article SET title_lv = 'Pārrakstīts'")

        refused = restore(archive)
        after_refusal = restored.execute(votes_and_titles).fetchone()
        damaged = restore(damaged_copy(archive, tmp_path), "--force")
        unchecked = restore(damaged_copy(archive, tmp_path, checksums=False), "--force")
        after_damaged = restored.execute(votes_and_titles).fetchone()
        forced = restore(archive, "--force")
        after_force = restored.execute(votes_and_titles).fetchone()

    assert refused.returncode == 1
    assert "Refusing to restore over existing data" in refused.stderr
    assert after_refusal == (0, ["Pārrakstīts"] * 3)
    assert damaged.returncode == 1
    assert damaged.stderr.endswith(
        "database.dump is not what was backed up. Restore another "
        "backup (make restore ARCHIVE=…).\n"
    )
    assert unchecked.returncode == 1
    assert "The database was not restored" in unchecked.stderr
    assert after_damaged == after_refusal
    assert forced.returncode == 0, forced.stderr
    assert after_force == backed_up
    assert backed_up == (
        4,
        ["Krāslavā atklāj jauno tiltu", "Skolēni stāda ozolus", "Melnraksts"],
    )
