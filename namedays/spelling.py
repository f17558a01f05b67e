"""How the calendar's names are spelt: folded for search, and between Latvian and Russian.

Three rules, each written once (issue 15; every case, with its source, is in
docs/namedays-russian.md):

- `fold()`: what the search compares, lower case without diacritics ("Mārcis" → "marcis"),
  with Russian letters first written as Latvian writes them ("Янис" → "janis").
- `latvian_forms()` and `latvian_equivalents()`: a Russian name's spelling in the Latvian
  calendar ("Сергей" → Sergejs, "Юрий" → Jurijs) and, for a few names, the Latvian name
  of the same saint on the same date ("Пётр" → Pēteris).
- `cyrillic()`: a calendar name in Russian letters, for /ru/ pages: Latvian names by the
  Latvian-Russian practical transcription ("Jānis" → "Янис", "Mārtiņš" → "Мартиньш"),
  Latvian spellings of Russian names as the Russian name ("Sergejs" → "Сергей").

Russian letters → Latvian letters (Cabinet Regulation No. 114 of 2 March 2004 and the State
Language Centre's practice, as the calendar shows it): е, ё, ю, я are je, jo, ju, ja at the
start, after a vowel or a sign, and after other consonants too (Пётр → Pjotrs), but after
л and н they soften the consonant instead (Алёна → Aļona, Людмила → Ļudmila) and after
ж, ч, ш, щ, ц they are plain vowels; ь softens л and н (Ольга → Oļga) and is dropped
elsewhere; й is j at the ends of a name and after и, i inside it (Майя → Maija, Айвар →
Aivars); ж ž, ч č, ш š, щ šč, х h, ц c, ы i, э e; the ending: a man's name ending in a
consonant takes -s (Борис → Boriss, Дмитрий → Dmitrijs), with a double consonant written
single (Кирилл → Kirils); -ья and -ия are one name (Наталья → Natalja, Natālija).

Latvian letters → Russian letters (the Latvian-Russian practical transcription of
Giļarevskis and Starostins, "Иностранные имена и названия в русском тексте", 1985, as
Russian Wikipedia's "Латышско-русская практическая транскрипция" gives it): length marks
are not written (ā → а); e is э at the start and after a vowel other than i, else е;
ie is ие, е after j; i in ai, ei, oi, ui is й; ja, je, ju are я, е, ю at the start and
after a vowel, ья, ье, ью after a consonant, jo is йо; ģ, ķ, ļ, ņ are г, к, л, н before
a vowel and soften it (a → я, o → ё, u → ю), ļ and ņ are ль, нь elsewhere (Mārtiņš →
Мартиньш); c ц, č ч, h х, š ш, ž ж. The nominative -s stays, as Russian-language papers in
Latvia write Latvian names (Янис, Эдгарс), except where it only marks a foreign name
whose Russian form has none: -ijs, -ejs, -ajs, -ojs are -ий, -ей, -ай, -ой (Vikentijs →
Викентий, Sergejs → Сергей), and -ss, Latvian's ending on a name ending in s, is -с
(Boriss → Борис).
"""

import functools
import re
from pathlib import Path

# Folding for search: the eleven Latvian letters with diacritics (both cases) to their base
# letters, then lower case. The same table serves the database column and the query text.
FOLD_FROM = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
FOLD_TO = "acegiklnsuz" * 2
FOLD_TABLE = str.maketrans(FOLD_FROM, FOLD_TO)
# Length marks and softness commas, which the Latvian spellings of one Russian name differ by.
UNMARK_FROM = "āēīōūģķļņĀĒĪŌŪĢĶĻŅ"
UNMARK_TO = "aeiougkln" * 2
UNMARK_TABLE = str.maketrans(UNMARK_FROM, UNMARK_TO)

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
WORD = re.compile(r"[^\W\d_]+")
RUSSIAN_NAMES_FILE = Path(__file__).parent / "data" / "russian_names.txt"

# Russian → Latvian letters.
RU_LETTERS = {
    **dict(zip("абвгдзиклмнопрстуфхцы", "abvgdziklmnoprstufhci", strict=True)),
    **{"ж": "ž", "ч": "č", "ш": "š", "щ": "šč", "э": "e", "ъ": "", "ь": "", "й": "j"},
    **{"є": "je", "і": "i", "ї": "ji", "ў": "u"},  # Ukrainian and Belarusian letters
}
RU_VOWELS = "аеёиоуыэюяєії"
IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}
SOFTENED = {"л": "ļ", "н": "ņ"}
HUSHING = "жчшщц"
LATVIAN_VOWELS = "aāeēiīoōuū"

