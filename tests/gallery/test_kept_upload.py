"""A form that comes back with errors keeps the chosen file (issue 14): an editor who picked
a photo-of-the-day date already taken is told what to do and does not choose it again."""

import datetime
import os
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gallery.models import Photo
from tests.gallery.factories import jpeg_bytes, make_photo, stored_files
from tests.gallery.test_uploads import ADD_URL, photo_form

pytestmark = pytest.mark.django_db

TAKEN_DAY = datetime.date(2024, 11, 12)


def kept_token(response):
    return re.search(r'name="kept_upload" value="([^"]+)"', response.text)[1]


def test_a_taken_date_keeps_the_file_and_the_next_save_uses_it(editor_client, media_root, settings):
    make_photo(title_lv="Jau izvēlēts", shown_on=TAKEN_DAY)
    upload = SimpleUploadedFile("ezers.jpg", jpeg_bytes(), "image/jpeg")

    response = editor_client.post(ADD_URL, photo_form(upload, shown_on="12.11.2024"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Izvēlieties citu dienu vai atstājiet datumu tukšu raksta foto." in errors["shown_on"]
    assert "“ezers.jpg” ir saglabāts" in response.text
    assert Photo.objects.count() == 1

    token = kept_token(response)
    response = editor_client.post(ADD_URL, photo_form("", shown_on="13.11.2024", kept_upload=token))
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get(shown_on=datetime.date(2024, 11, 13))
    assert photo.width == 800 and photo.renditions
    assert not list(settings.KEPT_UPLOADS_ROOT.iterdir())  # taken back, not left behind


def test_the_kept_file_is_not_in_the_media_and_expires(editor_client, media_root, settings):
    """Readers can read the media; the kept file is the editor's raw upload (EXIF, GPS)."""
    make_photo(shown_on=TAKEN_DAY)
    before = set(stored_files(media_root))
    stale = settings.KEPT_UPLOADS_ROOT / "abandoned"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"a file an editor gave up on two days ago")
    two_days_ago = time.time() - 2 * 24 * 60 * 60
    os.utime(stale, (two_days_ago, two_days_ago))

    upload = SimpleUploadedFile("ezers.jpg", jpeg_bytes(), "image/jpeg")
    editor_client.post(ADD_URL, photo_form(upload, shown_on="12.11.2024"))

    assert set(stored_files(media_root)) == before
    kept = list(settings.KEPT_UPLOADS_ROOT.iterdir())
    assert len(kept) == 1 and kept[0].name != "abandoned"


def test_a_file_name_is_shown_as_text_not_markup(editor_client):
    make_photo(shown_on=TAKEN_DAY)
    name = '<meta http-equiv=refresh content="0;url=https:evil.example">.jpg'
    upload = SimpleUploadedFile(name, jpeg_bytes(), "image/jpeg")
    response = editor_client.post(ADD_URL, photo_form(upload, shown_on="12.11.2024"))
    assert "<meta http-equiv=refresh" not in response.text
    assert "&lt;meta http-equiv=refresh" in response.text


def test_a_new_file_replaces_the_kept_one(editor_client):
    make_photo(shown_on=TAKEN_DAY)
    first = SimpleUploadedFile("pirmais.jpg", jpeg_bytes(width=800), "image/jpeg")
    response = editor_client.post(ADD_URL, photo_form(first, shown_on="12.11.2024"))
    second = SimpleUploadedFile("otrais.jpg", jpeg_bytes(width=1000), "image/jpeg")
    editor_client.post(ADD_URL, photo_form(second, kept_upload=kept_token(response)))
    assert Photo.objects.get(shown_on=None).width == 1000


def test_a_forged_token_brings_no_file(editor_client):
    response = editor_client.post(ADD_URL, photo_form("", kept_upload="../../etc/passwd"))
    assert response.status_code == 200
    assert "image" in response.context["adminform"].form.errors
    assert Photo.objects.count() == 0


def test_the_change_list_still_opens(editor_client):
    assert editor_client.get(reverse("admin:gallery_photo_changelist")).status_code == 200
