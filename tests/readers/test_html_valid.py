"""Every reader page type is valid HTML by the Nu HTML Checker, in Latvian and Russian
(issue 21). The checker (npm vnu-jar, `make test` installs it) runs once on the machine's
Java over all pages: it takes seconds to start."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.readers.every_page import build_every_page, in_language

pytestmark = pytest.mark.django_db
VNU = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"


def nu_checker_messages(files):
    """The checker's messages for `files`, as {file name: [message, …]}."""
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("The Nu HTML Checker is missing: run `npm ci` (make test does).")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = {}
    for message in json.loads(result.stderr)["messages"]:
        messages.setdefault(Path(message["url"].removeprefix("file:")).name, []).append(message)
    return messages


def test_every_reader_page_is_valid_html_in_latvian_and_russian(client, tmp_path):
    pages = build_every_page()
    files = {}
    for language in ("lv", "ru"):
        for number, (kind, path) in enumerate(pages.items()):
            url = in_language(path, language)
            response = client.get(url)
            assert response.status_code == (404 if kind == "not found" else 200), url
            file = tmp_path / f"{language}-{number:02}.html"
            file.write_bytes(response.content)
            files[file.name] = f"{kind} ({url})"

    messages = nu_checker_messages(sorted(tmp_path.glob("*.html")))

    errors = [
        f"{files[name]}: line {message.get('lastLine')}: {message['message']}"
        for name, found in sorted(messages.items())
        for message in found
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert errors == []
    assert len(files) == 2 * len(pages)
