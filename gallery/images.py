"""Image processing for photos: what an upload must be, its clean master, its renditions.

Pure pixel work on Pillow images and bytes, no database and no storage: `clean_image()`
vets an upload by its content and makes the clean master (upright, without EXIF, GPS or
anything appended), `resized()` and `encode()` make the renditions that `Photo` stores.
"""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

# Upload limits (issue 6): a phone photo is 3–12 MB and 12–50 megapixels at most.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
# The only decoders Pillow may try on an upload, and what each result is stored as. MPO is
# how Pillow's JPEG decoder names a multi-picture JPEG from some phones (first picture kept).
DECODERS = ["JPEG", "PNG", "WEBP"]
ACCEPTED_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
MASTER_FORMATS = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}
# Rendition widths in CSS pixels of a 2× phone screen up to a wide desktop column.
RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)
# Each rendition width is written in these formats: WebP for browsers (all current ones),
# JPEG as the <img> fallback and for feeds and social previews. WebP's `method` is the
# encoder's effort, not its quality: measured on this machine (issue 13), method 2 takes 59 %
# of method 4's CPU time for files 8 % larger at the same quality (PSNR 37.8 against
# 37.9 dB); WebP was 60 % of an archive import's time. (JPEG's progressive mode always
# optimises its Huffman tables; `optimize` only says so.)
RENDITION_FORMATS = {
    "webp": ("WEBP", {"quality": 80, "method": 2}),
    "jpg": ("JPEG", {"quality": 80, "optimize": True, "progressive": True}),
}
# Google's article images (the JSON-LD of news.templatetags): the photo cut around its centre
# to each ratio, at most this wide (Google asks for 50,000 pixels; 1200 wide suits Discover).
CROP_RATIOS = {"16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}
CROP_WIDTH = 1200
# Crops are fetched by crawlers, never watched loading on a page: baseline JPEG, which on
# the generated archive's photos took 44 % of progressive's time for files as large.
CROP_FORMAT = ("JPEG", {"quality": 80, "optimize": True})
MASTER_OPTIONS = {"JPEG": {"quality": 92}, "WEBP": {"quality": 92}, "PNG": {}}


def clean_image(file):
    """The upload as a clean master file, or ValidationError if it is no safe JPEG/PNG/WebP.

    The returned ContentFile carries the decoded upright picture as `.image`, from which
    renditions are made without decoding the upload again.
    """
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)d MB."),
            code="too_large",
            params={"limit": MAX_UPLOAD_BYTES // 1024 // 1024},
        )
    # Pillow raises many exception types on hostile input; each one means "refused".
    try:
        file.seek(0)
        with Image.open(file, formats=DECODERS) as probe:
            pixels = probe.width * probe.height
            source_format = probe.format
            if pixels <= MAX_PIXELS:
                probe.verify()  # structure and checksums, before decoding any pixel
    except Image.DecompressionBombError:
        pixels = MAX_PIXELS + 1
    except Exception:
        raise ValidationError(
            _("This is not a JPEG, PNG or WebP photo, or the file is damaged."),
            code="invalid_image",
        ) from None
    if pixels > MAX_PIXELS:
        raise ValidationError(
            _("The photo has more than %(limit)d megapixels."),
            code="too_many_pixels",
            params={"limit": MAX_PIXELS // 1_000_000},
        )
    try:
        file.seek(0)
        with Image.open(file, formats=DECODERS) as decoded:
            decoded.load()  # a truncated file fails here
            upright = upright_image(decoded)
    except Exception:
        raise ValidationError(
            _("The photo file is incomplete or damaged; please upload it again."),
            code="damaged_image",
        ) from None
    extension = ACCEPTED_FORMATS[source_format]
    master = ContentFile(encode(upright, MASTER_FORMATS[extension]), name=f"photo.{extension}")
    master.image = upright
    return master


def upright_image(opened):
    """A decoded copy turned as the camera's EXIF orientation says, in RGB or RGBA.

    Of the metadata only the colour profile survives: EXIF (GPS position, camera serial),
    XMP and comments are dropped with `info`, as they are never passed to the encoder.
    """
    icc_profile = opened.info.get("icc_profile")
    image = ImageOps.exif_transpose(opened)
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    mode = "RGBA" if has_alpha else "RGB"
    if image.mode != mode:  # exif_transpose() returned a copy already: no second one
        image = image.convert(mode)
    image.info = {"icc_profile": icc_profile} if icc_profile else {}
    return image


def encode(image, pillow_format, options=None):
    """The picture encoded in `pillow_format` with its colour profile and nothing else."""
    if pillow_format == "JPEG" and image.mode == "RGBA":
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        background.info = image.info
        image = background
    options = {**(options or MASTER_OPTIONS[pillow_format]), **image.info}
    buffer = io.BytesIO()
    image.save(buffer, pillow_format, **options)
    return buffer.getvalue()


def rendition_widths(width):
    """The widths to make for an original `width` pixels wide: never wider than it."""
    widths = [w for w in RENDITION_WIDTHS if w < width]
    return widths + [width] if width <= RENDITION_WIDTHS[-1] else widths


def crop_size(width, height, ratio):
    """The size of the `ratio` crop of a `width` × `height` picture: as wide as it can be up
    to CROP_WIDTH, never upscaled."""
    across, down = CROP_RATIOS[ratio]
    crop_width = max(1, min(CROP_WIDTH, width, height * across // down))
    return crop_width, max(1, round(crop_width * down / across))


def cropped(upright, ratio):
    """`upright` cut to `ratio` around its centre (see crop_size), with its colour profile.

    A cut that needs no scaling (any photo up to CROP_WIDTH across the cut) keeps the
    photo's own pixels: ImageOps.fit() resamples even then, which was a sixth of an imported
    archive's time. A wider one is scaled down from the cut region alone.
    """
    across, down = CROP_RATIOS[ratio]
    width, height = upright.size
    size = crop_size(width, height, ratio)
    if min(width, height * across // down) <= CROP_WIDTH:
        left, top = (width - size[0]) // 2, (height - size[1]) // 2
        image = upright.crop((left, top, left + size[0], top + size[1]))
    else:
        box_width = min(width, height * across / down)
        box_height = box_width * down / across
        left, top = (width - box_width) / 2, (height - box_height) / 2
        box = (left, top, left + box_width, top + box_height)
        image = upright.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=3)
    image.info = upright.info
    return image


def resized(upright, width, source=None):
    """`upright` scaled to `width` pixels, keeping its proportions and colour profile; cut
    from `source` (a smaller copy of `upright`) when given, which is cheaper."""
    if width == upright.width:
        return upright  # the full-width rendition: the same pixels, no copy
    height = max(1, round(upright.height * width / upright.width))
    source = source or upright
    image = source.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3)
    image.info = upright.info
    return image


def resized_all(upright, widths):
    """{width: picture} for each of `widths`, widest first, each cut from the smallest
    picture already made that is at least twice as wide (Lanczos from twice the size:
    measured 61.8 dB PSNR against a cut from the full picture, i.e. the same picture) or
    else from `upright`: only the widest ones cost a pass over the full photo."""
    made = {}
    for width in sorted(set(widths), reverse=True):
        sources = [image for image in made.values() if image.width >= 2 * width]
        source = min(sources, key=lambda image: image.width) if sources else None
        made[width] = resized(upright, width, source)
    return made
