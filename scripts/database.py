"""Print the DATABASE_URL that `make run` and `make test` use, making sure it answers.

In order: DATABASE_URL from the environment or .env; else a PostgreSQL server on
127.0.0.1:5432; else a project-local cluster under var/postgres/, created and started with
the PostgreSQL binaries found on this machine (no root needed). When none of these works,
it says in one line what to install and exits with status 1. The database itself is created
when missing. Progress goes to stderr, the URL alone to stdout.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE_NAME = "vestis"
SERVER_URL = "postgres://postgres@127.0.0.1:5432/"
CLUSTER_DIR = BASE_DIR / "var" / "postgres"
# The local cluster's port, chosen free when it is created: a second checkout on the same
# machine gets a cluster (and a port) of its own.
CLUSTER_PORT_FILE = BASE_DIR / "var" / "postgres.port"


def say(message):
    print(message, file=sys.stderr)


def configured_url():
    """DATABASE_URL from the environment, else from the project's .env file."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    env_file = BASE_DIR / ".env"
    if env_file.exists():
        for line in env_file.read_text().splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "DATABASE_URL" and value.strip():
                return value.strip().strip("'\"")
    return None


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def answers(url):
    try:
        with psycopg.connect(with_database(url, "postgres"), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def server_and_name(conninfo):
    """libpq parameters of the server's maintenance database, and the name of the database
    that `conninfo` (a postgres:// URL, or a dict of libpq parameters) names."""
    params = conninfo_to_dict(conninfo) if isinstance(conninfo, str) else dict(conninfo)
    return params | {"dbname": "postgres"}, params.get("dbname")


def ensure_database(conninfo):
    """Create the database that `conninfo` names when the server does not have it yet:
    for `make`, the backup's restore and the benchmark alike."""
    server, name = server_and_name(conninfo)
    with psycopg.connect(**server, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            say(f"Created database {name!r}.")


def drop_database(conninfo):
    """Drop the database that `conninfo` names, closing whatever still uses it."""
    server, name = server_and_name(conninfo)
    with psycopg.connect(**server, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def postgres_binaries():
    """The directory holding initdb and pg_ctl, newest version first, or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


def run_as_cluster_owner(command):
    """PostgreSQL refuses to run as root; there, the cluster belongs to the postgres user."""
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            sys.exit("PostgreSQL cannot run as root and there is no 'postgres' user to run it.")
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, stdout=sys.stderr, stderr=sys.stderr)


def cluster_port():
    """This checkout's cluster port: the one it was created with, else a free one."""
    if CLUSTER_PORT_FILE.exists():
        return int(CLUSTER_PORT_FILE.read_text())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    CLUSTER_PORT_FILE.parent.mkdir(parents=True, exist_ok=True)
    CLUSTER_PORT_FILE.write_text(f"{port}\n")
    return port


def cluster_url():
    return f"postgres://postgres@127.0.0.1:{cluster_port()}/"


def is_our_cluster(url):
    """Whether `url` is this checkout's own cluster (and not another checkout's)."""
    return CLUSTER_PORT_FILE.exists() and urlsplit(url).port == cluster_port()


def data_directory(url):
    with psycopg.connect(with_database(url, "postgres"), connect_timeout=3) as conn:
        return Path(conn.execute("SHOW data_directory").fetchone()[0]).resolve()


def start_local_cluster(bindir):
    url, port = cluster_url(), cluster_port()
    if answers(url):
        if data_directory(url) != CLUSTER_DIR.resolve():
            sys.exit(
                f"Port {port}, kept for this checkout's PostgreSQL in {CLUSTER_PORT_FILE}, is "
                f"taken by another server ({data_directory(url)}): delete that file to choose "
                "another port, or set DATABASE_URL."
            )
        return
    CLUSTER_DIR.parent.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        CLUSTER_DIR.mkdir(exist_ok=True)
        shutil.chown(CLUSTER_DIR, "postgres", "postgres")
    if not (CLUSTER_DIR / "PG_VERSION").exists():
        say(f"Creating a project-local PostgreSQL cluster in {CLUSTER_DIR} …")
        run_as_cluster_owner(
            [bindir / "initdb", "-D", CLUSTER_DIR, "-U", "postgres", "--auth=trust", "-E", "UTF8"]
            + ["--no-instructions"]
        )
    say(f"Starting the project-local PostgreSQL on 127.0.0.1:{port} …")
    options = f"-p {port} -k {CLUSTER_DIR} -c listen_addresses=127.0.0.1"
    run_as_cluster_owner(
        [
            bindir / "pg_ctl",
            "-D",
            CLUSTER_DIR,
            "-l",
            CLUSTER_DIR / "server.log",
            "-o",
            options,
            "-w",
            "start",
        ]
    )
    for _ in range(30):
        if answers(url):
            return
        time.sleep(0.5)
    sys.exit(f"The project-local PostgreSQL did not start; see {CLUSTER_DIR / 'server.log'}.")


def main():
    url = configured_url()
    if url:
        if not answers(url):
            if is_our_cluster(url) and (bindir := postgres_binaries()):
                start_local_cluster(bindir)
            else:
                sys.exit(f"DATABASE_URL is set, but no PostgreSQL answers there: {url}")
    elif answers(SERVER_URL):
        url = with_database(SERVER_URL, DATABASE_NAME)
    elif bindir := postgres_binaries():
        start_local_cluster(bindir)
        url = with_database(cluster_url(), DATABASE_NAME)
    else:
        sys.exit(
            "PostgreSQL is required: set DATABASE_URL, start a server on 127.0.0.1:5432, "
            "or install PostgreSQL (Debian/Ubuntu: apt-get install postgresql)."
        )
    ensure_database(url)
    print(url)


if __name__ == "__main__":
    main()
