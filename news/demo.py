"""The demo issue: a believable week of the paper, so that a new install shows something.

The stories, sections, photos of the day and the poll are data (news/data/demo_issue.toml,
invented for this project); the photos are drawn here with Pillow from the scene each one
names, so nothing is downloaded. `manage.py load_demo` loads it into an empty database.
"""

import datetime
import io
import random
import tomllib
import uuid
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from gallery.models import Photo
from news.models import Article, ArticlePhoto, Author, Section, Topic
from polls.models import Choice, Poll, Vote

ISSUE = Path(__file__).resolve().parent / "data" / "demo_issue.toml"
DAYS_OF_PHOTOS = 30
GALLERY = 3  # further photos of each of the first two articles with a photo


def translations(field, texts):
    """{"lv": …, "ru": …} as the model's per-language fields: {"title_lv": …, …}."""
    return {f"{field}_{language}": text for language, text in texts.items()}


@transaction.atomic
def load_issue(issue=ISSUE):
    """Create the demo issue; returns what was made, for the command to report."""
    data = tomllib.loads(issue.read_text())
    photographers = data["photographers"]
    sections = {
        section["slug"]: Section.objects.create(
            slug=section["slug"], position=position, **translations("name", section["name"])
        )
        for position, section in enumerate(data["sections"], start=1)
    }
    authors = {
        author["name"]: Author.objects.create(
            name_lv=author["name"],
            slug=author["slug"],
            **translations("role", author["role"]),
            **translations("bio", author["bio"]),
        )
        for author in data["authors"]
    }
    topics = {
        topic["slug"]: Topic.objects.create(
            slug=topic["slug"],
            **translations("name", topic["name"]),
            **translations("description", topic["description"]),
        )
        for topic in data["topics"]
    }
    today, now = timezone.localdate(), timezone.now()
    photos = []
    for days_ago in range(DAYS_OF_PHOTOS):
        picture = data["photos_of_the_day"][days_ago % len(data["photos_of_the_day"])]
        day = today - datetime.timedelta(days=days_ago)
        photos.append(
            Photo.objects.create_from_image(
                draw_scene(picture["scene"], seed=days_ago),
                **translations("title", picture["title"]),
                caption_lv=picture["caption_lv"],
                alt_text_lv=picture["caption_lv"],
                credit_lv=photographers[days_ago % len(photographers)],
                taken_on=day,
                shown_on=day,
            )
        )
    articles = []
    for number, story in enumerate(data["articles"]):
        title_lv, lead_lv = story["title"]["lv"], story["lead"]["lv"]
        credit = photographers[number % len(photographers)]
        photo = None
        if scene := story.get("photo"):
            photo = Photo.objects.create_from_image(
                draw_scene(scene, seed=100 + number),
                title_lv=title_lv,
                alt_text_lv=lead_lv,
                caption_lv=lead_lv,
                credit_lv=credit,
            )
        article = Article.objects.create(
            section=sections[story["section"]],
            **translations("title", story["title"]),
            **translations("lead", story["lead"]),
            body_lv="".join(f"<p>{paragraph}</p>" for paragraph in story["body_lv"]),
            main_photo=photo,
            is_featured=story["featured"],
            is_published=True,
            published_at=now - datetime.timedelta(days=story["days_ago"], hours=number + 1),
        )
        article.sign(authors.get(story["author"]))
        article.topics.set(topics[slug] for slug in story.get("topics", []))
        if photo and number < 2:
            for position in range(GALLERY):
                further = Photo.objects.create_from_image(
                    draw_scene(scene, seed=200 + number * 10 + position),
                    title_lv=f"{title_lv} ({position + 2})",
                    alt_text_lv=lead_lv,
                    credit_lv=credit,
                )
                ArticlePhoto.objects.create(article=article, photo=further, position=position)
        articles.append(article)
    poll = make_poll(data["poll"], now)
    return {
        "sections": sections,
        "authors": authors,
        "topics": topics,
        "articles": articles,
        "photos": photos,
        "poll": poll,
    }


def make_poll(data, now):
    """An open poll that some readers have already answered."""
    poll = Poll.objects.create(
        slug=data["slug"],
        **translations("question", data["question"]),
        opens_at=now - datetime.timedelta(days=data["days_open"]),
        closes_at=now + datetime.timedelta(days=data["days_left"]),
    )
    for position, answer in enumerate(data["answers"]):
        choice = Choice.objects.create(
            poll=poll, position=position, **translations("text", answer["text"])
        )
        Vote.objects.bulk_create(
            Vote(
                poll=poll,
                choice=choice,
                voter=f"demo:{uuid.uuid4().hex}",
                address_hash=uuid.uuid4().hex,
            )
            for _ in range(answer["votes"])
        )
    return poll


def draw_scene(scene, seed):
    """A simple landscape, different for every seed, as JPEG bytes."""

    rng = random.Random(seed)
    width, height = 1600, 1067
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    sky_top, sky_bottom = {
        "river": ((150, 185, 215), (230, 235, 240)),
        "castle": ((240, 150, 90), (250, 215, 160)),
        "autumn": ((170, 200, 230), (235, 240, 245)),
        "trees": ((120, 170, 220), (210, 230, 245)),
        "field": ((100, 160, 230), (200, 225, 250)),
    }[scene]
    horizon = int(height * rng.uniform(0.45, 0.6))
    for y in range(horizon):
        t = y / horizon
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom, strict=True)),
        )
    ground = {
        "river": (70, 110, 60),
        "castle": (60, 80, 50),
        "autumn": (150, 110, 40),
        "trees": (60, 120, 50),
        "field": (120, 160, 60),
    }[scene]
    draw.rectangle([0, horizon, width, height], fill=ground)
    if scene == "river":
        draw.polygon(
            [(0, height), (width * 0.35, horizon), (width * 0.6, horizon), (width, height)],
            fill=(90, 130, 170),
        )
    if scene == "castle":
        left = rng.randint(400, 900)
        draw.rectangle([left, horizon - 260, left + 420, horizon], fill=(235, 230, 215))
        draw.polygon(
            [(left - 20, horizon - 260), (left + 210, horizon - 360), (left + 440, horizon - 260)],
            fill=(150, 60, 50),
        )
        for window in range(5):
            x = left + 30 + window * 80
            draw.rectangle([x, horizon - 200, x + 40, horizon - 140], fill=(80, 90, 110))
    for _ in range(rng.randint(6, 14)):
        x = rng.randint(0, width)
        size = rng.randint(40, 120)
        colour = (200, 120, 30) if scene == "autumn" else (40, rng.randint(90, 130), 40)
        draw.rectangle([x - 8, horizon - size // 3, x + 8, horizon + 20], fill=(90, 60, 40))
        draw.ellipse(
            [x - size // 2, horizon - size * 1.4, x + size // 2, horizon - size // 4], fill=colour
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
