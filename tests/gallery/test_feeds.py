"""The RSS feed of the photo of the day."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.urls import reverse

from tests.gallery.factories import make_photo

pytestmark = pytest.mark.django_db

NOON_IN_RIGA = "2024-11-12T10:00:00+00:00"
TODAY = datetime.date(2024, 11, 12)


def feed_items(client):
    with time_machine.travel(NOON_IN_RIGA, tick=False):
        response = client.get(reverse("gallery:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).findall("./channel/item")


def test_feed_lists_shown_photos_newest_first_linking_to_their_day(client):
    make_photo(shown_on=TODAY - datetime.timedelta(days=1), title_lv="Vakar")
    make_photo(shown_on=TODAY, title_lv="Šodien")
    make_photo(shown_on=TODAY + datetime.timedelta(days=1), title_lv="Rīt")
    make_photo(title_lv="Raksta foto")

    items = feed_items(client)

    assert [item.findtext("title") for item in items] == ["Šodien", "Vakar"]
    assert items[0].findtext("link") == "http://testserver/dienas-foto/2024/11/12/"
    assert items[0].findtext("pubDate") == "Tue, 12 Nov 2024 00:00:00 +0200"


def test_feed_item_encloses_a_jpeg_and_describes_it_escaped(client, media_root):
    photo = make_photo(
        shown_on=TODAY,
        alt_text_lv="Ezers",
        caption_lv='Migla <script>alert("x")</script>',
        credit_lv="Jura Rogas foto",
    )
    (item,) = feed_items(client)

    enclosure = item.find("enclosure")
    rendition = photo.fallback_rendition()
    assert enclosure.attrib == {
        "url": f"http://testserver/media/{rendition['name']}",
        "length": str((media_root / rendition["name"]).stat().st_size),
        "type": "image/jpeg",
    }
    description = item.findtext("description")
    assert f'<img src="http://testserver/media/{rendition["name"]}"' in description
    assert 'alt="Ezers"' in description and "Jura Rogas foto" in description
    assert "&lt;script&gt;" in description and "<script>" not in description


def test_feed_in_russian_uses_russian_titles(client):
    make_photo(shown_on=TODAY, title_lv="Migla", title_ru="Туман")
    with time_machine.travel(NOON_IN_RIGA, tick=False):
        response = client.get("/ru" + reverse("gallery:feed"))
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title").startswith("Фото дня")
    assert channel.find("item").findtext("title") == "Туман"
