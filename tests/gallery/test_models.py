"""Photos as data: which is the photo of the day, and how renditions are made and kept."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from PIL import Image

from gallery.images import CROP_RATIOS, RENDITION_WIDTHS, rendition_widths
from gallery.models import Photo
from tests.gallery.factories import (
    MARKER,
    image_bytes,
    jpeg_bytes,
    make_photo,
    phone_photo_bytes,
    stored_files,
)

pytestmark = pytest.mark.django_db

# Tuesday 12 November 2024, 00:30 in Riga, when it is still the 11th in UTC.
JUST_AFTER_MIDNIGHT_IN_RIGA = "2024-11-11T22:30:00+00:00"
TUESDAY = datetime.date(2024, 11, 12)


def test_future_photo_of_the_day_is_not_shown_and_today_counts_in_riga():
    yesterday = make_photo(shown_on=TUESDAY - datetime.timedelta(days=1))
    today = make_photo(shown_on=TUESDAY)
    make_photo(shown_on=TUESDAY + datetime.timedelta(days=1))
    make_photo()  # an article photo, never a photo of the day

    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        assert list(Photo.objects.shown().order_by("shown_on")) == [yesterday, today]
        assert Photo.objects.latest_of_the_day() == today


def test_latest_photo_of_the_day_falls_back_to_an_earlier_day():
    earlier = make_photo(shown_on=TUESDAY - datetime.timedelta(days=3))
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        assert Photo.objects.latest_of_the_day() == earlier


def test_no_photo_of_the_day_without_photos_of_the_day():
    make_photo()
    assert Photo.objects.latest_of_the_day() is None


def test_previous_and_next_day_skip_days_without_a_photo_and_the_future():
    first = make_photo(shown_on=datetime.date(2024, 11, 1))
    middle = make_photo(shown_on=datetime.date(2024, 11, 5))
    last = make_photo(shown_on=TUESDAY)
    make_photo(shown_on=TUESDAY + datetime.timedelta(days=1))
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        assert (middle.previous_day(), middle.next_day()) == (first, last)
        assert first.previous_day() is None
        assert last.next_day() is None


def test_months_before_and_after_are_the_nearest_with_photos():
    make_photo(shown_on=datetime.date(2024, 8, 20))
    make_photo(shown_on=datetime.date(2024, 10, 3))
    make_photo(shown_on=TUESDAY + datetime.timedelta(days=40))  # December, not shown yet
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        shown = Photo.objects.shown()
        assert shown.month_before(datetime.date(2024, 10, 1)) == datetime.date(2024, 8, 1)
        assert shown.month_after(datetime.date(2024, 8, 1)) == datetime.date(2024, 10, 1)
        assert shown.month_after(datetime.date(2024, 10, 1)) is None


def test_one_photo_per_day():
    make_photo(shown_on=TUESDAY)
    with pytest.raises(ValidationError) as refusal:
        make_photo(shown_on=TUESDAY)
    assert refusal.value.message_dict == {"shown_on": ["Cits foto jau ir šīs dienas foto."]}


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (4000, [320, 640, 960, 1280, 1920]),
        (1920, [320, 640, 960, 1280, 1920]),
        (1000, [320, 640, 960, 1000]),
        (200, [200]),
    ],
)
def test_renditions_are_never_wider_than_the_original(width, expected):
    assert rendition_widths(width) == expected


def test_renditions_are_webp_and_jpeg_files_of_each_width(media_root):
    photo = make_photo(jpeg_bytes(1000, 750))

    assert [(r["width"], r["height"], r["format"], r.get("crop")) for r in photo.renditions] == [
        (320, 240, "webp", None),
        (320, 240, "jpg", None),
        (640, 480, "webp", None),
        (640, 480, "jpg", None),
        (960, 720, "webp", None),
        (960, 720, "jpg", None),
        (1000, 750, "webp", None),
        (1000, 750, "jpg", None),
        (1000, 562, "jpg", "16x9"),
        (1000, 750, "jpg", "4x3"),
        (750, 750, "jpg", "1x1"),
    ]
    for rendition in photo.renditions:
        path = media_root / rendition["name"]
        assert path.stat().st_size == rendition["size"]
        with Image.open(path) as image:
            assert image.size == (rendition["width"], rendition["height"])
            assert image.format == {"webp": "WEBP", "jpg": "JPEG"}[rendition["format"]]


def test_phone_photo_renditions_are_upright_and_carry_no_exif(media_root):
    photo = make_photo(phone_photo_bytes(1200, 900))

    assert (photo.width, photo.height) == (900, 1200)
    for rendition in photo.renditions:
        with Image.open(media_root / rendition["name"]) as image:
            assert not image.getexif()
            if not rendition.get("crop"):  # a crop cuts the marker's corner off
                assert rendition["height"] > rendition["width"]
                # The marker the camera stored top left is top right once the photo is upright.
                corner = image.convert("RGB").getpixel((image.width - 3, 2))
                assert corner == pytest.approx(MARKER, abs=60)
        assert b"PhoneMaker" not in (media_root / rendition["name"]).read_bytes()


def test_transparent_png_keeps_transparency_in_webp_and_gets_white_in_jpeg(media_root):
    photo = make_photo(image_bytes(400, 300, image_format="PNG"))
    webp, jpeg = photo.renditions_in("webp")[0], photo.renditions_in("jpg")[0]
    with Image.open(media_root / webp["name"]) as image:
        assert image.mode == "RGBA"
    with Image.open(media_root / jpeg["name"]) as image:
        assert image.mode == "RGB"


def test_making_renditions_again_changes_nothing(media_root):
    photo = make_photo()
    files = stored_files(media_root)

    assert photo.make_renditions() is False
    assert stored_files(media_root) == files


def test_a_lost_rendition_is_made_again(media_root):
    photo = make_photo()
    lost = photo.renditions[2]
    (media_root / lost["name"]).unlink()

    assert photo.missing_renditions() == [(lost["width"], lost["format"], "")]
    assert photo.make_renditions() is True
    assert (media_root / photo.renditions[2]["name"]).exists()
    assert len(stored_files(media_root)) == 1 + len(photo.renditions)


def test_forced_renditions_replace_the_old_files(media_root):
    photo = make_photo()
    old_names = {r["name"] for r in photo.renditions}

    photo.make_renditions(force=True)

    assert old_names.isdisjoint(r["name"] for r in photo.renditions)
    assert len(stored_files(media_root)) == 1 + len(photo.renditions)


def test_create_from_image_refuses_a_fake_image_and_stores_nothing(media_root):
    with pytest.raises(ValidationError):
        Photo.objects.create_from_image(b"<svg xmlns='http://www.w3.org/2000/svg'/>", title_lv="x")
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == []


def test_create_from_image_refuses_invalid_fields_and_stores_nothing(media_root):
    make_photo(shown_on=TUESDAY)
    files = stored_files(media_root)
    with pytest.raises(ValidationError):
        make_photo(shown_on=TUESDAY)
    assert stored_files(media_root) == files


def test_create_from_image_takes_an_open_file(tmp_path):
    path = tmp_path / "foto.jpg"
    path.write_bytes(jpeg_bytes(640, 480))
    with path.open("rb") as file:
        photo = Photo.objects.create_from_image(file, title_lv="Ezers", alt_text_lv="Ezers")
    assert (photo.width, photo.height) == (640, 480)
    assert len(photo.renditions) == 4 + len(CROP_RATIOS)


def test_make_renditions_command_fills_in_what_is_missing(media_root, capsys):
    photo = make_photo()
    Photo.objects.filter(pk=photo.pk).update(renditions=[])
    for rendition in photo.renditions:
        (media_root / rendition["name"]).unlink()

    call_command("make_renditions", "--dry-run")
    assert "1 photos need renditions." in capsys.readouterr().out
    assert Photo.objects.get().renditions == []

    call_command("make_renditions")
    photo.refresh_from_db()
    assert len(photo.renditions) == 2 * len(rendition_widths(photo.width)) + len(CROP_RATIOS)
    assert all((media_root / r["name"]).exists() for r in photo.renditions)

    call_command("make_renditions")
    assert "0 photos got renditions." in capsys.readouterr().out.splitlines()[-1]


def test_rendition_widths_cover_phone_and_desktop_screens():
    assert RENDITION_WIDTHS[0] <= 320 and RENDITION_WIDTHS[-1] >= 1920


def test_photos_get_the_crops_google_asks_for_articles():
    photo = make_photo(jpeg_bytes(1600, 1000))

    crops = {crop["crop"]: (crop["width"], crop["height"]) for crop in photo.crops()}

    assert crops == {"16x9": (1200, 675), "4x3": (1200, 900), "1x1": (1000, 1000)}
    assert all(r["width"] <= 1600 for r in photo.renditions_in("jpg"))
    assert photo.largest_jpeg()["width"] == 1600 and "crop" not in photo.largest_jpeg()


def test_a_crop_of_a_smaller_photo_is_its_centre_as_it_was_not_resampled(settings):
    """An 800 × 533 archive photo: each cut fits CROP_WIDTH, so it is the photo's own
    pixels around the centre. Resampling from a half-pixel offset (as ImageOps.fit() did)
    would turn every other pixel of these two-pixel stripes grey."""
    stripes = Image.new("L", (800, 533), 255)
    for x in range(0, 800, 4):
        stripes.paste(0, (x, 0, x + 2, 533))
    buffer = io.BytesIO()
    stripes.convert("RGB").save(buffer, "PNG")
    photo = make_photo(buffer.getvalue())

    crops = {crop["crop"]: crop for crop in photo.crops()}

    assert {ratio: (c["width"], c["height"]) for ratio, c in crops.items()} == {
        "16x9": (800, 450),
        "4x3": (710, 532),
        "1x1": (533, 533),
    }
    for ratio, crop in crops.items():
        with Image.open(f"{settings.MEDIA_ROOT}/{crop['name']}") as stored:
            row = [stored.convert("L").getpixel((x, crop["height"] // 2)) for x in range(40)]
        left = (800 - crop["width"]) // 2
        expected = [stripes.getpixel((left + x, 0)) for x in range(40)]
        assert max(abs(a - b) for a, b in zip(row, expected, strict=True)) < 64, ratio
