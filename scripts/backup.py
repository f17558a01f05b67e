"""Back up the whole site, its database and its media, into one archive; restore one (issues 8, 18).

    python scripts/backup.py create [--output DIR] [--quiet] [--mail-admins]    # make backup
    python scripts/backup.py restore ARCHIVE [--force] [--identity KEY]          # make restore
    python scripts/backup.py restore --offsite NAME|latest [--force] [--identity KEY]
    python scripts/backup.py verify ARCHIVE [--identity KEY]
    python scripts/backup.py list

An archive is a tar file, `<BACKUP_DIR>/<database>-<YYYY-MM-DD-HHMMSS>.tar`, holding
`database.dump` (pg_dump's custom format: compressed, restorable by any newer pg_restore),
`media/…` (every file of the media storage as it is stored) and `manifest.json` (what is in
it, with the SHA-256 of every member). The tar itself is not compressed: the dump already
is, and JPEG and WebP do not shrink. With BACKUP_ENCRYPT_TO set, the tar is encrypted on
its way to the disk with age (scripts/encryption.py) and named `….tar.age`.

Consistent: the database is dumped from one snapshot, and in that same snapshot the script
lists the files that rows name (photos and their renditions); the media is copied after the
dump, so each of those files exists by then (files are stored before their row commits).
Files named by rows but missing from the storage are listed in the manifest and reported.
Streaming: files go one by one from the storage into the archive (and through the
encryption), never whole into memory, and never twice onto the disk.

The media goes through Django's storage API (STORAGES["default"]), so backups work the same
with the file system or an S3-like storage, and can move a site from one to the other.
After writing an archive, `create` copies it to STORAGES["backups"] when BACKUP_STORAGE is
set (off the machine), then applies the rotation (scripts/rotation.py, BACKUP_KEEP_*) here
and there.

A restore first reads the whole archive and checks every member against the manifest, and
says in one line what is wrong with a missing, damaged, foreign or undecryptable archive,
before anything is changed. It goes into an empty database (created when missing) and an
empty storage, and is refused otherwise unless forced. It puts the media back first, then
loads the database in a single transaction: a failure leaves the database as it was and
removes the files it put. Progress goes to stderr; `create` prints the archive's path alone
to stdout.
"""

import argparse
import contextlib
import glob
import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from config.progress import Progress  # noqa: E402
from scripts import encryption, rotation  # noqa: E402
from scripts.database import ensure_database  # noqa: E402

FORMAT = 1  # manifests with checksums are still format 1: older archives lack them only
DUMP = "database.dump"
MANIFEST = "manifest.json"
MEDIA = "media/"
# Keys of Django's connection parameters that are not libpq's.
NOT_LIBPQ = {"cursor_factory", "context", "prepare_threshold"}


class Refused(Exception):  # noqa: N818 (it is a refusal, said to the sysadmin)
    """What is wrong, in one line for the sysadmin: the command stops with it."""


# Warnings of this run (files missing from the media), mailed with --mail-admins.
WARNINGS = []


def say(message):
    print(message, file=sys.stderr)


def warn(message):
    WARNINGS.append(message)
    say(f"WARNING: {message}")


def silent(message):
    """`say` for --quiet, which leaves only warnings and errors (for cron)."""


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


# --- PostgreSQL's client programs ------------------------------------------------------------


def program_major(path):
    """The major version of a PostgreSQL client program ("pg_dump (PostgreSQL) 15.2" → 15)."""
    output = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    found = re.search(r"\) (\d+)", output)
    return int(found[1]) if found else 0


def client_program(name, server_major, at_least):
    """`name` (pg_dump, pg_restore, psql) of the server's major version, else the newest newer
    one: these programs handle servers and dumps older than themselves, never newer."""
    paths = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
    if found := shutil.which(name):
        paths.append(found)
    majors = {path: program_major(path) for path in paths}
    usable = {path: major for path, major in majors.items() if major >= at_least}
    if not usable:
        sys.exit(
            f"{name} {at_least} or newer is needed (PostgreSQL server {server_major}); found "
            f"{sorted(set(majors.values())) or 'none'}. Debian/Ubuntu: apt-get install "
            f"postgresql-client-{at_least}."
        )
    exact = [path for path, major in usable.items() if major == server_major]
    return exact[0] if exact else max(usable, key=usable.get)


