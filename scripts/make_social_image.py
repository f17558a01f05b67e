"""Draw the paper's pictures for machines: static/img/social.png and static/img/logo.png.

    .venv/bin/python scripts/make_social_image.py ["Krāslavas Vēstis"]

social.png (1200×630, what Facebook, X and Google show for a page without a photo) and
logo.png (600×600, the publisher logo of the JSON-LD) are committed: the shield of
static/img/logo.svg redrawn with Pillow (which reads no SVG), and the paper's name.
Run it again when the logo or the name changes.
"""

import pathlib
import sys

from PIL import Image, ImageDraw, ImageFont

STATIC = pathlib.Path(__file__).resolve().parent.parent / "static" / "img"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
BRAND, GOLD, WHITE = "#1f4e79", "#c9a227", "#ffffff"


def cubic(p0, p1, p2, p3, steps=24):
    return [
        tuple(
            (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t**2 * c + t**3 * d
            for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
        )
        for t in (i / steps for i in range(steps + 1))
    ]


# The paths of logo.svg (viewBox 0 0 48 56) as polygons.
SHIELD = [
    (4, 4),
    (44, 4),
    (44, 28),
    *cubic((44, 28), (44, 41), (35, 49), (24, 53)),
    *cubic((24, 53), (13, 49), (4, 41), (4, 28)),
]
WAVE = [
    *cubic((8, 33), (13, 29), (17, 37), (24, 33)),
    *cubic((24, 33), (31, 29), (35, 37), (40, 33)),
    (40, 38),
    *cubic((40, 38), (35, 42), (31, 34), (24, 38)),
    *cubic((24, 38), (17, 42), (13, 34), (8, 38)),
]
STAR = [(24, 10), (27, 17), (34, 17), (28.5, 21.5), (30.5, 29), (24, 24.5), (17.5, 29)]
STAR += [(19.5, 21.5), (14, 17), (21, 17)]


def draw_shield(draw, left, top, scale):
    def place(points):
        return [(left + x * scale, top + y * scale) for x, y in points]

    draw.polygon(place(SHIELD), fill=BRAND, outline=GOLD, width=max(1, round(3 * scale)))
    draw.polygon(place(WAVE), fill=WHITE)
    draw.polygon(place(STAR), fill=GOLD)


def social_image(name):
    image = Image.new("RGB", (1200, 630), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1200, 630), fill="#f3f6f9")
    draw.rectangle((0, 590, 1200, 630), fill=BRAND)
    draw_shield(draw, 90, 135, 6.5)
    font = ImageFont.truetype(FONT, 84)
    words = name.split()
    lines = [" ".join(words[: len(words) // 2 or 1]), " ".join(words[len(words) // 2 or 1 :])]
    for number, line in enumerate(filter(None, lines)):
        draw.text((470, 190 + number * 120), line, font=font, fill=BRAND)
    return image


def logo_image():
    image = Image.new("RGB", (600, 600), WHITE)
    draw_shield(ImageDraw.Draw(image), 300 - 24 * 10, 300 - 28 * 10, 10)
    return image


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "Krāslavas Vēstis"
    social_image(name).save(STATIC / "social.png", optimize=True)
    logo_image().save(STATIC / "logo.png", optimize=True)


if __name__ == "__main__":
    main()
