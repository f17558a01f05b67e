# ruff: noqa: E501 (the XML templates read best one element a line)
"""Generate a WordPress export (WXR) with Polylang translations and its photo folder.

    .venv/bin/python scripts/make_archive.py var/archive --articles 20000 --photos-per-article 2

writes var/archive/export.xml and var/archive/uploads/YYYY/MM/*.jpg: every story in
Latvian and Russian (joined by a Polylang translation group), in one of five categories,
with a main photo (caption, credit, alt text) and further photos pasted as a [gallery]
shortcode and as an embedded <img>. The tests use the same functions for their samples.
Nothing is downloaded: photos are drawn with Pillow.
"""

import argparse
import datetime
import io
import random
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw

SECTIONS = [
    ("kultura", "Kultūra", "kultura-ru", "Культура"),
    ("sports", "Sports", "sport-ru", "Спорт"),
    ("novads", "Novadā", "krai-ru", "В крае"),
    ("darbi-un-cilveki", "Darbi un cilvēki", "dela-i-lyudi", "Дела и люди"),
    ("izglitiba", "Izglītība", "obrazovanie", "Образование"),
]
LV_WORDS = [
    "Krāslava",
    "novads",
    "skola",
    "kultūra",
    "pilsēta",
    "ezers",
    "svētki",
    "darbs",
    "cilvēki",
    "Daugava",
]
RU_WORDS = [
    "Краслава",
    "край",
    "школа",
    "культура",
    "город",
    "озеро",
    "праздник",
    "работа",
    "люди",
    "Даугава",
]

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Krāslavas Vēstis</title><link>https://paper.example.lv</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[inese]]></wp:author_login>
<wp:author_display_name><![CDATA[Inese Kalniņa]]></wp:author_display_name></wp:author>
"""
TAIL = "</channel>\n</rss>\n"


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def photo_bytes(width=800, height=533, seed=0, fmt="JPEG"):
    """A small picture with some structure, so encoders have real work."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), (rng.randrange(256), 120, rng.randrange(256)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse([x, y, x + rng.randrange(40, 300), y + rng.randrange(40, 200)], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=85)
    return buffer.getvalue()


def attachment_item(
    post_id, file, title, caption, credit, alt, language="lv", parent=0, slug="", link=""
):
    """An attachment (a photo); `slug` its post_name, `link` its page's address."""
    link = link or f"https://paper.example.lv/?attachment_id={post_id}"
    return f"""<item><title>{cdata(title)}</title>
<link>{escape(link)}</link><wp:post_name>{cdata(slug)}</wp:post_name>
<excerpt:encoded>{cdata(caption)}</excerpt:encoded><content:encoded><![CDATA[]]></content:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_parent>{parent}</wp:post_parent>
<wp:post_type><![CDATA[attachment]]></wp:post_type><wp:status><![CDATA[inherit]]></wp:status>
<wp:attachment_url>{cdata("https://paper.example.lv/wp-content/uploads/" + file)}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{cdata(file)}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>{cdata(alt)}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_media_credit</wp:meta_key><wp:meta_value>{cdata(credit)}</wp:meta_value></wp:postmeta>
<category domain="language" nicename="{language}"><![CDATA[{language}]]></category>
</item>
"""


def post_item(
    post_id,
    *,
    title,
    slug,
    body,
    date,
    category,
    language,
    group=None,
    thumbnail=None,
    excerpt="",
    status="publish",
    creator="inese",
    gmt=True,
):
    """One post; `date` a naive Riga time string "2019-03-14 10:00:00" (or anything)."""
    cat_slug, cat_name = category
    meta = ""
    if thumbnail:
        meta = f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{thumbnail}</wp:meta_value></wp:postmeta>"
    translation = (
        f'<category domain="post_translations" nicename="{group}"><![CDATA[{group}]]></category>'
        if group
        else ""
    )
    prefix = "/ru" if language == "ru" else ""
    return f"""<item><title>{cdata(title)}</title>
<link>https://paper.example.lv{prefix}/{escape(slug)}/</link>
<dc:creator>{cdata(creator)}</dc:creator>
<content:encoded>{cdata(body)}</content:encoded><excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date>{cdata(date)}</wp:post_date>
<wp:post_date_gmt>{cdata("0000-00-00 00:00:00" if not gmt else date)}</wp:post_date_gmt>
<wp:post_name>{cdata(slug)}</wp:post_name><wp:status>{cdata(status)}</wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="{cat_slug}">{cdata(cat_name)}</category>
<category domain="language" nicename="{language}"><![CDATA[{language}]]></category>
{translation}{meta}
</item>
"""


