"""Photos for tests, made in memory with Pillow: no downloads, no fixture files.

`make_photo()` returns a saved Photo with its renditions; the `*_bytes()` helpers give
upload content, e.g. a phone's JPEG whose pixels lie on their side with an EXIF
orientation tag saying how to turn them.
"""

import io
import itertools

from PIL import ExifTags, Image, ImageDraw

from gallery.models import Photo

_numbers = itertools.count(1)

# EXIF orientation 6: the camera was turned a quarter clockwise; show the pixels rotated so.
ROTATED_CLOCKWISE = 6
# A marker in the top-left corner of the pixel grid as the camera wrote it.
MARKER = (255, 0, 0)
BACKGROUND = (40, 90, 160)


def image_bytes(width=800, height=600, *, image_format="JPEG", orientation=None, gps=False):
    """An image file's bytes: a blue picture with a red square in the stored top-left corner."""
    # PNGs get a half-transparent background, as logos and graphics often have.
    mode, background = (
        ("RGBA", (*BACKGROUND, 128)) if image_format == "PNG" else ("RGB", BACKGROUND)
    )
    image = Image.new(mode, (width, height), background)
    side = max(4, min(width, height) // 5)
    ImageDraw.Draw(image).rectangle([0, 0, side, side], fill=MARKER)
    exif = Image.Exif()
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        exif[ExifTags.Base.Make] = "PhoneMaker"
        exif[ExifTags.IFD.GPSInfo] = {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (55.0, 53.0, 54.0),
            ExifTags.GPS.GPSLongitudeRef: "E",
            ExifTags.GPS.GPSLongitude: (27.0, 10.0, 6.0),
        }
    buffer = io.BytesIO()
    options = {"exif": exif.tobytes()} if len(exif) else {}
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def jpeg_bytes(width=800, height=600, **options):
    return image_bytes(width, height, image_format="JPEG", **options)


def phone_photo_bytes(width=1200, height=900):
    """A phone JPEG held upright: pixels stored on their side, EXIF orientation 6, GPS."""
    return jpeg_bytes(width, height, orientation=ROTATED_CLOCKWISE, gps=True)


def make_photo(image=None, **overrides):
    """A saved photo with renditions (an article photo unless `shown_on` is given)."""
    number = next(_numbers)
    overrides.setdefault("title_lv", f"Dienas foto {number}")
    overrides.setdefault("alt_text_lv", "Rudens koki pie Krāslavas ezera")
    overrides.setdefault("credit_lv", "Jura Rogas foto")
    return Photo.objects.create_from_image(image or jpeg_bytes(), **overrides)


def stored_files(media_root):
    """Every file under MEDIA_ROOT, as paths relative to it."""
    if not media_root.exists():
        return []
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())