def libpq_params(connection):
    """The Django connection's settings as libpq parameters."""
    params = connection.get_connection_params()
    return {k: v for k, v in params.items() if k not in NOT_LIBPQ}


def libpq_target(connection):
    """(conninfo, environment) for the client programs: the password travels in the
    environment, never on the command line where `ps` shows it."""
    from psycopg.conninfo import make_conninfo

    params = libpq_params(connection)
    environment = dict(os.environ)
    if password := params.pop("password", None):
        environment["PGPASSWORD"] = str(password)
    return make_conninfo(**params), environment


# --- Media through the storage API ------------------------------------------------------------


def storage_names(storage, folder=""):
    """The name of every file in `storage`, folder by folder."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a file-system storage whose folder was never made
        return
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for name in sorted(folders):
        yield from storage_names(storage, posixpath.join(folder, name))


def referenced_names():
    """Every media file that a row names: file fields, and the photos' renditions."""
    from django.apps import apps
    from django.db.models import FileField

    from gallery.models import Photo

    names = set()
    for model in apps.get_models():
        fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, FileField)]
        if fields:
            for values in model._base_manager.values_list(*fields):
                names.update(filter(None, values))
    for photo in Photo.objects.only("image", "renditions"):
        names.update(photo.stored_names())
    return names


# --- create ------------------------------------------------------------------------------------


def create(output, progress=say):
    """Write one archive into `output`, copy it off-site, rotate; returns its path."""
    from django.conf import settings
    from django.core.files.storage import default_storage
    from django.db import connection, transaction
    from django.utils import timezone

    started = time.monotonic()
    try:
        keys = encryption.recipients(settings.BACKUP_ENCRYPT_TO)
    except ValueError as error:
        raise Refused(str(error)) from None
    server_major = connection.pg_version // 10000  # the server's SHOW server_version_num
    pg_dump = client_program("pg_dump", server_major, at_least=server_major)
    output.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime(rotation.STAMP)
    prefix = connection.settings_dict["NAME"]
    archive = output / f"{prefix}-{stamp}.tar{encryption.SUFFIX if keys else ''}"
    partial = archive.with_name(archive.name + ".partial")
    conninfo, environment = libpq_target(connection)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": {"name": prefix, "server_major": server_major},
        "media": {"storage": settings.STORAGES["default"]["BACKEND"], "files": 0, "bytes": 0},
    }
    try:
        with (
            archive_writer(partial, keys) as sink,
            tarfile.open(fileobj=sink, mode="w|", format=tarfile.PAX_FORMAT) as tar,
        ):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                dump = output / f".{archive.name}.dump"
                try:
                    progress(f"Dumping database {prefix!r} …")
                    subprocess.run(
                        [pg_dump, "--format=custom", f"--snapshot={snapshot}", "--file", dump]
                        + ["--dbname", conninfo],
                        env=environment,
                        check=True,
                    )
                    manifest["database"]["dump_major"] = program_major(pg_dump)
                    manifest["database"]["bytes"] = dump.stat().st_size
                    with open(dump, "rb") as content:
                        manifest["database"]["sha256"] = add_file(tar, DUMP, content, dump)
                finally:
                    dump.unlink(missing_ok=True)
                referenced = referenced_names()
            names = list(storage_names(default_storage))
            progress(f"Copying {len(names):,} media files …")
            copied = Progress(len(names), label="Media files", stream=progress_stream(progress))
            checksums = manifest["media"]["sha256"] = {}
            for name in names:
                checksums[name] = add_media_file(tar, default_storage, name, manifest["media"])
                copied.advance()
            manifest["media"]["missing"] = sorted(referenced - set(names))
            add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        partial.rename(archive)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    media = manifest["media"]
    progress(
        f"Backed up the database ({manifest['database']['bytes']:,} bytes) and "
        f"{media['files']:,} media files ({media['bytes']:,} bytes) in "
        f"{time.monotonic() - started:.1f} s"
        + (f", encrypted to {len(keys)} key(s)." if keys else ".")
    )
    if media["missing"]:
        missing = "\n  ".join(media["missing"])
        warn(f"files named in the database are not in the media:\n  {missing}")
    if offsite := offsite_storage():
        copy_offsite(archive, offsite, progress)
    rotate(local_storage(output), prefix, progress)
    if offsite:
        rotate(offsite, prefix, progress, where=" off-site")
    return archive


