"""The name look-up for Russian readers: Russian name forms find their Latvian ones (issue 15).

IN_CALENDAR lists common Russian first names, men's and women's, with every Latvian name the
look-up gives for them, in order: the Latvian spellings of the Russian name (the rules of
namedays/spelling.py; the calendar has several for many names), then the Latvian name of the
same saint (namedays.spelling.COGNATES). NOT_IN_CALENDAR lists names the calendar lacks.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from namedays.models import LATVIAN_EQUIVALENT, LATVIAN_FORM, Name

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar")]

IN_CALENDAR = [
    # Men's names
    ("Александр", ["Aleksandrs"]),
    ("Алексей", ["Aleksejs", "Aleksis"]),
    ("Альберт", ["Alberts"]),
    ("Анатолий", ["Anatolijs"]),
    ("Андрей", ["Andrejs", "Andrējs", "Andris", "Andrievs"]),
    ("Антон", ["Antons"]),
    ("Аркадий", ["Arkādijs"]),
    ("Арсений", ["Arsenijs", "Arsēnijs"]),
    ("Артём", ["Artjoms"]),
    ("Артем", ["Artjoms"]),
    ("Артур", ["Artūrs", "Arturs"]),
    ("Афанасий", ["Afanasijs"]),
    ("Богдан", ["Bogdans"]),
    ("Борис", ["Boriss"]),
    ("Вадим", ["Vadims"]),
    ("Валентин", ["Valentīns", "Valentins"]),
    ("Валерий", ["Valērijs", "Valerijs"]),
    ("Василий", ["Vasilijs", "Vasīlijs", "Bazils"]),
    ("Вениамин", ["Benjamins"]),
    ("Виктор", ["Viktors"]),
    ("Виталий", ["Vitālijs", "Vitalijs"]),
    ("Владимир", ["Vladimirs"]),
    ("Владислав", ["Vladislavs"]),
    ("Владлен", ["Vladlens"]),
    ("Всеволод", ["Vsevolods"]),
    ("Вячеслав", ["Vjačeslavs"]),
    ("Гавриил", ["Gabriels"]),
    ("Геннадий", ["Gennadijs", "Gennādijs", "Genadijs", "Genādijs"]),
    ("Георгий", ["Georgijs", "Jurģis", "Juris"]),
    ("Герман", ["Germans", "Hermanis"]),
    ("Глеб", ["Gļebs"]),
    ("Григорий", ["Grigorijs", "Gregors"]),
    ("Давид", ["Dāvids", "Davids", "Dāvīds"]),
    ("Даниил", ["Daniils", "Daņiils", "Daniels"]),
    ("Данила", ["Daņila"]),
    ("Денис", ["Deniss", "Deņiss"]),
    ("Дмитрий", ["Dmitrijs"]),
    (
        "Евгений",
        ["Jevgeņijs", "Jevgenijs", "Jevgēnijs", "Jevgēņijs", "Jevģenijs", "Jevģēnijs", "Eižens"],
    ),
    ("Егор", ["Jegors"]),
    ("Ефим", ["Jefims"]),
    ("Захар", ["Zahars"]),
    ("Иван", ["Ivans", "Jānis"]),
    ("Игнат", ["Ignats", "Ignāts"]),
    ("Игорь", ["Igors"]),
    ("Илья", ["Iļja", "Ilija", "Elija"]),
    ("Иосиф", ["Jāzeps"]),
    ("Кирилл", ["Kirills", "Kirils"]),
    ("Константин", ["Konstantīns", "Konstantins"]),
    ("Кузьма", ["Kuzma"]),
    ("Лев", ["Ļevs"]),
    ("Леонид", ["Leonīds", "Leonids"]),
    ("Лука", ["Luka", "Lūkass"]),
    ("Максим", ["Maksims"]),
    ("Марк", ["Marks"]),
    ("Матвей", ["Matvejs", "Matīss"]),
    ("Михаил", ["Mihails", "Miķelis"]),
    ("Никита", ["Nikita", "Ņikita"]),
    ("Никифор", ["Nikifors", "Ņikifors"]),
    ("Николай", ["Nikolajs", "Niklāvs"]),
    ("Олег", ["Oļegs"]),
    ("Павел", ["Pavels", "Pāvels", "Pāvils"]),
    ("Пётр", ["Pjotrs", "Pēteris"]),
    ("Петр", ["Petrs", "Pjotrs", "Pēteris"]),
    ("Платон", ["Platons"]),
    ("Родион", ["Rodions"]),
    ("Роман", ["Romāns", "Romans"]),
    ("Ростислав", ["Rostislavs"]),
    ("Рудольф", ["Rūdolfs", "Rudolfs"]),
    ("Руслан", ["Ruslans", "Ruslāns"]),
    ("Святослав", ["Svjatoslavs"]),
    ("Семён", ["Semjons", "Sīmanis"]),
    ("Семен", ["Semjons", "Sīmanis"]),
    ("Сергей", ["Sergejs"]),
    ("Станислав", ["Staņislavs", "Stanislavs"]),
    ("Степан", ["Stepans", "Stefans"]),
    ("Тарас", ["Tarass"]),
    ("Тимофей", ["Timofejs", "Timotejs"]),
    ("Тимур", ["Timurs"]),
    ("Тихон", ["Tihons"]),
    ("Трофим", ["Trofims"]),
    ("Фёдор", ["Fjodors", "Teodors"]),
    ("Федор", ["Fedors", "Fjodors", "Teodors"]),
    ("Феликс", ["Fēlikss", "Felikss"]),
    ("Филипп", ["Filips", "Fīlips"]),
    ("Фома", ["Toms"]),
    ("Эдуард", ["Eduards", "Eduārds"]),
    ("Эмиль", ["Emīls", "Emils"]),
    ("Юлиан", ["Juliāns", "Julians", "Jūlians", "Jūliāns"]),
    ("Юрий", ["Jurijs", "Juris", "Jurģis"]),
    ("Яков", ["Jakovs", "Jēkabs"]),
    ("Ярослав", ["Jaroslavs"]),
    # Women's names
    ("Агафья", ["Agafija", "Agate"]),
    ("Александра", ["Aleksandra"]),
    ("Алёна", ["Aļona"]),
    ("Алена", ["Alena", "Alēna", "Aļona"]),
    ("Алина", ["Alīna", "Alina", "Aļina"]),
    ("Алиса", ["Alisa", "Alīsa"]),
    ("Алла", ["Alla"]),
    ("Анастасия", ["Anastasija", "Anastāsija"]),
    ("Ангелина", ["Angelina", "Angelīna", "Anģelina", "Anģelīna"]),
    ("Анжела", ["Anžela"]),
    ("Анна", ["Anna"]),
    ("Антонина", ["Antoņina", "Antonina", "Antonīna"]),
    ("Арина", ["Arina", "Arīna"]),
    ("Валентина", ["Valentīna", "Valentina"]),
    ("Валерия", ["Valērija", "Valerija"]),
    ("Варвара", ["Varvara"]),
    ("Василиса", ["Vasilisa"]),
    ("Вера", ["Vera", "Vēra"]),
    ("Вероника", ["Veronika"]),
    ("Виктория", ["Viktorija"]),
    ("Галина", ["Galina", "Gaļina"]),
    ("Дарья", ["Darja", "Darija", "Dārija"]),
    ("Диана", ["Diāna", "Diana"]),
    ("Ева", ["Eva"]),
    (
        "Евгения",
        ["Jevgeņija", "Jevgenija", "Jevgēnija", "Jevgēņija", "Jevģenija", "Jevģēnija"],
    ),
    ("Евдокия", ["Jevdokija"]),
    ("Екатерина", ["Jekaterina", "Jekaterīna", "Katrīna"]),
    ("Елена", ["Jeļena", "Helēna"]),
    ("Елизавета", ["Jelizaveta", "Jeļizaveta", "Elizabete"]),
    ("Жанна", ["Žanna"]),
    ("Зинаида", ["Zinaīda", "Zinaida"]),
    ("Злата", ["Zlata"]),
    ("Зоя", ["Zoja"]),
    ("Инна", ["Inna"]),
    ("Ирина", ["Irīna", "Irina", "Irēna"]),
    ("Карина", ["Karīna", "Karina", "Kārina"]),
    ("Кира", ["Kira"]),
    ("Клавдия", ["Klavdija", "Klaudija"]),
    ("Кристина", ["Kristīna", "Kristina"]),
    ("Ксения", ["Ksenija", "Ksēnija"]),
    ("Лариса", ["Larisa"]),
    ("Лидия", ["Lidija"]),
    ("Лилия", ["Lilija", "Līlija", "Lilja"]),
    ("Любовь", ["Ļubova"]),
    ("Людмила", ["Ludmila"]),
    ("Майя", ["Maija"]),
    ("Маргарита", ["Margarita"]),
    ("Марина", ["Marina", "Marīna"]),
    ("Мария", ["Marija", "Marja"]),
    ("Марфа", ["Marfa"]),
    ("Матрёна", ["Matrjona"]),
    ("Милана", ["Milana", "Milāna"]),
    ("Надежда", ["Nadežda"]),
    ("Наталья", ["Natalja", "Nataļja", "Natālija", "Natalija"]),
    ("Наталия", ["Natālija", "Natalija", "Natalja", "Nataļja"]),
    ("Нина", ["Ņina", "Nina", "Nīna", "Ņīna"]),
    ("Оксана", ["Oksana", "Oksāna"]),
    ("Олеся", ["Olesja", "Oļesja"]),
    ("Ольга", ["Olga"]),
    ("Пелагея", ["Pelageja"]),
    ("Полина", ["Polina", "Polīna", "Poļina"]),
    ("Прасковья", ["Praskovja"]),
    ("Раиса", ["Raisa"]),
    ("Светлана", ["Svetlana"]),
    ("Снежана", ["Snežana", "Sņežana"]),
    ("София", ["Sofija", "Sofja"]),
    ("Софья", ["Sofja", "Sofija"]),
    ("Станислава", ["Staņislava", "Stanislava"]),
    ("Таисия", ["Taisija", "Taīsija"]),
    ("Тамара", ["Tamāra", "Tamara"]),
    ("Татьяна", ["Tatjana"]),
    ("Ульяна", ["Uljana", "Uļjana"]),
    ("Фаина", ["Faina"]),
    ("Эвелина", ["Evelīna", "Evelina"]),
    ("Эльвира", ["Elvīra", "Elvira"]),
    ("Юлия", ["Jūlija", "Julija"]),
    ("Яна", ["Jana", "Jāna"]),
    ("Ярослава", ["Jaroslava"]),
]

# Not in the calendar under any spelling: the look-up says so, with similar names where the
# calendar has some (None: none are expected to be relevant, only the message is).
NOT_IN_CALENDAR = [
    ("Демьян", None),
    ("Прохор", None),
    ("Макар", None),
    ("Мирон", None),
    ("Остап", None),
    ("Назар", "Nazarijs"),
    ("Савва", "Sava"),
    ("Иннокентий", "Innocentijs"),
    ("Мстислав", "Rostislavs"),
]


def latvian_names(russian):
    found = Name.objects.search(russian)[:20]
    return [name.name for name in found if name.match in (LATVIAN_FORM, LATVIAN_EQUIVALENT)]


def search(client, name, language="ru"):
    with translation.override(language):
        return client.get(reverse("namedays:search"), {"vards": name}).text


def test_the_lists_hold_over_a_hundred_distinct_russian_names():
    names = [russian for russian, _found in IN_CALENDAR + NOT_IN_CALENDAR]
    assert len(names) == len(set(names)) >= 100
    assert len(IN_CALENDAR) >= 100


@pytest.mark.parametrize(("russian", "latvian"), IN_CALENDAR)
def test_russian_name_finds_its_latvian_names_in_order(russian, latvian):
    assert latvian_names(russian) == latvian


@pytest.mark.parametrize(("russian", "similar"), NOT_IN_CALENDAR)
def test_russian_name_not_in_the_calendar_says_so(client, russian, similar):
    assert latvian_names(russian) == []
    html = search(client, russian)
    assert f"Имени «{russian}» нет в календаре именин." in html
    if similar:
        assert html.index("Похожие имена") < html.index(f'<span lang="lv">{similar}</span>')


@pytest.mark.parametrize(
    "russian", ["Сергей", "Иван", "Андрей", "Владимир", "Дмитрий", "Юрий", "Александр"]
)
def test_the_names_of_the_issue_are_no_longer_missing(client, russian):
    assert "нет в календаре именин" not in search(client, russian)


def test_russian_reader_sees_the_latvian_spelling_of_sergei_first(client):
    html = search(client, "Сергей")
    assert '<h2 class="block-title">Именины: Сергей</h2>' in html
    assert (
        '<a href="/ru/vardadienas/09-28/"><span lang="ru">Сергей</span> '
        '(<span lang="lv">Sergejs</span>)</a> —\n'
        '      <time datetime="09-28">28 сентября</time>'
    ) in html


def test_aleksandrs_comes_before_aleksandra_who_is_only_similar(client):
    html = search(client, "Александр")
    similar = html.index("Похожие имена")
    assert html.index('<span lang="lv">Aleksandrs</span>') < similar
    assert html.index('<span lang="lv">Aleksandra</span>') > similar


def test_petr_finds_pjotrs_then_peteris_marked_as_the_latvian_form(client):
    html = search(client, "Пётр")
    pjotrs = html.index('<span lang="ru">Пётр</span> (<span lang="lv">Pjotrs</span>)')
    peteris = html.index('<span lang="ru">Петерис</span> (<span lang="lv">Pēteris</span>)')
    assert pjotrs < peteris < html.index("(латышская форма имени)")
    assert html.count("(латышская форма имени)") == 1
    assert "Имена даны русскими буквами, в скобках — официальное латышское написание." in html


def test_latvian_page_finds_russian_forms_and_keeps_latvian_spellings(client):
    html = search(client, "Пётр", "lv")
    assert '<a href="/vardadienas/06-29/" lang="lv">Pjotrs</a>' in html
    assert '<a href="/vardadienas/06-29/" lang="lv">Pēteris</a>' in html
    assert "(vārda latviskā forma)" in html
    assert 'lang="ru"' not in html.split('<main id="content"')[1]
    assert "krievu burtiem" not in html


def test_exact_latvian_spelling_still_comes_first():
    """A name typed in Latin letters is searched exactly as before: no Russian forms."""
    found = list(Name.objects.search("Sergejs")[:3])
    assert [name.name for name in found][:1] == ["Sergejs"]
    assert {name.match for name in found} & {LATVIAN_FORM, LATVIAN_EQUIVALENT} == set()


def test_russian_search_needs_one_query_beyond_the_layout(
    client, django_assert_num_queries, layout_queries
):
    with translation.override("ru"):
        url = reverse("namedays:search")
    with django_assert_num_queries(layout_queries + 1):
        response = client.get(url, {"vards": "Пётр"})
    assert response.status_code == 200
