"""The editors' photo admin: list, search, filters, replacing and deleting photos."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gallery.models import Photo
from tests.gallery.factories import jpeg_bytes, make_photo, stored_files
from tests.gallery.test_uploads import photo_form

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:gallery_photo_changelist")


def test_changelist_shows_thumbnails_titles_credits_and_days(editor_client):
    photo = make_photo(title_lv="Miglains rīts", shown_on=datetime.date(2024, 11, 12))
    html = editor_client.get(CHANGELIST).text
    thumbnail = photo.renditions_in("webp")[0]["name"]
    assert f'<img src="/media/{thumbnail}" width="80" height="60" alt="" loading="lazy">' in html
    assert "Miglains rīts" in html and "Jura Rogas foto" in html
    assert "12.11.2024" in html or "2024. gada 12. novembris" in html


def test_editors_find_photos_by_title_or_credit(editor_client):
    make_photo(title_lv="Ezers rudenī", credit_lv="Jura Rogas foto")
    make_photo(title_lv="Tilts", credit_lv="Annas Bērziņas foto")
    assert "Ezers rudenī" not in editor_client.get(CHANGELIST, {"q": "Bērziņas"}).text
    assert "Tilts" in editor_client.get(CHANGELIST, {"q": "Bērziņas"}).text


def test_autocomplete_for_article_photos_finds_photos(editor_client):
    """News articles pick their photos with an autocomplete that searches this admin."""
    make_photo(title_lv="Jaunais tilts")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "tilts", "app_label": "news", "model_name": "article", "field_name": "main_photo"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Jaunais tilts"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("shown", ["Vakar"]), ("scheduled", ["Rīt"]), ("no", ["Rakstam"])],
)
def test_photo_of_the_day_filter(editor_client, value, expected):
    today = timezone.localdate()
    make_photo(title_lv="Vakar", shown_on=today - datetime.timedelta(days=1))
    make_photo(title_lv="Rīt", shown_on=today + datetime.timedelta(days=1))
    make_photo(title_lv="Rakstam")
    response = editor_client.get(CHANGELIST, {"of_the_day": value})
    shown = [photo.title_lv for photo in response.context["cl"].result_list]
    assert shown == expected


def test_add_form_accepts_only_photo_formats_and_loads_nothing_from_elsewhere(editor_client):
    html = editor_client.get(reverse("admin:gallery_photo_add")).text
    assert 'accept="image/jpeg,image/png,image/webp"' in html
    # Every script and stylesheet comes from this site (no jQuery UI from Google's CDN).
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets and all(asset.startswith("/") and not asset.startswith("//") for asset in assets)


def test_change_form_shows_a_preview_and_the_size(editor_client):
    photo = make_photo(jpeg_bytes(1200, 900))
    html = editor_client.get(reverse("admin:gallery_photo_change", args=[photo.pk])).text
    assert "1200 × 900" in html
    assert 'width="480" height="360"' in html


def test_replacing_the_image_removes_the_old_files_once_saved(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    photo = make_photo()
    old_files = stored_files(media_root)
    upload = SimpleUploadedFile("jauns.jpg", jpeg_bytes(640, 480))
    data = photo_form(upload, title_lv=photo.title_lv)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("admin:gallery_photo_change", args=[photo.pk]), data)

    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.width, photo.height) == (640, 480)
    assert set(old_files).isdisjoint(stored_files(media_root))
    assert len(stored_files(media_root)) == 1 + len(photo.renditions)


def test_saving_without_a_new_image_keeps_the_files(editor_client, media_root):
    photo = make_photo()
    files = stored_files(media_root)
    data = photo_form("", title_lv="Jauns virsraksts")
    response = editor_client.post(reverse("admin:gallery_photo_change", args=[photo.pk]), data)
    assert response.status_code == 302
    assert Photo.objects.get().title_lv == "Jauns virsraksts"
    assert stored_files(media_root) == files


def test_deleting_a_photo_deletes_its_files(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    photo = make_photo()
    url = reverse("admin:gallery_photo_delete", args=[photo.pk])
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url, {"post": "yes"})
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == []


def test_bulk_delete_deletes_the_files_too(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    photos = [make_photo(), make_photo()]
    data = {"action": "delete_selected", "_selected_action": [p.pk for p in photos], "post": "yes"}
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(CHANGELIST, data)
    assert stored_files(media_root) == []


def test_action_makes_missing_renditions(editor_client, media_root):
    photo = make_photo()
    (media_root / photo.renditions[0]["name"]).unlink()
    data = {"action": "make_missing_renditions", "_selected_action": [photo.pk]}
    response = editor_client.post(CHANGELIST, data, follow=True)
    assert "Versijas izveidotas 1 foto." in response.text
    assert (media_root / Photo.objects.get().renditions[0]["name"]).exists()


def test_view_on_site_only_for_photos_of_the_day(editor_client):
    article_photo = make_photo()
    photo_of_the_day = make_photo(shown_on=datetime.date(2024, 11, 12))
    change = "admin:gallery_photo_change"
    assert "viewsitelink" not in editor_client.get(reverse(change, args=[article_photo.pk])).text
    html = editor_client.get(reverse(change, args=[photo_of_the_day.pk])).text
    assert 'href="/dienas-foto/2024/11/12/" class="viewsitelink"' in html
