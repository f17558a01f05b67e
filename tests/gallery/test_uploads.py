"""Only real JPEG, PNG and WebP photos get in; anything else is a form error and leaves no trace."""

import re
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import ExifTags, Image

from gallery.forms import PhotoAdminForm
from gallery.images import MAX_UPLOAD_BYTES
from gallery.models import Photo
from tests.gallery.factories import MARKER, image_bytes, jpeg_bytes, phone_photo_bytes, stored_files

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:gallery_photo_add")
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">'
    b"<script>alert(document.cookie)</script><rect width='800' height='600'/></svg>"
)


def photo_form(upload, **overrides):
    data = {
        "image": upload,
        "title_lv": "Rudens pie ezera",
        "title_ru": "",
        "title_en": "",
        "alt_text_lv": "Koki ar dzeltenām lapām pie ezera",
        "alt_text_ru": "",
        "alt_text_en": "",
        "caption_lv": "",
        "caption_ru": "",
        "caption_en": "",
        "credit_lv": "Jura Rogas foto",
        "credit_ru": "",
        "credit_en": "",
        "shown_on": "",
        "taken_on": "",
    }
    return data | overrides


def png_header(width, height):
    """A tiny PNG file whose header claims `width` × `height` pixels (a decompression bomb)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def assert_refused(response, media_root, message):
    assert response.status_code == 200  # the form again, not a redirect
    errors = response.context["adminform"].form.errors
    assert errors["image"] == [message], errors
    assert message in response.text
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == []


NOT_A_PHOTO = "Tas nav JPEG, PNG vai WebP foto, vai arī fails ir bojāts."
REFUSED = {
    "svg": ("zime.svg", SVG, NOT_A_PHOTO),
    "svg named .jpg": (
        "zime.jpg",
        SVG,
        NOT_A_PHOTO,
    ),
    "text named .jpg": (
        "foto.jpg",
        b"Sveiki! This is text.\n" * 50,
        NOT_A_PHOTO,
    ),
    "gif": (
        "foto.gif",
        image_bytes(image_format="GIF"),
        NOT_A_PHOTO,
    ),
    "truncated jpeg": (
        "foto.jpg",
        jpeg_bytes()[:-4000],
        "Foto fails ir nepilnīgs vai bojāts; lūdzu, augšupielādējiet to vēlreiz.",
    ),
    "truncated png": (
        "foto.png",
        image_bytes(image_format="PNG")[:-200],
        NOT_A_PHOTO,
    ),
    "bomb over the site's limit": (
        "liels.png",
        png_header(9000, 9000),
        "Foto ir vairāk nekā 50 megapikseļu.",
    ),
    "bomb over Pillow's limit": (
        "milzis.png",
        png_header(60_000, 60_000),
        "Foto ir vairāk nekā 50 megapikseļu.",
    ),
    "drive in the name": (
        "C:foto.jpg",
        jpeg_bytes(),
        "Faila nosaukumam jābūt vienkāršam, bez mapēm vai diska.",
    ),
    "encoded folders in the name": (
        "..%2F..%2Fetc%2Ffoto.jpg",
        jpeg_bytes(),
        "Faila nosaukumam jābūt vienkāršam, bez mapēm vai diska.",
    ),
}


@pytest.mark.parametrize(("name", "content", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_unsafe_upload_is_refused_with_a_form_error_and_nothing_is_stored(
    editor_client, media_root, name, content, message
):
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = editor_client.post(ADD_URL, photo_form(upload))
    assert_refused(response, media_root, message)


def test_photo_above_the_size_limit_is_refused_even_if_it_is_a_real_jpeg(editor_client, media_root):
    padded = jpeg_bytes().ljust(MAX_UPLOAD_BYTES + 1, b"\0")  # readers ignore trailing bytes
    upload = SimpleUploadedFile("liels.jpg", padded, content_type="image/jpeg")
    response = editor_client.post(ADD_URL, photo_form(upload))
    assert_refused(response, media_root, "Fails ir lielāks par 20 MB.")


def test_refusal_is_translated_for_editors_working_in_russian():
    """The admin is Latvian (no language prefix); the message itself follows the language."""
    form = PhotoAdminForm(
        data=photo_form(None), files={"image": SimpleUploadedFile("zime.jpg", SVG)}
    )
    with translation.override("ru"):
        assert form.errors["image"] == ["Это не фотография JPEG, PNG или WebP, или файл повреждён."]


def test_phone_photo_is_stored_upright_without_location_under_a_generated_name(
    editor_client, photo_editor, media_root
):
    upload = SimpleUploadedFile("IMG_2024 Krāslava.jpg", phone_photo_bytes(1200, 900))
    response = editor_client.post(ADD_URL, photo_form(upload))

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert re.fullmatch(r"photos/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", photo.image.name)
    assert (photo.width, photo.height) == (900, 1200)  # turned as the EXIF tag said
    assert photo.created_by == photo_editor
    with Image.open(photo.image.path) as master:
        assert master.size == (900, 1200)
        assert master.getpixel((master.width - 5, 5)) == pytest.approx(MARKER, abs=40)
        assert not master.getexif()
        assert b"PhoneMaker" not in (media_root / photo.image.name).read_bytes()
    assert all("Krāslava" not in name and "IMG" not in name for name in stored_files(media_root))
    assert len(stored_files(media_root)) == 1 + len(photo.renditions)


def test_path_parts_in_a_file_name_never_reach_storage(editor_client, media_root):
    """Django's upload parser keeps only the base name of "../../x.jpg"; the stored name is ours."""
    boundary = "grenzline"
    fields = photo_form(None)
    del fields["image"]
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="image"; '
        f'filename="../../../etc/cron.d/foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
        + jpeg_bytes()
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    editor_client.post(ADD_URL, body, content_type=f"multipart/form-data; boundary={boundary}")

    photo = Photo.objects.get()
    assert re.fullmatch(r"photos/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", photo.image.name)
    assert all(name.startswith("photos/") for name in stored_files(media_root))


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_photos_are_accepted_in_their_own_format(editor_client, image_format):
    extension = {"PNG": "png", "WEBP": "webp"}[image_format]
    upload = SimpleUploadedFile(f"foto.{extension}", image_bytes(image_format=image_format))
    assert editor_client.post(ADD_URL, photo_form(upload)).status_code == 302
    assert Photo.objects.get().image.name.endswith(f".{extension}")


def test_second_photo_for_the_same_day_is_a_form_error(editor_client, media_root):
    first = SimpleUploadedFile("a.jpg", jpeg_bytes())
    editor_client.post(ADD_URL, photo_form(first, shown_on="12.11.2024"))
    files_before = stored_files(media_root)

    second = SimpleUploadedFile("b.jpg", jpeg_bytes())
    response = editor_client.post(ADD_URL, photo_form(second, shown_on="12.11.2024"))

    assert response.status_code == 200
    assert "Cits foto jau ir šīs dienas foto." in response.text
    assert Photo.objects.count() == 1
    # Nothing in the media; the chosen file waits outside it (tests/gallery/test_kept_upload.py).
    assert set(stored_files(media_root)) == set(files_before)


def test_gps_position_is_in_the_test_upload():
    """Guards the test above: the phone photo it uploads really carries a GPS position."""
    with Image.open(SimpleUploadedFile("x.jpg", phone_photo_bytes())) as raw:
        gps = raw.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "N"
