"""One of every reader page type, for the HTML and metadata checks (issue 21): a paper with
a translated article with a photo and a gallery, a Latvian-only article without a photo, a
photo of the day, a poll and today's name days."""

import datetime

from django.urls import reverse
from django.utils import timezone

from namedays.models import Name, NameDay
from news.models import ArticlePhoto
from pages.models import Page
from tests.factories import make_article, make_author, make_section, make_topic
from tests.gallery.factories import make_photo
from tests.polls.factories import make_poll


def build_every_page():
    """Makes the paper; returns {page type: path without a language prefix}."""
    today = timezone.localdate()
    now = timezone.now()
    name_day = NameDay.objects.create(month=today.month, day=today.day)
    Name.objects.create(name_day=name_day, name="Jānis", position=1)
    Name.objects.create(name_day=name_day, name="Sergejs", position=2, is_extended=True)
    section = make_section(name_lv="Novadā", name_ru="В крае", slug="novada")
    photo = make_photo(
        width=1600,
        height=1000,
        title_lv="Krāslavas pils",
        alt_text_lv="Pils parks rudenī",
        alt_text_ru="Парк замка осенью",
        caption_lv="Pils parks.",
    )
    further = [make_photo(width=800, height=600) for _ in range(2)]
    author = make_author(
        name_lv="Inese Kalniņa",
        slug="inese-kalnina",
        role_lv="žurnāliste",
        role_ru="журналист",
        bio_lv="Raksta par novada dzīvi.",
    )
    topic = make_topic(name_lv="Ceļi", name_ru="Дороги", slug="celi")
    page = Page.objects.create(
        title_lv="Par mums",
        title_ru="О нас",
        slug="par-mums",
        body_lv="<p>Laikraksts iznāk kopš 1990. gada.</p>",
        body_ru="<p>Газета выходит с 1990 года.</p>",
        is_published=True,
    )
    translated = make_article(
        section=section,
        title_lv="Domes sēdē lemj par ceļiem",
        title_ru="Дума решает вопросы дорог",
        lead_lv="Deputāti apsprieda ceļu remontu.",
        lead_ru="Депутаты обсудили ремонт дорог.",
        body_lv="<p>Ceļu remonts sāksies pavasarī.</p><h2>Budžets</h2><p>Nauda ir.</p>",
        body_ru="<p>Ремонт дорог начнётся весной.</p>",
        authors=[author],
        topics=[topic],
        main_photo=photo,
        published_at=now - datetime.timedelta(hours=2),
    )
    for position, extra in enumerate(further):
        ArticlePhoto.objects.create(article=translated, photo=extra, position=position)
    latvian = make_article(
        section=section,
        title_lv="Skolēni stāda kokus",
        lead_lv="Krāslavas skolēni iestāda ozolus.",
        body_lv="<p>Pie skolas iestādīti desmit ozoli.</p>",
        published_at=now - datetime.timedelta(hours=1),
    )
    photo_of_the_day = make_photo(
        width=1200,
        height=800,
        shown_on=today,
        title_lv="Rīts pie Daugavas",
        title_ru="Утро у Даугавы",
        credit_lv="Jura Rogas foto",
    )
    poll = make_poll(
        question_lv="Vai apmeklēsiet svētkus?",
        question_ru="Посетите ли вы праздник?",
        choices=("Jā", "Nē"),
    )
    day = timezone.localdate(latvian.published_at)
    return {
        "front": reverse("news:front_page"),
        "section": section.get_absolute_url(),
        "article with photo and gallery": translated.get_absolute_url(),
        "article without photo": latvian.get_absolute_url(),
        "day archive": reverse("news:archive_day", kwargs={"day": day}),
        "month archive": reverse("news:archive_month", kwargs={"month": day.replace(day=1)}),
        "search": reverse("news:search") + "?q=ceļi",
        "name days today": reverse("namedays:today"),
        "name-day calendar": reverse("namedays:calendar"),
        "name-day date": name_day.get_absolute_url(),
        "name-day search": reverse("namedays:search") + "?vards=Sergejs",
        "photo of the day": photo_of_the_day.get_absolute_url(),
        "photo archive": reverse("gallery:archive_month", kwargs={"month": today.replace(day=1)}),
        "poll": reverse("polls:poll_detail", kwargs={"slug": poll.slug}),
        "poll list": reverse("polls:poll_list"),
        "author": author.get_absolute_url(),
        "topic": topic.get_absolute_url(),
        "topic list": reverse("news:topic_list"),
        "editors' page": page.get_absolute_url(),
        "not found": "/nav-tadas-lapas/",
    }


def in_language(path, language):
    """`path` under the /ru/ or /en/ prefix (Latvian has none)."""
    return path if language == "lv" else f"/{language}{path}"
