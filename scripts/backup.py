"""Back up the whole site, its database and its media, into one archive; restore one (issue 8).

    python scripts/backup.py create [--output DIR]      # what `make backup` runs
    python scripts/backup.py restore ARCHIVE [--force]  # what `make restore ARCHIVE=…` runs

An archive is a plain tar file, `var/backups/<database>-<YYYY-MM-DD-HHMMSS>.tar`, holding
`database.dump` (pg_dump's custom format: compressed, restorable by any newer pg_restore),
`media/…` (every file of the media storage as it is stored) and `manifest.json` (what is in
it). The tar itself is not compressed: the dump already is, and JPEG and WebP do not shrink.

Consistent: the database is dumped from one snapshot, and in that same snapshot the script
lists the files that rows name (photos and their renditions); the media is copied after the
dump, so each of those files exists by then (files are stored before their row commits).
Files named by rows but missing from the storage are listed in the manifest and reported.

The media goes through Django's storage API (STORAGES["default"]), so backups work the same
with the file system or an S3-like storage, and can move a site from one to the other.
A restore goes into an empty database (created when missing) and an empty storage, and is
refused otherwise unless forced. It puts the media back first, then loads the database in
a single transaction: a failure leaves the database as it was and removes the files it put.
Progress goes to stderr; `create` prints the archive's path alone to stdout.
"""

import argparse
import contextlib
import glob
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
BACKUP_DIR = BASE_DIR / "var" / "backups"
FORMAT = 1
DUMP = "database.dump"
MANIFEST = "manifest.json"
MEDIA = "media/"
# Keys of Django's connection parameters that are not libpq's.
NOT_LIBPQ = {"cursor_factory", "context", "prepare_threshold", "password"}


def say(message):
    print(message, file=sys.stderr)


def silent(message):
    """`say` for --quiet, which leaves only warnings and errors (for cron)."""


def setup_django():
    sys.path.insert(0, str(BASE_DIR))
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


def libpq_target(connection):
    """(conninfo, environment) for the client programs: the password travels in the
    environment, never on the command line where `ps` shows it."""
    from psycopg.conninfo import make_conninfo

    params = connection.get_connection_params()
    environment = dict(os.environ)
    if params.get("password"):
        environment["PGPASSWORD"] = str(params["password"])
    conninfo = make_conninfo(**{k: v for k, v in params.items() if k not in NOT_LIBPQ})
    return conninfo, environment


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
    from django.conf import settings
    from django.core.files.storage import default_storage
    from django.db import connection, transaction
    from django.utils import timezone

    started = time.monotonic()
    server_major = connection.pg_version // 10000  # the server's SHOW server_version_num
    pg_dump = client_program("pg_dump", server_major, at_least=server_major)
    output.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M%S")
    archive = output / f"{connection.settings_dict['NAME']}-{stamp}.tar"
    partial = archive.with_name(archive.name + ".partial")
    conninfo, environment = libpq_target(connection)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": {"name": connection.settings_dict["NAME"], "server_major": server_major},
        "media": {"storage": settings.STORAGES["default"]["BACKEND"], "files": 0, "bytes": 0},
    }
    try:
        with tarfile.open(partial, "x", format=tarfile.PAX_FORMAT) as tar:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                dump = output / f".{archive.stem}.dump"
                try:
                    progress(f"Dumping database {connection.settings_dict['NAME']!r} …")
                    subprocess.run(
                        [pg_dump, "--format=custom", f"--snapshot={snapshot}", "--file", dump]
                        + ["--dbname", conninfo],
                        env=environment,
                        check=True,
                    )
                    manifest["database"]["dump_major"] = program_major(pg_dump)
                    manifest["database"]["bytes"] = dump.stat().st_size
                    tar.add(dump, DUMP)
                finally:
                    dump.unlink(missing_ok=True)
                referenced = referenced_names()
            progress("Copying media …")
            stored = set()
            for name in storage_names(default_storage):
                add_media_file(tar, default_storage, name, manifest["media"])
                stored.add(name)
            manifest["media"]["missing"] = sorted(referenced - stored)
            add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        partial.rename(archive)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    media = manifest["media"]
    progress(
        f"Backed up the database ({manifest['database']['bytes']:,} bytes) and {media['files']} "
        f"media files ({media['bytes']:,} bytes) in {time.monotonic() - started:.1f} s."
    )
    if media["missing"]:
        missing = "\n  ".join(media["missing"])
        say(f"WARNING: files named in the database are not in the media:\n  {missing}")
    return archive


