import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from scripts.make_archive import HEAD, TAIL, attachment_item, photo_bytes, post_item


def run_import(*args):
    """(stdout, stderr) of import_archive."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_archive", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_in_own_process(*args, media_root=None):
    """manage.py import_archive in a process of its own, as a sysadmin runs it, on this
    test's database (and `media_root`); the finished process."""
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    env = {**os.environ, "DATABASE_URL": f"{server}/{connection.settings_dict['NAME']}"}
    if media_root:
        env["MEDIA_ROOT"] = str(media_root)
    return subprocess.run(
        [sys.executable, "manage.py", "import_archive", *map(str, args)],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def wxr_sample(tmp_path):
    """A small WordPress export with Polylang: a story in lv and ru with a main photo, a
    gallery and an embedded image, a Latvian-only draft, a story with a bare-link gallery,
    and bad records of each kind."""
    uploads = tmp_path / "uploads" / "2019" / "03"
    uploads.mkdir(parents=True)
    for name, seed in [("galvena.jpg", 1), ("otra.jpg", 2), ("tresa.png", 3), ("iekseja.jpg", 4)]:
        (uploads / name).write_bytes(
            photo_bytes(1000, 600, seed, "PNG" if name.endswith("png") else "JPEG")
        )
    (uploads / "saite-1.jpg").write_bytes(photo_bytes(700, 500, 5))
    (uploads / "saite-2.jpg").write_bytes(photo_bytes(700, 500, 6))
    (uploads / "nav-bilde.jpg").write_bytes(b"<html>this is not a photo</html>")
    culture_lv, culture_ru = ("kultura", "Kultūra"), ("kultura-ru", "Культура")
    items = [
        attachment_item(
            10,
            "2019/03/galvena.jpg",
            "Koncerts",
            "Koris uz skatuves",
            "Jura Rogas foto",
            "Koris dzied",
            slug="koncerts",
        ),
        attachment_item(
            11,
            "2019/03/galvena.jpg",
            "Концерт",
            "Хор на сцене",
            "Фото Юриса Роги",
            "Хор поёт",
            language="ru",
        ),
        attachment_item(
            12,
            "2019/03/otra.jpg",
            "Skatītāji",
            "",
            "",
            "",
            slug="skatitaji",
            link="https://paper.example.lv/to-nedrikst-aizmirst/skatitaji/",
        ),
        attachment_item(13, "2019/03/tresa.png", "Zāle", "", "", ""),
        attachment_item(14, "2019/03/nav-bilde.jpg", "Salauzts", "", "", ""),
        attachment_item(15, "2019/03/pazudis.jpg", "Pazudis", "", "", ""),
        post_item(
            100,
            title="To nedrīkst aizmirst",
            slug="to-nedrikst-aizmirst",
            body=(
                "Koncertā piedalījās <strong>Krāslavas</strong> koris.\n\n"
                '<img src="https://paper.example.lv/wp-content/uploads/2019/03/iekseja.jpg" alt="">'
                'Otrā rindkopa ar <a href="https://example.lv/">saiti</a>.<script>alert(1)</script>'
                '\n\n[gallery ids="12,13"]'
            ),
            excerpt="Koris svin jubileju.",
            date="2019-03-14 08:00:00",
            category=culture_lv,
            language="lv",
            group="pll_a",
            thumbnail=10,
        ),
        post_item(
            101,
            title="Это нельзя забыть",
            slug="eto-nelzya-zabyt",
            body="В концерте участвовал хор Краславы.",
            date="2019-03-14 08:00:00",
            category=culture_ru,
            language="ru",
            group="pll_a",
            thumbnail=11,
        ),
        post_item(
            102,
            title="Sporta svētki Indrā",
            slug="sporta-svetki-indra",
            body=(
                "Sacensības notika sestdien.\n\n"
                '<p><a href="/wp-content/uploads/2019/03/saite-1.jpg">1</a> '
                '<a href="/wp-content/uploads/2019/03/saite-2.jpg">2</a></p>\n\n'
                '<p><a href="https://elsewhere.example/x.jpg">vecs foto</a></p>'
            ),
            date="2019-03-15 10:00:00",
            category=("sports", "Sports"),
            language="lv",
            gmt=False,
        ),
        post_item(
            103,
            title="Melnraksts",
            slug="melnraksts",
            body="Vēl nav gatavs.",
            date="2019-03-16 10:00:00",
            category=culture_lv,
            language="lv",
            status="draft",
        ),
        # The bad ones: each is reported and skipped, the rest goes in.
        post_item(
            200,
            title="Ne bilde",
            slug="ne-bilde",
            body="Teksts.",
            date="2019-03-17 10:00:00",
            category=culture_lv,
            language="lv",
            thumbnail=14,
        ),
        post_item(
            201,
            title="Pazudis foto",
            slug="pazudis-foto",
            body="Teksts.",
            date="2019-03-17 10:00:00",
            category=culture_lv,
            language="lv",
            thumbnail=15,
        ),
        post_item(
            202,
            title="Slikts datums",
            slug="slikts-datums",
            body="Teksts.",
            date="14.03.2019 ap pusdienu",
            category=culture_lv,
            language="lv",
            gmt=False,
        ),
        post_item(
            203,
            title="Tas pats",
            slug="to-nedrikst-aizmirst",
            body="Cits teksts.",
            date="2019-03-18 10:00:00",
            category=culture_lv,
            language="lv",
        ),
        post_item(
            204,
            title="Tikai skripts",
            slug="tikai-skripts",
            body="<script>alert('x')</script>",
            date="2019-03-18 10:00:00",
            category=culture_lv,
            language="lv",
        ),
    ]
    path = tmp_path / "export.xml"
    path.write_text(HEAD + "".join(items) + TAIL, encoding="utf-8")
    return path, tmp_path / "uploads"
