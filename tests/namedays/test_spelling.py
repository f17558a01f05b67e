"""The spelling rules of namedays/spelling.py on their lists (issue 15; docs/namedays-russian.md).

No database: the calendar comes straight from the lv-namedays package, as load_namedays reads it.
"""

import pytest

from namedays.management.commands.load_namedays import read_calendar
from namedays.spelling import COGNATES, cyrillic, fold, latvian_equivalents, latvian_forms


@pytest.fixture(scope="module")
def calendar_names():
    return {name for names in read_calendar().names.values() for name, _extended in names}


# Calendar names and how Russian pages write them, grouped by the rule they show.
IN_RUSSIAN_LETTERS = [
    # The issue's own examples; length marks are not written.
    ("Jānis", "Янис"),
    ("Mārtiņš", "Мартиньш"),
    ("Meta", "Мета"),
    ("Fricis", "Фрицис"),
    ("Vincents", "Винцентс"),
    ("Katrīna", "Катрина"),
    ("Kate", "Кате"),
    ("Konrāds", "Конрадс"),
    ("Sebastians", "Себастианс"),
    ("Laimnesis", "Лаймнесис"),
    ("Solvita", "Солвита"),
    ("Līga", "Лига"),
    ("Kārlis", "Карлис"),
    ("Mārcis", "Марцис"),
    ("Rūta", "Рута"),
    ("Marta", "Марта"),
    ("Sarmīte", "Сармите"),
    ("Voldemārs", "Волдемарс"),
    ("Gunārs", "Гунарс"),
    ("Ādams", "Адамс"),
    ("Zigfrīds", "Зигфридс"),
    ("Zigrīda", "Зигрида"),
    # The nominative -s, -is, -us stays, as Russian-language papers in Latvia write it.
    ("Edgars", "Эдгарс"),
    ("Oskars", "Оскарс"),
    ("Uldis", "Улдис"),
    ("Valdis", "Валдис"),
    ("Guntis", "Гунтис"),
    ("Andris", "Андрис"),
    ("Juris", "Юрис"),
    ("Pēteris", "Петерис"),
    ("Pāvils", "Павилс"),
    ("Kristaps", "Кристапс"),
    ("Niklāvs", "Никлавс"),
    ("Klāvs", "Клавс"),
    ("Ansis", "Ансис"),
    ("Visvaldis", "Висвалдис"),
    ("Ingus", "Ингус"),
    ("Ralfs", "Ралфс"),
    ("Oto", "Ото"),
    ("Ivo", "Иво"),
    # e is э at the start and after a vowel other than i, else е.
    ("Ēriks", "Эрикс"),
    ("Elza", "Элза"),
    ("Elīna", "Элина"),
    ("Eva", "Эва"),
    ("Elizabete", "Элизабете"),
    ("Aelita", "Аэлита"),
    ("Helēna", "Хелена"),
    ("Ilze", "Илзе"),
    ("Inese", "Инесе"),
    ("Agnese", "Агнесе"),
    ("Dace", "Даце"),
    ("Zane", "Зане"),
    ("Signe", "Сигне"),
    # ie is ие (the "Снедзе" would be е: see the doc).
    ("Sniedze", "Сниедзе"),
    ("Ieva", "Иева"),
    ("Liene", "Лиене"),
    ("Viesturs", "Виестурс"),
    ("Ziedonis", "Зиедонис"),
    ("Dziesma", "Дзиесма"),
    # dz, dž are дз, дж.
    ("Mirdza", "Мирдза"),
    ("Dzintra", "Дзинтра"),
    ("Dzidra", "Дзидра"),
    ("Endrū", "Эндру"),
    # i after a, e, o, u is й (ai, ei, ui, oi).
    ("Aivars", "Айварс"),
    ("Raimonds", "Раймондс"),
    ("Reinis", "Рейнис"),
    ("Dainis", "Дайнис"),
    ("Daina", "Дайна"),
    ("Laima", "Лайма"),
    ("Baiba", "Байба"),
    ("Eižens", "Эйженс"),
    ("Eiženija", "Эйжения"),
    # j with a vowel: я, е, ю, йо at the start and after a vowel, ья, ьо after a consonant.
    ("Aija", "Айя"),
    ("Maija", "Майя"),
    ("Vija", "Вия"),
    ("Ojārs", "Оярс"),
    ("Jēkabs", "Екабс"),
    ("Jāzeps", "Язепс"),
    ("Jolanta", "Йоланта"),
    ("Jogita", "Йогита"),
    ("Juoņs", "Юоньс"),
    ("Krišjānis", "Кришьянис"),
    ("Metjū", "Метью"),
    ("Fritjofs", "Фритьофс"),
    ("Emīlija", "Эмилия"),
    ("Solvija", "Солвия"),
    ("Lūcija", "Луция"),
    # ģ, ķ, ļ, ņ: г, к, л, н softening the vowel after them, ль, нь before a consonant.
    ("Ģirts", "Гиртс"),
    ("Jurģis", "Юргис"),
    ("Miķelis", "Микелис"),
    ("Indriķis", "Индрикис"),
    ("Aļģirds", "Альгирдс"),
    ("Gaļina", "Галина"),
    ("Aļona", "Алёна"),
    ("Antoņina", "Антонина"),
    ("Taņa", "Таня"),
    ("Baņuta", "Банюта"),
    ("Viļums", "Вилюмс"),
    ("Uļjana", "Ульяна"),
    ("Ņina", "Нина"),
    # -ijs, -ejs, -ajs are -ий, -ей, -ай; -ss is -с (the -s only marks a foreign name).
    ("Vikentijs", "Викентий"),
    ("Bonifācijs", "Бонифаций"),
    ("Harijs", "Харий"),
    ("Jurijs", "Юрий"),
    ("Dmitrijs", "Дмитрий"),
    ("Jevgeņijs", "Евгений"),
    ("Sergejs", "Сергей"),
    ("Aleksejs", "Алексей"),
    ("Andrejs", "Андрей"),
    ("Nikolajs", "Николай"),
    ("Boriss", "Борис"),
    ("Deņiss", "Денис"),
    ("Felikss", "Феликс"),
    ("Džeimss", "Джеймс"),
    ("Tomass", "Томас"),
    ("Lūkass", "Лукас"),
    ("Matīss", "Матис"),
    # Other letters as they are.
    ("Irži", "Иржи"),
    ("Marija", "Мария"),
    ("Anna", "Анна"),
    ("Žanna", "Жанна"),
    ("Zanna", "Занна"),
    ("Tatjana", "Татьяна"),
    ("Natalja", "Наталья"),
    ("Natālija", "Наталия"),
    ("Jekaterina", "Екатерина"),
    ("Jeļena", "Елена"),
    # Latvian spellings of Russian names are written as the Russian name.
    ("Olga", "Ольга"),
    ("Aleksandrs", "Александр"),
    ("Vladimirs", "Владимир"),
    ("Mihails", "Михаил"),
    ("Pjotrs", "Пётр"),
    ("Ivans", "Иван"),
    ("Igors", "Игорь"),
    ("Oļegs", "Олег"),
    ("Kirils", "Кирилл"),
    ("Fjodors", "Фёдор"),
    ("Fedors", "Федорс"),  # Russian writes Фёдор; the letters give Федорс
    ("Semjons", "Семён"),
    ("Artjoms", "Артём"),
    ("Iļja", "Илья"),
    ("Ļubova", "Любовь"),
    ("Ludmila", "Людмила"),
    ("Elvīra", "Эльвира"),
    ("Emīls", "Эмиль"),
    ("Matrjona", "Матрёна"),
]