def progress_stream(progress):
    """Where Progress lines go: stderr, unless --quiet."""
    return None if progress is silent else sys.stderr


@contextlib.contextmanager
def archive_writer(path, keys):
    """The new file `path` to write the archive into, encrypted to `keys` when given."""
    if keys:
        with encryption.encrypting(path, keys) as sink:
            yield sink
    else:
        with open(path, "xb") as sink:
            yield sink


class Hashing:
    """A file read through while the SHA-256 of what was read is kept."""

    def __init__(self, file):
        self.file, self.hash = file, hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.hash.update(data)
        return data


def add_file(tar, name, content, path):
    """Add the local file `path` (open as `content`) as `name`; returns its SHA-256."""
    info = tar.gettarinfo(path, name)
    hashing = Hashing(content)
    tar.addfile(info, hashing)
    return hashing.hash.hexdigest()


def add_media_file(tar, storage, name, totals):
    """Add the stored file `name`, streamed; returns its SHA-256."""
    info = tarfile.TarInfo(MEDIA + name)
    info.size = storage.size(name)
    with contextlib.suppress(NotImplementedError):
        info.mtime = storage.get_modified_time(name).timestamp()
    with storage.open(name, "rb") as content:
        hashing = Hashing(content)
        tar.addfile(info, hashing)
    totals["files"] += 1
    totals["bytes"] += info.size
    return hashing.hash.hexdigest()


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = time.time()
    with tempfile.SpooledTemporaryFile() as content:
        content.write(data)
        content.seek(0)
        tar.addfile(info, content)


# --- off-site copies and rotation ----------------------------------------------------------------


def offsite_storage():
    """STORAGES["backups"] (BACKUP_STORAGE), or None when no off-site copy is configured."""
    from django.conf import settings
    from django.core.files.storage import storages

    return storages["backups"] if "backups" in settings.STORAGES else None


def local_storage(folder):
    from django.core.files.storage import FileSystemStorage

    return FileSystemStorage(location=folder)


class Counting:
    """A file read through while Progress counts its bytes (an upload or a download)."""

    def __init__(self, file, progress):
        self.file, self.progress = file, progress

    def read(self, size=-1):
        data = self.file.read(size)
        self.progress.advance(len(data))
        return data

    def __getattr__(self, name):
        return getattr(self.file, name)


def copy_offsite(archive, storage, progress):
    """Store `archive` in the off-site `storage` under its own name, and check the copy."""
    from django.core.files import File

    size = archive.stat().st_size
    progress(f"Copying {archive.name} off-site ({size:,} bytes) …")
    sent = Progress(size, label="Bytes sent", stream=progress_stream(progress))
    with open(archive, "rb") as content:
        stored = storage.save(archive.name, File(Counting(content, sent), name=archive.name))
    if stored != archive.name or storage.size(stored) != size:
        raise Refused(
            f"The off-site copy of {archive.name} came out as {stored!r} of "
            f"{storage.size(stored):,} bytes instead of {size:,}: check the backup storage."
        )
    progress(f"Copied off-site as {stored}.")


def rotate(storage, prefix, progress, where=""):
    """Delete this database's archives that the rotation (BACKUP_KEEP_*) does not keep."""
    from django.conf import settings

    _folders, names = storage.listdir("")
    for name in rotation.to_delete(names, prefix, settings.BACKUP_KEEP):
        storage.delete(name)
        progress(f"Rotation: deleted {name}{where}.")


# --- restore -------------------------------------------------------------------------------------


def restore(archive, force, identity=None):
    from django.core.files.storage import default_storage
    from django.db import connection

    started = time.monotonic()
    with readable(archive, identity) as plain, open_tar(plain, archive) as tar:
        manifest, media = checked(tar, archive)
        ensure_database(libpq_params(connection))
        tables = connection.introspection.table_names()
        existing = [m.name for m in media if default_storage.exists(m.name[len(MEDIA) :])]
        if (tables or existing) and not force:
            raise Refused(
                f"Refusing to restore over existing data: the database has {len(tables)} "
                f"tables and {len(existing)} of the archive's media files already exist. "
                "Restore into an empty database and storage, or add --force (make: FORCE=1) "
                "to replace the database's contents and those files."
            )
        server_major = connection.pg_version // 10000
        at_least = max(server_major, manifest["database"].get("dump_major", 0))
        pg_restore = client_program("pg_restore", server_major, at_least)
        psql = client_program("psql", server_major, at_least)
        say(f"Putting back {len(media):,} media files …")
        added = put_media(tar, media, default_storage)
        try:
            say(f"Loading the database into {connection.settings_dict['NAME']!r} …")
            dump = tar.extractfile(DUMP)
            load_database(connection, dump, pg_restore, psql, replace=bool(tables))
        except BaseException:
            for name in added:
                default_storage.delete(name)
            raise
    connection.close()
    say(
        f"Restored {archive.name} (made {manifest['created_at']}) in "
        f"{time.monotonic() - started:.1f} s: {len(connection.introspection.table_names())} "
        f"tables, {len(media):,} media files. Next: manage.py migrate (if this code is newer)."
    )