def add_media_file(tar, storage, name, totals):
    info = tarfile.TarInfo(MEDIA + name)
    info.size = storage.size(name)
    with contextlib.suppress(NotImplementedError):
        info.mtime = storage.get_modified_time(name).timestamp()
    with storage.open(name, "rb") as content:
        tar.addfile(info, content)
    totals["files"] += 1
    totals["bytes"] += info.size


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = time.time()
    with tempfile.SpooledTemporaryFile() as content:
        content.write(data)
        content.seek(0)
        tar.addfile(info, content)


# --- restore -------------------------------------------------------------------------------------


def restore(archive, force):
    from django.core.files.storage import default_storage
    from django.db import connection

    started = time.monotonic()
    with tarfile.open(archive, "r:") as tar:
        manifest = read_manifest(tar, archive)
        media = media_members(tar)
        ensure_database(connection)
        tables = connection.introspection.table_names()
        existing = [m.name for m in media if default_storage.exists(m.name[len(MEDIA) :])]
        if (tables or existing) and not force:
            sys.exit(
                f"Refusing to restore over existing data: the database has {len(tables)} "
                f"tables and {len(existing)} of the archive's media files already exist. "
                "Restore into an empty database and storage, or add --force (make: FORCE=1) "
                "to replace the database's contents and those files."
            )
        server_major = connection.pg_version // 10000
        at_least = max(server_major, manifest["database"].get("dump_major", 0))
        pg_restore = client_program("pg_restore", server_major, at_least)
        psql = client_program("psql", server_major, at_least)
        say(f"Putting back {len(media)} media files …")
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
        f"tables, {len(media)} media files. Next: manage.py migrate (if this code is newer)."
    )


def read_manifest(tar, archive):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
        tar.getmember(DUMP)
    except (KeyError, ValueError):
        sys.exit(f"{archive} is not a complete site backup (no manifest or no database dump).")
    if manifest.get("format") != FORMAT:
        sys.exit(
            f"{archive} has backup format {manifest.get('format')}; this script reads {FORMAT}."
        )
    return manifest


def media_members(tar):
    """The archive's media files; a link, a device or a name leading outside is refused."""
    members = []
    for member in tar.getmembers():
        if not member.name.startswith(MEDIA) or member.isdir():
            continue
        parts = member.name[len(MEDIA) :].split("/")
        if not member.isfile() or any(part in ("", ".", "..") for part in parts):
            sys.exit(f"Refusing an archive with an unsafe media entry: {member.name!r}.")
        members.append(member)
    return members


def put_media(tar, members, storage):
    """Store the archive's media files, replacing files of the same name; returns the names
    that did not exist before. On failure those are removed again, and the error goes on."""
    added = []
    try:
        for member in members:
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


def ensure_database(connection):
    """Create the database named in the settings when the server does not have it yet."""
    import psycopg
    from psycopg import sql

    name = connection.settings_dict["NAME"]
    params = connection.get_connection_params() | {"dbname": "postgres"}
    with psycopg.connect(**params, autocommit=True) as server:
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            say(f"Created database {name!r}.")


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
    return sorted(BACKUP_DIR.glob("*.tar"), key=lambda path: path.stat().st_mtime)[-3:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    create_parser = commands.add_parser("create", help="back up the database and the media")
    create_parser.add_argument("--output", type=Path, default=BACKUP_DIR, help="folder")
    create_parser.add_argument("--quiet", action="store_true", help="only warnings and errors")
    restore_parser = commands.add_parser("restore", help="restore a backup archive")
    restore_parser.add_argument("archive", type=Path, nargs="?", help="a .tar from `create`")
    restore_parser.add_argument(
        "--force", action="store_true", help="replace a database and media that hold data"
    )
    options = parser.parse_args()
    if options.command == "restore" and not (options.archive and options.archive.is_file()):
        found = "\n  ".join(str(path) for path in latest_backups()) or "(none)"
        sys.exit(f"Which backup? make restore ARCHIVE=…; the latest in {BACKUP_DIR}:\n  {found}")
    setup_django()
    try:
        if options.command == "create":
            print(create(options.output, silent if options.quiet else say))
        else:
            restore(options.archive, options.force)
    except OSError as error:  # a full or read-only disk: said plainly, nothing half-done
        sys.exit(f"The {options.command} failed, and left nothing behind: {error}")


if __name__ == "__main__":
    main()
