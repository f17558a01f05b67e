"""Every UI string is translated to Latvian and Russian, and the compiled catalogs are current."""

import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
FIELD = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$')


def unescape(text):
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), text)


def po_entries(path):
    """(fields, is_fuzzy) for each message of a .po file, header excluded."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current, fuzzy = {}, None, False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif match := FIELD.match(line):
                current = match[1]
                fields[current] = unescape(match[2])
            elif line.startswith('"') and current:
                fields[current] += unescape(line[1:-1])
        if fields.get("msgid"):
            yield fields, fuzzy


@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", ["lv", "ru"])
def test_every_message_is_translated(language, domain):
    untranslated = [
        fields["msgid"]
        for fields, fuzzy in po_entries(LOCALE / language / "LC_MESSAGES" / f"{domain}.po")
        if fuzzy or not all(v for k, v in fields.items() if k.startswith("msgstr"))
    ]
    assert untranslated == []


@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", ["lv", "ru", "en"])
def test_compiled_catalog_matches_the_po_file(language, domain):
    folder = LOCALE / language / "LC_MESSAGES"
    with open(folder / f"{domain}.mo", "rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    for fields, _fuzzy in po_entries(folder / f"{domain}.po"):
        if "msgid_plural" in fields:
            assert catalog.get((fields["msgid"], 0), "") == fields["msgstr[0]"], fields["msgid"]
        elif fields.get("msgstr"):
            assert catalog.get(fields["msgid"]) == fields["msgstr"], fields["msgid"]
