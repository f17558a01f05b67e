"""Backups kept off the machine, encrypted, rotated, and restores that say what is wrong
(issue 18). As in tests/test_backup.py, the script runs as the sysadmin runs it; the
"off-site" storage is a second Django storage (a folder here, an S3 bucket in production)."""

import email
import email.policy
import io
import json
import subprocess
import tarfile

import pytest
from pyrage import x25519

from tests import test_backup
from tests.test_backup import back_up, run, summary_of
from tests.test_settings import BASE_DIR

# The site to back up and the empty database to restore into, as in tests/test_backup.py.
newsroom, restored_url = test_backup.newsroom, test_backup.restored_url

pytestmark = pytest.mark.django_db(transaction=True)

KEEP = {"BACKUP_KEEP_DAILY": "2", "BACKUP_KEEP_WEEKLY": "2", "BACKUP_KEEP_MONTHLY": "3"}


def offsite(folder):
    return {
        "BACKUP_STORAGE": "django.core.files.storage.FileSystemStorage",
        "BACKUP_STORAGE_OPTIONS": json.dumps({"location": str(folder)}),
    }


def one_line(result):
    """The one line that says why a command was refused: its last, after what it was
    doing (progress), and no traceback."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.splitlines()[-1]


def test_backups_go_off_site_are_rotated_there_and_here_and_restore_from_there(
    newsroom, media_root, restored_url, tmp_path
):
    from django.db import connection

    database = connection.settings_dict["NAME"]
    here, there = tmp_path / "backups", tmp_path / "offsite"
    old = [
        f"{database}-{stamp}.tar"
        for stamp in (
            "2020-01-10-031500",
            "2020-01-20-031500",
            "2020-02-03-031500",
            "2020-02-04-031500",
            "2020-02-04-120000",
            "2020-03-01-031500",
        )
    ]
    others = ["notes.txt", "vestis_other-2020-01-01-031500.tar"]
    for folder in (here, there):
        folder.mkdir()
        for name in old + others:
            (folder / name).write_bytes(b"an old archive")

    archive = back_up(newsroom, media_root, here, **offsite(there), **KEEP)

    new = archive.rsplit("/", 1)[1]
    # Two days (today, 1 March), two weeks (the same), three months (+ 4 Feb's newest).
    expected = sorted([new, old[-1], old[-2], *others])
    assert sorted(path.name for path in here.iterdir()) == expected
    assert sorted(path.name for path in there.iterdir()) == expected
    assert (there / new).read_bytes() == (here / new).read_bytes()

    # The machine is lost: a new one has the code, its .env, and the off-site storage.
    new_machine = tmp_path / "new-machine"
    restored_media = tmp_path / "restored-media"
    result = run(
        "scripts/backup.py",
        "restore",
        "--offsite",
        "latest",
        database=restored_url,
        media=restored_media,
        BACKUP_DIR=str(new_machine),
        **offsite(there),
    )
    assert result.returncode == 0, result.stderr
    assert (new_machine / new).read_bytes() == (here / new).read_bytes()
    assert summary_of(restored_url, restored_media) == summary_of(newsroom, media_root)


def test_an_encrypted_backup_needs_its_secret_key_to_restore(
    newsroom, media_root, restored_url, tmp_path
):
    """The server holds only the public key; the secret one comes with the sysadmin."""
    key = x25519.Identity.generate()
    key_file = tmp_path / "vestis-backup-key.txt"
    key_file.write_text(f"# created: by age-keygen\n# public key: {key.to_public()}\n{key}\n")
    other_key_file = tmp_path / "another-key.txt"
    other_key_file.write_text(f"{x25519.Identity.generate()}\n")
    archive = back_up(
        newsroom, media_root, tmp_path / "backups", BACKUP_ENCRYPT_TO=str(key.to_public())
    )
    assert archive.endswith(".tar.age")
    with open(archive, "rb") as encrypted:
        content = encrypted.read()
    assert content.startswith(b"age-encryption.org/v1\n")
    assert b"manifest.json" not in content and b"database.dump" not in content
    restored_media = tmp_path / "restored-media"

    def restore(*args):
        return run(
            "scripts/backup.py",
            "restore",
            archive,
            *args,
            database=restored_url,
            media=restored_media,
        )

    assert one_line(restore()) == (
        f"{archive} is encrypted: give the file with its secret key, --identity FILE "
        "(make: IDENTITY=FILE)."
    )
    assert one_line(restore("--identity", str(other_key_file))) == (
        f"{archive} cannot be decrypted: it was encrypted for another key than the one given."
    )
    restored = restore("--identity", str(key_file))
    assert restored.returncode == 0, restored.stderr
    assert summary_of(restored_url, restored_media) == summary_of(newsroom, media_root)
    assert list((tmp_path / "backups").glob(".decrypted-*")) == []  # no plain copy left


def truncated(archive, tmp_path):
    broken = tmp_path / "truncated.tar"
    with open(archive, "rb") as whole:
        content = whole.read()
    broken.write_bytes(content[: len(content) * 2 // 3])
    return broken


def photo_changed(archive, tmp_path):
    """The archive with one byte of a photo changed, which no tar reader notices."""
    changed = tmp_path / "changed.tar"
    with tarfile.open(archive) as whole, tarfile.open(changed, "w") as copy:
        for member in whole.getmembers():
            content = bytearray(whole.extractfile(member).read())
            if member.name.startswith("media/") and member.name.endswith(".jpg"):
                content[len(content) // 2] ^= 0xFF
            copy.addfile(member, io.BytesIO(content))
    return changed


def test_restore_says_in_one_line_what_is_wrong_with_a_damaged_archive(
    newsroom, media_root, restored_url, tmp_path
):
    archive = back_up(newsroom, media_root, tmp_path / "backups")
    restored_media = tmp_path / "restored-media"

    def restore(path):
        return run(
            "scripts/backup.py", "restore", str(path), database=restored_url, media=restored_media
        )

    cut = truncated(archive, tmp_path)
    assert one_line(restore(cut)).startswith(f"{cut} is damaged: it ends early")
    changed = photo_changed(archive, tmp_path)
    message = one_line(restore(changed))
    assert message.startswith(f"{changed} is damaged: media/")
    assert message.endswith(
        ".jpg is not what was backed up. Restore another backup (make restore ARCHIVE=…)."
    )
    assert not restored_media.exists()  # nothing was put back
    verified = run("scripts/backup.py", "verify", archive, database=newsroom, media=media_root)
    assert verified.returncode == 0 and " is whole: " in verified.stderr


def test_restore_says_in_one_line_that_an_archive_is_missing_or_foreign(restored_url, tmp_path):
    missing = subprocess.run(
        ["make", "--no-print-directory", "restore", "ARCHIVE=/missing.tar"],
        cwd=BASE_DIR,
        env={**os_environment(), "DATABASE_URL": restored_url, "BACKUP_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode != 0
    assert missing.stderr.splitlines()[-2:][0] == (
        f"/missing.tar does not exist (the latest backups in {tmp_path}: none)."
    )

    photo = tmp_path / "photo.tar"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a JPEG, named .tar" + bytes(2000))
    other = tmp_path / "other.tar"
    with tarfile.open(other, "w") as tar:
        tar.add(BASE_DIR / "README.md", "README.md")

    def restore(path):
        return run(
            "scripts/backup.py",
            "restore",
            str(path),
            database=restored_url,
            media=tmp_path / "media",
        )

    assert one_line(restore(photo)) == (
        f"{photo} is not a backup of this site: not a tar archive, or damaged at its start."
    )
    assert one_line(restore(other)) == (
        f"{other} is not a backup of this site: a tar archive without manifest.json."
    )


def test_a_failed_nightly_backup_is_mailed_to_the_admins(newsroom, media_root, tmp_path):
    mails = tmp_path / "mails"
    result = run(
        "scripts/backup.py",
        "create",
        "--quiet",
        "--mail-admins",
        database=newsroom,
        media=media_root,
        BACKUP_DIR=str(tmp_path / "backups"),
        BACKUP_ENCRYPT_TO="age1-not-a-key",
        ADMINS="ops@example.lv",
        EMAIL_URL=f"filemail://{mails}",
    )
    assert (
        one_line(result) == "BACKUP_ENCRYPT_TO: 'age1-not-a-key' is not an age public key (age1…)"
    )
    [mail] = mails.iterdir()
    message = email.message_from_string(mail.read_text(), policy=email.policy.default)
    assert message["To"] == "ops@example.lv"
    assert message["Subject"] == "[Krāslavas Vēstis] Backup failed"
    assert "is not an age public key" in message.get_content()


def os_environment():
    import os

    return {key: value for key, value in os.environ.items() if key != "PGPASSWORD"}