def make_archive(folder, articles, photos_per_article=2, width=800, seed=1, out=None):
    """Write folder/export.xml and folder/uploads/: `articles` stories in lv and ru."""
    folder = Path(folder)
    uploads = folder / "uploads"
    rng = random.Random(seed)
    start = datetime.datetime(2015, 1, 1, 9, tzinfo=datetime.UTC)  # written as Riga time
    next_id = 1
    with open(folder / "export.xml", "w", encoding="utf-8") as xml:
        xml.write(HEAD)
        for number in range(articles):
            date = start + datetime.timedelta(hours=7 * number)
            month_dir = uploads / f"{date:%Y/%m}"
            month_dir.mkdir(parents=True, exist_ok=True)
            photo_ids, files = [], []
            for index in range(photos_per_article):
                file = f"{date:%Y/%m}/foto-{number}-{index}.jpg"
                (uploads / file).write_bytes(
                    photo_bytes(width, width * 2 // 3, seed + number * 7 + index)
                )
                files.append(file)
                photo_ids.append(next_id)
                xml.write(
                    attachment_item(
                        next_id,
                        file,
                        f"Foto {number}-{index}",
                        f"Paraksts {number}",
                        "Jura Rogas foto",
                        f"Attēls {number}",
                    )
                )
                next_id += 1
            section = SECTIONS[number % len(SECTIONS)]
            lv_words = " ".join(rng.choice(LV_WORDS) for _ in range(60))
            ru_words = " ".join(rng.choice(RU_WORDS) for _ in range(60))
            gallery = ""
            if len(photo_ids) > 1:
                gallery = f'\n\n[gallery ids="{",".join(map(str, photo_ids[1:]))}"]'
            lv_body = f"Pirmā rindkopa {number}. {lv_words}\n\nOtrā rindkopa.{gallery}"
            ru_body = f"Первый абзац {number}. {ru_words}\n\nВторой абзац."
            group = f"pll_{number}"
            when = f"{date:%Y-%m-%d %H:%M:%S}"
            lv_id, ru_id = next_id, next_id + 1
            next_id += 2
            xml.write(
                post_item(
                    lv_id,
                    title=f"Ziņa numur {number} no Krāslavas",
                    slug=f"zina-{number}",
                    body=lv_body,
                    date=when,
                    category=section[:2],
                    language="lv",
                    group=group,
                    thumbnail=photo_ids[0] if photo_ids else None,
                    excerpt=f"Īsumā par ziņu {number}.",
                )
            )
            xml.write(
                post_item(
                    ru_id,
                    title=f"Новость номер {number} из Краславы",
                    slug=f"novost-{number}",
                    body=ru_body,
                    date=when,
                    category=section[2:],
                    language="ru",
                    group=group,
                    thumbnail=photo_ids[0] if photo_ids else None,
                )
            )
            if out and number % 1000 == 999:
                out.write(f"{number + 1:,} stories written\n")
        xml.write(TAIL)
    return folder / "export.xml"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--photos-per-article", type=int, default=2)
    parser.add_argument("--width", type=int, default=800, help="photo width in pixels")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    path = make_archive(
        args.folder, args.articles, args.photos_per_article, args.width, out=sys.stderr
    )
    print(f"Wrote {path} and {args.folder / 'uploads'}/")


if __name__ == "__main__":
    main()