def verify(archive, identity=None):
    """Read the whole archive and check it against its manifest; say what it holds."""
    with readable(archive, identity) as plain, open_tar(plain, archive) as tar:
        manifest, media = checked(tar, archive)
    checksums = "checked" if manifest["database"].get("sha256") else "not recorded (older)"
    say(
        f"{archive} is whole: made {manifest['created_at']}, a database dump of "
        f"{manifest['database']['bytes']:,} bytes and {len(media):,} media files "
        f"(checksums {checksums})."
    )


@contextlib.contextmanager
def readable(archive, identity):
    """The archive as a plain tar file: itself, or decrypted with the secret key in
    `identity` into a temporary file beside the backups (it needs that much free space)."""
    from django.conf import settings

    if not archive.is_file():
        latest = ", ".join(path.name for path in latest_backups()) or "none"
        raise Refused(
            f"{archive} does not exist (the latest backups in {settings.BACKUP_DIR}: {latest})."
        )
    if not encryption.is_encrypted(archive):
        yield archive
        return
    if identity is None:
        raise Refused(
            f"{archive} is encrypted: give the file with its secret key, --identity FILE "
            "(make: IDENTITY=FILE)."
        )
    try:
        keys = encryption.identities(identity)
    except (OSError, ValueError) as error:
        raise Refused(f"Cannot read the secret key: {error}.") from error
    settings.BACKUP_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=settings.BACKUP_DIR, prefix=".decrypted-") as folder:
        say(f"Decrypting {archive.name} …")
        plain = Path(folder) / archive.name.removesuffix(encryption.SUFFIX)
        try:
            encryption.decrypt(archive, keys, plain)
        except ValueError as error:
            raise Refused(f"{archive} cannot be decrypted: {error}.") from error
        yield plain


def open_tar(path, archive):
    """The tar file at `path` (`archive`, decrypted), for a `with` block."""
    try:
        return tarfile.open(path, "r:")  # noqa: SIM115 (the caller's `with` closes it)
    except tarfile.TarError as error:
        raise Refused(
            f"{archive} is not a backup of this site: not a tar archive, or damaged at its start."
        ) from error


def checked(tar, archive):
    """(manifest, media members) of an archive whose every member was read and matches
    the manifest's checksum; Refused says what is wrong."""
    try:
        members = tar.getmembers()
    except (tarfile.TarError, EOFError) as error:
        raise Refused(damaged(archive, "it ends early (a copy that broke off?)")) from error
    manifest = read_manifest(tar, archive)
    media = media_members(members)
    checksums = {DUMP: manifest["database"].get("sha256")} | {
        MEDIA + name: checksum for name, checksum in manifest["media"].get("sha256", {}).items()
    }
    if lacking := sorted(set(checksums) - {member.name for member in members}):
        raise Refused(damaged(archive, f"{len(lacking)} files are not in it, e.g. {lacking[0]}"))
    read = Progress(len(members), label="Files checked", stream=sys.stderr)
    for member in members:
        if member.isfile() and (expected := checksums.get(member.name)):
            hashing = Hashing(tar.extractfile(member))
            try:
                while hashing.read(1024 * 1024):
                    pass
            except (tarfile.TarError, EOFError, OSError) as error:
                raise Refused(damaged(archive, f"it ends early, in {member.name}")) from error
            if hashing.hash.hexdigest() != expected:
                raise Refused(damaged(archive, f"{member.name} is not what was backed up"))
        read.advance()
    return manifest, media


def damaged(archive, what):
    return f"{archive} is damaged: {what}. Restore another backup (make restore ARCHIVE=…)."


