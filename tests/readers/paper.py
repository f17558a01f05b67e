"""A paper as readers meet it, for the layout and accessibility sweeps: five sections of
stories with photos and long Latvian and Russian titles, an open poll, a photo of the day,
an article with a gallery, today's name days and an editors' page."""

import datetime

from django.urls import reverse
from django.utils import timezone

from namedays.models import Name, NameDay
from news.models import ArticlePhoto
from pages.models import Page
from tests.factories import make_article, make_author, make_section, make_topic
from tests.gallery.factories import make_photo
from tests.polls.factories import make_poll

SECTIONS = ["Novadā", "Kultūra", "Sports", "Izglītība", "Sabiedrība"]


def build_paper():
    """Makes the paper; returns the reader pages to sweep (paths without a language prefix)."""
    now = timezone.now()
    photos = [make_photo(width=1200, height=800) for _ in range(3)]
    photo_of_the_day = make_photo(
        shown_on=timezone.localdate(), title_lv="Rīts pie Daugavas", credit_lv="J. Rogas foto"
    )
    today = timezone.localdate()
    name_day = NameDay.objects.create(month=today.month, day=today.day)
    for position, name in enumerate(["Vikentijs", "Vincents", "Valentīna"]):
        Name.objects.create(name_day=name_day, name=name, position=position)
    page = Page.objects.create(
        slug="privatuma-politika",
        title_lv="Privātuma politika",
        title_ru="Политика конфиденциальности",
        body_lv="<p>Aptauja saglabā vienu sīkdatni.</p><h2>Sīkdatnes</h2><p>Tajā nav vārda.</p>",
        is_published=True,
    )
    poll = make_poll(
        question_lv="Vai jūs apmeklēsiet Krāslavas svētkus šogad?",
        question_ru="Посетите ли вы праздник Краславы в этом году?",
        choices=("Jā, noteikti", "Varbūt", "Nē", "Vēl nezinu"),
    )
    article = None
    for number, name in enumerate(SECTIONS):
        section = make_section(name_lv=name, slug=f"rubrika-{number}", position=number)
        for hour in range(6):
            article = make_article(
                section=section,
                title_lv=f"Novada domes sēdē lemj par ceļu remontu un skolām, {name} {hour}",
                title_ru=f"Краславская краевая дума решает вопросы ремонта дорог и школ, {hour}",
                lead_lv="Deputāti apsprieda nākamā gada budžetu, ceļu remontu un skolu tīklu.",
                main_photo=photos[hour % 3],
                is_featured=hour == 0 and number < 3,
                published_at=now - datetime.timedelta(hours=hour * 5 + number),
            )
    for position, photo in enumerate(photos):
        ArticlePhoto.objects.create(article=article, photo=photo, position=position)
    author = make_author(
        name_lv="Inese Kalniņa", role_lv="žurnāliste", bio_lv="Raksta par novadu.", photo=photos[0]
    )
    topic = make_topic(name_lv="Ceļu remonts", description_lv="Ceļi un ielas novadā.")
    article.sign(author)
    article.topics.set([topic])
    day = timezone.localdate(article.published_at)
    return [
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        reverse("news:archive_day", kwargs={"day": day}),
        reverse("news:archive_month", kwargs={"month": day}),
        reverse("news:search") + "?q=budžetu",
        reverse("news:search") + "?q=nekasneatradīsies",
        reverse("namedays:today"),
        reverse("namedays:calendar"),
        name_day.get_absolute_url(),
        reverse("namedays:search") + "?vards=Vincents",
        photo_of_the_day.get_absolute_url(),
        poll.get_absolute_url(),
        page.get_absolute_url(),
        "/nav-tadas-lapas/",
        author.get_absolute_url(),
        topic.get_absolute_url(),
        reverse("news:topic_list"),
    ]