# Calendar names that Russian letters cannot bring back: the standard rules write Latvian
# ije and ie alike (Marijeta → Мариета) and j before a consonant as й (Ajla → Айла).
LOST_IN_RUSSIAN_LETTERS = {"Marijeta", "Ajla", "Kajsa"}


def test_the_list_has_over_a_hundred_calendar_names(calendar_names):
    names = [latvian for latvian, _russian in IN_RUSSIAN_LETTERS]
    assert len(set(names)) == len(names) >= 100
    assert set(names) <= calendar_names


@pytest.mark.parametrize(("latvian", "russian"), IN_RUSSIAN_LETTERS)
def test_calendar_name_in_russian_letters(latvian, russian):
    assert cyrillic(latvian) == russian


def test_every_calendar_name_written_in_russian_letters_finds_itself_again(calendar_names):
    """What a Russian page shows is what a Russian reader types back into the search."""
    lost = {
        name
        for name in calendar_names
        if fold(name)
        not in {fold(cyrillic(name))} | {fold(form) for form in latvian_forms(cyrillic(name))}
    }
    assert lost == LOST_IN_RUSSIAN_LETTERS


def test_names_keep_their_other_parts():
    assert cyrillic("Anna-Marija") == "Анна-Мария"
    assert cyrillic("JĀNIS") == "ЯНИС"


@pytest.mark.parametrize(
    ("russian", "latvian"),
    [
        ("Сергей", ["Sergejs"]),
        ("Дмитрий", ["Dmitrijs"]),
        ("Николай", ["Nikolajs"]),
        ("Борис", ["Boriss"]),
        ("Пётр", ["Pjotrs"]),
        ("Петр", ["Petrs", "Pjotrs"]),  # Russian often writes е for ё
        ("Алёна", ["Aļona"]),
        ("Людмила", ["Ļudmila"]),
        ("Ольга", ["Oļga"]),
        ("Игорь", ["Igors", "Igora"]),
        ("Любовь", ["Ļubovs", "Ļubova"]),
        ("Кирилл", ["Kirills", "Kirils"]),
        ("Наталья", ["Nataļja", "Natalija"]),
        ("Наталия", ["Natalija", "Nataļja"]),
        ("Майя", ["Maija"]),
        ("Айвар", ["Aivars"]),
        ("Илья", ["Iļja", "Ilija"]),
        ("Жанна", ["Žanna"]),
        ("Вячеслав", ["Vjačeslavs"]),
        ("Мартиньш", ["Martiņš"]),  # -š is an ending already
        ("Sergejs", []),
        ("", []),
    ],
)
def test_russian_name_in_latvian_spelling(russian, latvian):
    assert latvian_forms(russian) == latvian


def test_latvian_equivalents_are_names_of_the_calendar(calendar_names):
    assert latvian_equivalents("Пётр") == latvian_equivalents("Петр") == ["Pēteris"]
    assert latvian_equivalents("Иван") == ["Jānis"]
    assert latvian_equivalents("Сергей") == []
    assert {name for names in COGNATES.values() for name in names} <= calendar_names


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Плявиняс", "plavinas"), ("Сниедзе", "sniedze"), ("Кришьянис", "krisjanis")],
)
def test_fold_reads_latvian_names_in_russian_letters(text, folded):
    assert fold(text) == folded
