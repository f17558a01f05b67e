"""Fill an empty database with a believable issue of the paper, so a new install shows something.

Everything is written for this project (the stories are invented) and the photos are drawn
here with Pillow: nothing is downloaded. It does nothing when articles already exist, so
`make run` can call it every time.
"""

import datetime
import io
import random
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from gallery.models import Photo
from news.models import Article, ArticlePhoto, Section
from pagecache import content_changed
from polls.models import Choice, Poll, Vote

SECTIONS = [
    ("novads", "Novadā", "В крае", "Around the district"),
    ("sabiedriba", "Sabiedrība", "Общество", "Community"),
    ("kultura", "Kultūra", "Культура", "Culture"),
    ("izglitiba", "Izglītība", "Образование", "Education"),
    ("sports", "Sports", "Спорт", "Sport"),
]

# (section, days ago, featured, title lv, title ru, lead lv, lead ru, body lv paragraphs,
#  author, role, photo scene)
ARTICLES = [
    (
        "novads",
        0,
        True,
        "Krāslavā atjaunos Daugavas krastmalu",
        "В Краславе обновят набережную Даугавы",
        "Pavasarī sāksies darbi, kas krastmalu pārvērtīs par pastaigu vietu visām paaudzēm.",
        "Весной начнутся работы, которые превратят набережную в место прогулок для всех.",
        [
            "Novada dome apstiprināja projektu, kurā paredzēts izbūvēt gājēju celiņu, "
            "soliņus un apgaismojumu gar Daugavu no tilta līdz Augusta Tīdemaņa ielai.",
            "Iedzīvotāji ierosinājumus varēja iesniegt visu rudeni; daudzi lūdza saglabāt "
            "vecos ozolus un ierīkot laivu piestātni.",
            "Darbus plānots pabeigt līdz pilsētas svētkiem jūlijā.",
        ],
        "Inese Kalniņa",
        "žurnāliste",
        "river",
    ),
    (
        "kultura",
        0,
        True,
        "Pils parkā skanēs rudens koncerts",
        "В парке замка прозвучит осенний концерт",
        "Sestdien pulksten 16 Krāslavas pils parkā uzstāsies novada kori un pūtēju orķestris.",
        "В субботу в 16 часов в парке Краславского замка выступят хоры края и духовой оркестр.",
        [
            "Koncertā skanēs gan latgaliešu tautasdziesmas, gan jaunas dziesmas, ko "
            "komponējuši vietējie mūziķi.",
            "Ieeja brīva; lietus gadījumā koncerts notiks kultūras namā.",
        ],
        "Jānis Ozols",
        "kultūras nodaļas vadītājs",
        "castle",
    ),
    (
        "sabiedriba",
        1,
        True,
        "Senioru biedrība aicina uz sarunu vakaru",
        "Общество сеньоров приглашает на вечер бесед",
        "Biedrība \u201cSudraba pavediens\u201d katru ceturtdienu tiekas bibliotēkā.",
        "Общество «Серебряная нить» каждый четверг собирается в библиотеке.",
        [
            "Sarunu vakaros runā par novada vēsturi, veselību un dārza darbiem, bet "
            "reizi mēnesī ciemos nāk kāds novadnieks ar stāstu par savu darbu.",
            "Biedrības vadītāja aicina pievienoties arī tos, kuri līdz šim kautrējušies.",
        ],
        "Inese Kalniņa",
        "žurnāliste",
        "autumn",
    ),
    (
        "izglitiba",
        1,
        False,
        "Krāslavas ģimnāzijas skolēni iestāda ozolu aleju",
        "Ученики Краславской гимназии высадили дубовую аллею",
        "Divdesmit ozoli pie skolas atgādinās par šī gada absolventiem.",
        "Двадцать дубов у школы будут напоминать о выпускниках этого года.",
        [
            "Katrs absolvents iestādīja savu koku un piesola par to rūpēties arī turpmāk.",
            "Stādus dāvināja vietējā kokaudzētava.",
        ],
        "Anna Vanaga",
        "skolotāja",
        "trees",
    ),
    (
        "sports",
        2,
        False,
        "Novada volejbola turnīrā uzvar Izvaltas komanda",
        "В волейбольном турнире края победила команда Извалты",
        "Finālā Izvaltas volejbolisti trijos setos pārspēja Dagdas komandu.",
        "В финале волейболисты Извалты в трёх сетах обыграли команду Дагды.",
        [
            "Turnīrā piedalījās astoņas komandas no visa novada.",
            "Nākamais posms notiks janvārī Krāslavas sporta hallē.",
        ],
        "Pēteris Laiviņš",
        "sporta žurnālists",
        "field",
    ),
    (
        "novads",
        3,
        False,
        "Rīgas ielā remontēs ietves",
        "На улице Ригас отремонтируют тротуары",
        "Satiksme remontdarbu laikā netiks slēgta, bet gājējiem būs jāizmanto pagaidu celiņi.",
        "Движение во время ремонта закрыто не будет, "
        "пешеходам придётся пользоваться временными дорожками.",
        [
            "Remontdarbi ilgs līdz mēneša beigām.",
            "Pašvaldība atvainojas par neērtībām un aicina autovadītājus būt uzmanīgiem.",
        ],
        "",
        "",
        None,
    ),
    (
        "kultura",
        4,
        False,
        "Bibliotēkā atklāta izstāde par Krāslavas grafiem Plāteriem",
        "В библиотеке открыта выставка о графах Платерах",
        "Izstādē redzamas vēstules, kartes un fotogrāfijas no novada muzeja krājuma.",
        "На выставке представлены письма, карты и фотографии из фондов краевого музея.",
        [
            "Izstāde būs apskatāma līdz nākamā gada februārim bibliotēkas darba laikā.",
        ],
        "Jānis Ozols",
        "kultūras nodaļas vadītājs",
        "castle",
    ),
    (
        "sabiedriba",
        6,
        False,
        "Brīvprātīgie sakopj Daugavas lokus",
        "Волонтёры убрали Даугавские луки",
        "Talkā piedalījās vairāk nekā simts iedzīvotāju no Krāslavas un apkārtnes.",
        "В толоке приняли участие более ста жителей Краславы и окрестностей.",
        [
            "Savāktas vairāk nekā divas tonnas atkritumu; lielākā daļa bija plastmasa.",
            "Talkas dalībniekus cienāja ar zupu un tēju.",
        ],
        "Inese Kalniņa",
        "žurnāliste",
        "river",
    ),
    (
        "izglitiba",
        9,
        False,
        "Mūzikas skolā sākas pieteikšanās jaunajam mācību gadam",
        "В музыкальной школе начинается приём на новый учебный год",
        "Bērnus gaida klavierspēles, vijoles, akordeona un kora klasēs.",
        "Детей ждут в классах фортепиано, скрипки, аккордеона и хора.",
        ["Iestājpārbaudījumi notiks jūnija sākumā."],
        "Anna Vanaga",
        "skolotāja",
        None,
    ),
    (
        "sports",
        12,
        False,
        "Krāslavas maratonā skrien arī ģimenes",
        "В Краславском марафоне бегут и семьи",
        "Šogad maratonam pievienota ģimeņu distance pieciem kilometriem.",
        "В этом году к марафону добавили семейную дистанцию в пять километров.",
        ["Reģistrācija skrējienam atvērta līdz nākamās nedēļas piektdienai."],
        "Pēteris Laiviņš",
        "sporta žurnālists",
        "field",
    ),
]