def read_manifest(tar, archive):
    try:
        content = tar.extractfile(MANIFEST)
    except KeyError:
        raise Refused(
            f"{archive} is not a backup of this site: a tar archive without {MANIFEST}."
        ) from None
    try:
        manifest = json.load(content)
    except (ValueError, tarfile.TarError, EOFError) as error:
        raise Refused(damaged(archive, f"its {MANIFEST} cannot be read")) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise Refused(f"{archive} has backup format {found}; this script reads {FORMAT}.")
    try:
        tar.getmember(DUMP)
    except KeyError:
        raise Refused(damaged(archive, "it has no database dump")) from None
    return manifest


def media_members(members):
    """The archive's media files; a link, a device or a name leading outside is refused."""
    media = []
    for member in members:
        if not member.name.startswith(MEDIA) or member.isdir():
            continue
        parts = member.name[len(MEDIA) :].split("/")
        if not member.isfile() or any(part in ("", ".", "..") for part in parts):
            raise Refused(f"Refusing an archive with an unsafe media entry: {member.name!r}.")
        media.append(member)
    return media


def put_media(tar, members, storage):
    """Store the archive's media files, replacing files of the same name; returns the names
    that did not exist before. On failure those are removed again, and the error goes on."""
    put = Progress(len(members), label="Media files", stream=sys.stderr)
    added = []
    try:
        for member in members:
            put.advance()
            name = member.name[len(MEDIA) :]
            if storage.exists(name):
                storage.delete(name)
            else:
                added.append(name)
            stored = storage.save(name, tar.extractfile(member))
            if stored != name:
                added.append(stored)
                raise RuntimeError(f"The storage saved {name!r} as {stored!r}.")
    except BaseException:
        for name in added:
            with contextlib.suppress(OSError):
                storage.delete(name)
        raise
    return added


def load_database(connection, dump, pg_restore, psql, replace):
    """Load the dump in one transaction: all of it, or nothing changes.

    pg_restore turns the dump into SQL (owners and grants left out, so that any role can
    restore it on another machine) and psql runs it with --single-transaction; replacing
    starts, in that same transaction, with an empty `public` schema. psql commits when its
    input ends, so a dump that breaks off (pg_restore failing) must never end its input:
    psql is killed instead, and the server rolls the transaction back."""
    conninfo, environment = libpq_target(connection)
    connection.close()  # the restore must not wait for this script's own locks
    prelude = "SET client_min_messages = warning;"
    if replace:
        prelude += " DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
    with tempfile.NamedTemporaryFile(suffix=".dump") as copy:
        shutil.copyfileobj(dump, copy)
        copy.flush()
        to_sql = subprocess.Popen(
            [pg_restore, "--no-owner", "--no-privileges", "--file", "-", copy.name],
            stdout=subprocess.PIPE,
        )
        loader = subprocess.Popen(
            [psql, "--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1"]
            + ["--output", os.devnull, "--command", prelude, "--file", "-", "--dbname", conninfo],
            stdin=subprocess.PIPE,
            env=environment,
        )
        try:
            shutil.copyfileobj(to_sql.stdout, loader.stdin)
            converted = to_sql.wait() == 0
        except BrokenPipeError:  # psql stopped at an error: it has rolled back
            converted = False
        if converted:
            loader.stdin.close()  # the end of the input: psql commits
        else:
            to_sql.kill()
            loader.kill()
        to_sql.wait()
        if loader.wait() or not converted:
            raise SystemExit("The database was not restored (see the errors above); unchanged.")


def latest_backups():
    from django.conf import settings

    folder = settings.BACKUP_DIR
    names = local_storage(folder).listdir("")[1] if folder.is_dir() else []
    return [settings.BACKUP_DIR / name for name in newest_first(names)[:3]]


def newest_first(names):
    """The archives among `names`, whatever their database's name, the newest first."""
    dated = [(moment, name) for name in names if (moment := rotation.made_at(name))]
    return [name for _, name in sorted(dated, reverse=True)]