# Latvian → Russian letters.
LV_LETTERS = {
    **dict(zip("abcdfghiklmnoprstuvz", "абцдфгхиклмнопрстувз", strict=True)),
    **{"ā": "а", "č": "ч", "ē": "е", "ģ": "г", "ī": "и", "ķ": "к", "ļ": "ль", "ņ": "нь"},
    **{"ō": "о", "š": "ш", "ū": "у", "ž": "ж", "x": "кс", "y": "и", "w": "в", "q": "к"},
}
LV_SOFT = "ģķļņ"
AFTER_SOFT = {"a": "я", "ā": "я", "o": "ё", "ō": "ё", "u": "ю", "ū": "ю"}
AFTER_J = {"a": "я", "e": "е", "u": "ю", "o": "йо", "i": "йи"}
AFTER_J |= {long: AFTER_J[short] for long, short in zip("āēūōī", "aeuoi", strict=True)}
# Endings that only mark a foreign name in Latvian; Russian writes the name without them.
FOREIGN_ENDINGS = ("ijs", "ejs", "ējs", "ajs", "ājs", "ojs", "ss")

# A Russian name and the Latvian name of the same saint, where the calendar gives both on
# one date (so a reader named Пётр finds the day Latvians keep for Pēteris too). Keys are
# lower case; ё and е are one letter here, as Russian writing often omits the dots.
COGNATES = {
    "агафья": ["Agate"],  # 5 February, with Agafija
    "алексей": ["Aleksis"],  # 17 July, with Aleksejs
    "андрей": ["Andris", "Andrievs"],  # 30 November, with Andrejs
    "василий": ["Bazils"],  # 23 January, with Vasilijs
    "вениамин": ["Benjamins"],  # Benjamin, 22 January; the calendar has no Veniamins
    "гавриил": ["Gabriels"],  # 22 March, with Gavrils
    "георгий": ["Jurģis", "Juris"],  # 23 April (Jurģi, St George), with Georgijs
    "герман": ["Hermanis"],  # 11 April, with Germans
    "григорий": ["Gregors"],  # 25 March, with Grigorijs
    "даниил": ["Daniels"],  # 30 December, with Daniils
    "евгений": ["Eižens"],  # 13 November, with Jevgeņijs
    "екатерина": ["Katrīna"],  # 25 November, with Jekaterina
    "елена": ["Helēna"],  # 18 August, with Jeļena
    "елизавета": ["Elizabete"],  # 19 November, with Jeļizaveta
    "ева": ["Eva"],  # Eve, 12 September; the calendar has no Jeva
    # John: Ivans is on 27 August, but 24 June, Jāņi, is the feast of St John the Baptist
    # that Russian keeps as Иван Купала.
    "иван": ["Jānis"],
    "илья": ["Elija"],  # 2 August (Ильин день), with Iļja
    "иосиф": ["Jāzeps"],  # Joseph, 19 March; the calendar has no Josifs
    "ирина": ["Irēna"],  # 13 May, with Irina
    "клавдия": ["Klaudija"],  # 5 September, with Klavdija
    "лука": ["Lūkass"],  # 18 October, with Luka
    "матвей": ["Matīss"],  # 21 September, with Matvejs
    "михаил": ["Miķelis"],  # 29 September, with Mihails
    "николай": ["Niklāvs"],  # 6 December, with Nikolajs
    "павел": ["Pāvils"],  # 29 June, with Pāvels
    "пётр": ["Pēteris"],  # 29 June, with Pjotrs
    "семён": ["Sīmanis"],  # 5 January, with Semjons
    "степан": ["Stefans"],  # 2 August, with Stepans
    "тимофей": ["Timotejs"],  # 9 May, with Timofejs
    "фёдор": ["Teodors"],  # 9 November, with Fjodors
    "фома": ["Toms"],  # Thomas, 21 December; the calendar has no Foma
    "юрий": ["Juris", "Jurģis"],  # 23 April, with Jurijs
    "яков": ["Jēkabs"],  # 25 July, with Jakovs
}
COGNATES_BY_KEY = {key.replace("ё", "е"): names for key, names in COGNATES.items()}


def fold(text):
    """`text` as the search compares it: "Mārcis" → "marcis", "Янис" → "janis"."""
    return latvian_letters(text).translate(FOLD_TABLE).lower()


def latvian_letters(text):
    """`text` (lower-cased) with Russian letters written as Latvian writes them, without the
    length marks that Russian spelling cannot show: "Алёна" → "aļona"."""
    text = text.lower()
    out = []
    for at, letter in enumerate(text):
        before = text[at - 1] if at and text[at - 1].isalpha() else ""
        after = text[at + 1 : at + 2]
        if letter in IOTATED:
            out.append(_iotated(letter, before))
        elif letter in SOFTENED and after and after in "ёюяь":
            out.append(SOFTENED[letter])
        elif letter == "й":
            # i between a vowel and a consonant or an iotated vowel (Айвар → Aivars, Майя →
            # Maija), j at the ends, after и and before a plain vowel (Сергей, Айита → Ajita)
            inside = before and after.isalpha() and before != "и" and after not in "аиоуыэ"
            out.append("i" if inside else "j")
        elif letter == "ь" and after and after in "аиоуэ":
            out.append("j")  # Фритьоф → Fritjofs, Ильин → Iļjins
        else:
            out.append(RU_LETTERS.get(letter, letter))
    return "".join(out)


def _iotated(letter, before):
    if letter == "е" and before == "и":
        return "e"  # Latvian names in Russian letters: Иева, Лиене (ie)
    if not before or before in RU_VOWELS or before in "ьъй":
        return "j" + IOTATED[letter]
    if before in SOFTENED or before in HUSHING or letter == "е":
        return IOTATED[letter]
    return "j" + IOTATED[letter]