PHOTOS_OF_THE_DAY = [
    ("Rīts pie Daugavas", "Утро у Даугавы", "Migla virs upes agrā rītā.", "river"),
    ("Pils parks rudenī", "Парк замка осенью", "Krāsainas lapas pils parkā.", "autumn"),
    ("Vakars pilsētā", "Вечер в городе", "Saulriets pār Krāslavas jumtiem.", "castle"),
    ("Ozolu aleja", "Дубовая аллея", "Jaunie ozoli pie ģimnāzijas.", "trees"),
    ("Pļava pie Izvaltas", "Луг у Извалты", "Ziedoša pļava vasaras beigās.", "field"),
]
PHOTOGRAPHERS = ["Jura Rogas foto", "Ineses Kalniņas foto", "Andra Sproģa foto"]


class Command(BaseCommand):
    help = "Load invented demo articles, photos and a poll into an empty database."

    def handle(self, *args, **options):
        if Article.objects.exists():
            self.stdout.write("Demo content not loaded: the database already has articles.")
            return
        with transaction.atomic():
            sections = self.make_sections()
            photos = self.make_photos_of_the_day()
            articles = self.make_articles(sections)
            poll = self.make_poll()
        content_changed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(sections)} sections, {len(articles)} articles, "
                f"{len(photos)} photos of the day and the poll \u201c{poll.question_lv}\u201d."
            )
        )

    def make_sections(self):
        return {
            slug: Section.objects.create(
                slug=slug, name_lv=lv, name_ru=ru, name_en=en, position=position
            )
            for position, (slug, lv, ru, en) in enumerate(SECTIONS, start=1)
        }

    def make_photos_of_the_day(self):
        today = timezone.localdate()
        photos = []
        for days_ago in range(30):
            title_lv, title_ru, caption, scene = PHOTOS_OF_THE_DAY[
                days_ago % len(PHOTOS_OF_THE_DAY)
            ]
            day = today - datetime.timedelta(days=days_ago)
            photos.append(
                Photo.objects.create_from_image(
                    draw_scene(scene, seed=days_ago),
                    title_lv=title_lv,
                    title_ru=title_ru,
                    caption_lv=caption,
                    alt_text_lv=caption,
                    credit_lv=PHOTOGRAPHERS[days_ago % len(PHOTOGRAPHERS)],
                    taken_on=day,
                    shown_on=day,
                )
            )
        return photos

    def make_articles(self, sections):
        now = timezone.now()
        articles = []
        for number, row in enumerate(ARTICLES):
            (
                section,
                days_ago,
                featured,
                title_lv,
                title_ru,
                lead_lv,
                lead_ru,
                body,
                author,
                role,
                scene,
            ) = row
            photo = None
            if scene:
                photo = Photo.objects.create_from_image(
                    draw_scene(scene, seed=100 + number),
                    title_lv=title_lv,
                    alt_text_lv=lead_lv,
                    caption_lv=lead_lv,
                    credit_lv=PHOTOGRAPHERS[number % len(PHOTOGRAPHERS)],
                )
            article = Article.objects.create(
                section=sections[section],
                title_lv=title_lv,
                title_ru=title_ru,
                lead_lv=lead_lv,
                lead_ru=lead_ru,
                body_lv="".join(f"<p>{paragraph}</p>" for paragraph in body),
                author=author,
                author_role=role,
                main_photo=photo,
                is_featured=featured,
                is_published=True,
                published_at=now - datetime.timedelta(days=days_ago, hours=number + 1),
            )
            if photo and number < 2:
                for position in range(3):
                    extra = Photo.objects.create_from_image(
                        draw_scene(scene, seed=200 + number * 10 + position),
                        title_lv=f"{title_lv} ({position + 2})",
                        alt_text_lv=lead_lv,
                        credit_lv=photo.credit_lv,
                    )
                    ArticlePhoto.objects.create(article=article, photo=extra, position=position)
            articles.append(article)
        return articles

    def make_poll(self):
        """An open poll that some readers have already answered."""
        now = timezone.now()
        poll = Poll.objects.create(
            slug="pilsetas-svetki",
            question_lv="Vai apmeklēsiet pilsētas svētkus?",
            question_ru="Посетите ли вы праздник города?",
            opens_at=now - datetime.timedelta(days=2),
            closes_at=now + datetime.timedelta(days=12),
        )
        answers = [
            ("Jā, noteikti", "Да, обязательно", 23),
            ("Varbūt", "Может быть", 11),
            ("Nē", "Нет", 5),
        ]
        for position, (text_lv, text_ru, votes) in enumerate(answers):
            choice = Choice.objects.create(
                poll=poll, text_lv=text_lv, text_ru=text_ru, position=position
            )
            Vote.objects.bulk_create(
                Vote(
                    poll=poll,
                    choice=choice,
                    voter=f"demo:{uuid.uuid4().hex}",
                    address_hash=uuid.uuid4().hex,
                )
                for _ in range(votes)
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
