"""A full disk or an unwritable media folder at any file of an upload (the master or any
rendition) leaves neither a Photo row nor a file, and editors get a form error (issue 8).

Running as root makes chmod-made faults meaningless, so the faults come from a storage that
behaves as the kernel does: after `saves_left` files, a full disk writes part of the next
file and raises ENOSPC; a read-only or forbidden folder refuses the file before any byte.
"""

import errno
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from gallery.forms import storage_refusal
from gallery.models import Photo
from tests.gallery.factories import jpeg_bytes, make_photo, stored_files
from tests.gallery.test_uploads import ADD_URL, photo_form

pytestmark = pytest.mark.django_db

# An 800 × 600 upload is stored as 7 files: the master, then 320, 640 and 800 pixels wide
# renditions in WebP and JPEG. These are the numbers of files stored before the fault.
FAULT_AT = {"master": 0, "first rendition": 1, "middle rendition": 4, "last rendition": 6}
DISK_FULL = (
    "Foto neizdevās saglabāt: servera disks ir pilns. Nekas netika saglabāts; lūdzu, "
    "pasakiet to vietnes administratoram."
)
NOT_WRITABLE = (
    "Foto neizdevās saglabāt: serveris nevar ierakstīt failus foto mapē. Nekas netika "
    "saglabāts; lūdzu, pasakiet to vietnes administratoram."
)


class FaultyStorage(FileSystemStorage):
    """The media folder, failing with OSError `error_number` after `saves_left` files."""

    def __init__(self, *, saves_left, error_number, **options):
        super().__init__(**options)
        self.saves_left = saves_left
        self.error_number = error_number

    def _save(self, name, content):
        if self.saves_left > 0:
            self.saves_left -= 1
            return super()._save(name, content)
        if self.error_number == errno.ENOSPC:  # a full disk stops a file half-way
            data = b"".join(content.chunks())
            super()._save(name, ContentFile(data[: len(data) // 2]))
        raise OSError(self.error_number, os.strerror(self.error_number), self.path(name))


@pytest.fixture
def faulty_storage(settings):
    """Call it with when the fault comes and which; media goes to the test's MEDIA_ROOT."""

    def install(saves_left, error_number=errno.ENOSPC):
        backend = {
            "BACKEND": f"{__name__}.FaultyStorage",
            "OPTIONS": {"saves_left": saves_left, "error_number": error_number},
        }
        settings.STORAGES = {**settings.STORAGES, "default": backend}

    return install


def assert_form_error(response, message):
    assert response.status_code == 200  # the form again, not a redirect
    assert response.context["adminform"].form.errors["image"] == [message]
    assert message in response.text


@pytest.mark.parametrize("saves_left", FAULT_AT.values(), ids=FAULT_AT.keys())
def test_full_disk_during_an_upload_is_a_form_error_and_nothing_is_kept(
    editor_client, media_root, faulty_storage, saves_left
):
    faulty_storage(saves_left)
    upload = SimpleUploadedFile("ezers.jpg", jpeg_bytes(), content_type="image/jpeg")

    response = editor_client.post(ADD_URL, photo_form(upload))

    assert_form_error(response, DISK_FULL)
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.parametrize("error_number", [errno.EROFS, errno.EACCES], ids=["EROFS", "EACCES"])
@pytest.mark.parametrize("saves_left", [0, 3], ids=["master", "rendition"])
def test_unwritable_media_folder_is_a_form_error_and_nothing_is_kept(
    editor_client, media_root, faulty_storage, saves_left, error_number
):
    faulty_storage(saves_left, error_number)
    upload = SimpleUploadedFile("ezers.jpg", jpeg_bytes(), content_type="image/jpeg")

    response = editor_client.post(ADD_URL, photo_form(upload))

    assert_form_error(response, NOT_WRITABLE)
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == []


def test_replacing_a_photo_on_a_full_disk_keeps_the_old_one_whole(
    editor_client, media_root, faulty_storage
):
    photo = make_photo(title_lv="Vecais foto")
    files_before = stored_files(media_root)
    faulty_storage(saves_left=2)
    upload = SimpleUploadedFile("jauns.jpg", jpeg_bytes(1000, 750), content_type="image/jpeg")
    url = reverse("admin:gallery_photo_change", args=[photo.pk])

    response = editor_client.post(url, photo_form(upload, title_lv="Jaunais foto"))

    assert_form_error(response, DISK_FULL)
    unchanged = Photo.objects.get()
    assert (unchanged.title, unchanged.image.name) == ("Vecais foto", photo.image.name)
    assert unchanged.renditions == photo.renditions
    assert stored_files(media_root) == files_before


@pytest.mark.parametrize("saves_left", FAULT_AT.values(), ids=FAULT_AT.keys())
def test_create_from_image_on_a_full_disk_raises_and_keeps_nothing(
    media_root, faulty_storage, saves_left
):
    """Scripts and the demo loader get the storage's own error, and nothing half-saved."""
    faulty_storage(saves_left)

    with pytest.raises(OSError, match="No space left on device") as raised:
        make_photo()

    assert raised.value.errno == errno.ENOSPC
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == []


def test_missing_renditions_on_a_full_disk_are_an_admin_error_not_half_files(
    editor_client, media_root, faulty_storage
):
    photo = make_photo()
    lost = photo.renditions[-1]["name"]
    (media_root / lost).unlink()
    files_before = stored_files(media_root)
    faulty_storage(saves_left=0)

    response = editor_client.post(
        reverse("admin:gallery_photo_changelist"),
        {"action": "make_missing_renditions", "_selected_action": [photo.pk]},
        follow=True,
    )

    assert (
        "Versijas neizdevās ierakstīt: servera disks ir pilns vai tajā nevar rakstīt. "
        "Lūdzu, pasakiet to vietnes administratoram."
    ) in response.text
    assert stored_files(media_root) == files_before
    assert Photo.objects.get().renditions == photo.renditions


def test_storage_errors_are_translated_for_editors_working_in_russian():
    with translation.override("ru"):
        full = storage_refusal(OSError(errno.ENOSPC, "No space left on device"))
        read_only = storage_refusal(OSError(errno.EROFS, "Read-only file system"))
        assert str(full.message) == (
            "Не удалось сохранить фотографию: диск сервера заполнен. Ничего не сохранено; "
            "пожалуйста, сообщите администратору сайта."
        )
        assert str(read_only.message) == (
            "Не удалось сохранить фотографию: сервер не может записывать файлы в папку "
            "фотографий. Ничего не сохранено; пожалуйста, сообщите администратору сайта."
        )