def _spellings(russian):
    """The Latvian spellings of one Russian name by the letter and ending rules."""
    word = russian.strip().lower()
    letters = latvian_letters(word)
    if not letters or letters[-1] in LATVIAN_VOWELS or letters[-1] == "š":
        return [letters.capitalize()]  # -š is itself a Latvian ending (Мартиньш)
    # A man's name ending in a consonant takes -s; Latvian writes double consonants single
    # there (Кирилл → Kirils; the calendar has Kirills too). A woman's name in -ь takes -a.
    single = re.sub(r"([^aeiou])\1", r"\1", letters)
    forms = [letters + "s", single + "s"]
    if word.endswith("ь"):
        forms.append(letters + "a")  # Любовь → Ļubova
    return list(dict.fromkeys(form.capitalize() for form in forms))


def _without_dots(russian):
    """The spellings a reader may type for a name with ё: Russian often writes е for it."""
    return russian.replace("ё", "е").replace("Ё", "Е")


@functools.cache
def _dotted_names():
    """{"петр": "пётр", …}: the names of data/russian_names.txt that have ё, as typed without."""
    return {_without_dots(name): name for name in _russian_name_list() if "ё" in name}


@functools.cache
def _russian_name_list():
    lines = RUSSIAN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return [name.lower() for line in lines if (name := line.split("#")[0].strip())]


def latvian_forms(name):
    """The Latvian spellings of a name typed in Russian letters, likeliest first:
    "Сергей" → ["Sergejs"], "Наталья" → ["Nataļja", "Natalija"]; [] for Latin letters."""
    name = name.strip()
    if not CYRILLIC.search(name):
        return []
    forms = _spellings(name)
    word = name.lower()
    if word.endswith("ья"):
        forms += _spellings(word[:-2] + "ия")  # Наталья and Наталия are one name
    elif len(word) > 3 and word.endswith("ия") and word[-3] not in RU_VOWELS:
        forms += _spellings(word[:-2] + "ья")
    if word in _dotted_names():
        forms += _spellings(_dotted_names()[word])  # "Петр" is Пётр
    return list(dict.fromkeys(forms))


def latvian_equivalents(name):
    """The Latvian names of the same saint for a Russian name: "Пётр" → ["Pēteris"]."""
    return COGNATES_BY_KEY.get(_without_dots(name.strip().lower()), [])


@functools.cache
def russian_names():
    """{Latvian spelling: Russian name} for the names in data/russian_names.txt."""
    names = {}
    for russian in _russian_name_list():
        for form in _spellings(russian):
            names.setdefault(unmarked(form), russian.capitalize())
    return names


def unmarked(name):
    """`name` in lower case without length marks and softness commas, which the Latvian
    spellings of one Russian name differ by (Natālija, Natalija; Ņina, Nina), but with
    č, š, ž, which tell names apart (Žanna, Zanna)."""
    return name.lower().translate(UNMARK_TABLE)


def cyrillic(name):
    """A calendar name in Russian letters: "Jānis" → "Янис", "Sergejs" → "Сергей"."""
    return WORD.sub(
        lambda word: russian_names().get(unmarked(word[0])) or _transcribed(word[0]), name
    )


def _transcribed(word):
    """One Latvian word in Russian letters by the transcription rules."""
    lower = word.lower()
    if lower.endswith(FOREIGN_ENDINGS):
        lower = lower[:-1]
    out, at = [], 0
    while at < len(lower):
        letter, before, after = lower[at], lower[at - 1] if at else "", lower[at + 1 : at + 2]
        if letter == "j" and after in AFTER_J and lower[at + 1 : at + 3] != "ie":
            out.append(_j_vowel(AFTER_J[after], before))
            at += 2
            continue
        if letter == "i" and after == "e":
            out.append("е" if before == "j" else "ие")
            at += 2
            continue
        if letter == "j":
            out.append("й")
        elif letter == "i" and before and before in "aāeēoōuū":
            out.append("й")  # ai, ei, oi, ui
        elif letter in "eē":
            out.append("э" if not before or before in "aāeēoōuū" else "е")
        elif letter in AFTER_SOFT and before and before in LV_SOFT:
            out.append(AFTER_SOFT[letter])
        elif letter in "ļņ" and after and after in LATVIAN_VOWELS:
            out.append(LV_LETTERS[letter][0])  # the vowel after it shows the softness
        else:
            out.append(LV_LETTERS.get(letter, letter))
        at += 1
    russian = "".join(out)
    if word.isupper() and len(word) > 1:
        return russian.upper()
    return russian.capitalize() if word[0].isupper() else russian


def _j_vowel(vowel, before):
    """ja, je, ju, jo, ji: я … at the start and after a vowel, ья … after a consonant, and
    я … after ļ and ņ, whose ль, нь already carry the sign."""
    if not before or before in LATVIAN_VOWELS:
        return vowel
    if before in "ļņ":
        return {"йо": "ё", "йи": "и"}.get(vowel, vowel)
    return "ь" + vowel.removeprefix("й")