def fetch_offsite(name):
    """Download the off-site archive `name` ("latest": the newest) into BACKUP_DIR, unless
    a whole copy is there already; returns its local path."""
    from django.conf import settings

    storage = offsite_storage()
    if storage is None:
        raise Refused("No off-site storage is configured: set BACKUP_STORAGE (see .env.example).")
    if name == "latest":
        found = newest_first(storage.listdir("")[1])
        if not found:
            raise Refused("The off-site storage holds no backups.")
        name = found[0]
    if not storage.exists(name):
        found = ", ".join(newest_first(storage.listdir("")[1])[:3]) or "none"
        raise Refused(f"The off-site storage has no {name} (the latest there: {found}).")
    size = storage.size(name)
    local = settings.BACKUP_DIR / name
    if local.is_file() and local.stat().st_size == size:
        say(f"{name} is here already: {local}")
        return local
    settings.BACKUP_DIR.mkdir(parents=True, exist_ok=True)
    partial = local.with_name(local.name + ".partial")
    say(f"Fetching {name} ({size:,} bytes) from the off-site storage …")
    received = Progress(size, label="Bytes received", stream=sys.stderr)
    try:
        with storage.open(name, "rb") as remote, open(partial, "wb") as copy:
            shutil.copyfileobj(Counting(remote, received), copy, 1024 * 1024)
        partial.rename(local)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return local


def list_backups():
    from django.conf import settings

    places = [(f"Here ({settings.BACKUP_DIR})", local_storage(settings.BACKUP_DIR))]
    if offsite := offsite_storage():
        places.append(("Off-site", offsite))
    for title, storage in places:
        try:
            names = newest_first(storage.listdir("")[1])
        except FileNotFoundError:
            names = []
        print(f"{title}: {len(names)} backups")
        for name in names:
            print(f"  {name}  {storage.size(name):>15,} bytes")


def mail_admins(subject, lines):
    """Tell ADMINS (for the nightly run, which nobody watches)."""
    from django.core.mail import mail_admins

    try:
        mail_admins(subject, "\n\n".join(lines))
    except Exception as error:  # the backup's own outcome must still be told
        say(f"Could not mail the admins: {error}")


def run(options):
    from django.conf import settings

    if options.command == "create":
        progress = silent if options.quiet else say
        print(create(options.output or settings.BACKUP_DIR, progress))
    elif options.command == "list":
        list_backups()
    elif options.command == "verify":
        verify(options.archive, options.identity)
    else:
        if options.offsite:
            archive = fetch_offsite(options.offsite)
        elif options.archive:
            archive = options.archive
        else:
            latest = ", ".join(path.name for path in latest_backups()) or "none"
            raise Refused(
                f"Which backup? make restore ARCHIVE=… (the latest in {settings.BACKUP_DIR}: "
                f"{latest}), or OFFSITE=latest."
            )
        restore(archive, options.force, options.identity)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    create_parser = commands.add_parser("create", help="back up the database and the media")
    create_parser.add_argument("--output", type=Path, help="folder (default: BACKUP_DIR)")
    create_parser.add_argument("--quiet", action="store_true", help="only warnings and errors")
    create_parser.add_argument(
        "--mail-admins", action="store_true", help="mail failures and warnings to ADMINS"
    )
    restore_parser = commands.add_parser("restore", help="restore a backup archive")
    restore_parser.add_argument("archive", type=Path, nargs="?", help="a .tar from `create`")
    restore_parser.add_argument(
        "--offsite", metavar="NAME", help="fetch it from the off-site storage first (or: latest)"
    )
    restore_parser.add_argument(
        "--force", action="store_true", help="replace a database and media that hold data"
    )
    verify_parser = commands.add_parser("verify", help="check an archive, changing nothing")
    verify_parser.add_argument("archive", type=Path)
    for subparser in (restore_parser, verify_parser):
        subparser.add_argument(
            "--identity", type=Path, help="the age secret key of an encrypted archive"
        )
    commands.add_parser("list", help="the backups here and off-site")
    options = parser.parse_args()
    setup_django()
    mail = getattr(options, "mail_admins", False)
    try:
        run(options)
    except Refused as refusal:
        failure = str(refusal)
    except OSError as error:  # a full or read-only disk: said plainly, nothing half-done
        failure = f"The {options.command} failed, and left nothing behind: {error}"
    except BaseException as error:
        if mail and not (isinstance(error, SystemExit) and error.code in (0, None)):
            mail_admins("Backup failed", [f"{error!r}", *WARNINGS])
        raise
    else:
        if mail and WARNINGS:
            mail_admins("Backup made, with warnings", WARNINGS)
        return
    if mail:
        mail_admins("Backup failed", [failure, *WARNINGS])
    sys.exit(failure)


if __name__ == "__main__":
    main()
