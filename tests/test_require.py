"""`make test` and the other targets say at once what the machine lacks (scripts/require.sh)."""

import os
import shutil
import subprocess
import time

import pytest

from tests.test_settings import BASE_DIR

REQUIRE = BASE_DIR / "scripts" / "require.sh"


def as_ordinary_user(command):
    """`command` run as a user who cannot install anything: root's is run as nobody."""
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            pytest.skip("needs runuser to act as an ordinary user")
        return ["runuser", "-u", "nobody", "--", *command]
    return command


def test_what_is_missing_is_named_in_one_line_within_seconds():
    started = time.monotonic()
    result = subprocess.run(
        as_ordinary_user(["bash", str(REQUIRE), "the tests", "vestis-no-such-program=vestis-pkg"]),
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Missing for the tests: vestis-pkg. Install them (sudo apt-get install vestis-pkg) "
        "and run make again."
    ]
    assert time.monotonic() - started < 5


def test_what_is_there_passes_silently():
    result = subprocess.run(
        ["bash", str(REQUIRE), "the tests", "bash=bash"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout == result.stderr == ""
