"""Old article HTML made fit for this site, before the editors' sanitiser sees it.

- WordPress stores bodies without paragraphs (it adds them when showing a post): a body
  without block tags becomes paragraphs at blank lines and line breaks at single newlines.
- Images embedded in the text (`<img src>`) and galleries pasted as paragraphs of bare links
  to image files (or WordPress's `[gallery ids="…"]`) are taken out of the text and returned,
  to become the article's photos, served as renditions; a linked image that is not in the
  media folder stays a plain link.
- Other shortcodes (`[caption]…[/caption]`, `[embed]`) are unwrapped or dropped.

The result then goes through the article body's own nh3 allow-list (Article.save()).
"""

import html
import re
from urllib.parse import unquote, urlsplit

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")
BLOCK_TAG = re.compile(r"<(p|div|h[1-6]|ul|ol|blockquote|table|figure)\b", re.IGNORECASE)
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = r"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
LINK = re.compile(r"<a\b[^>]*>.*?</a>", re.IGNORECASE | re.DOTALL)
GALLERY_SHORTCODE = re.compile(r"\[gallery\b([^\]]*)\]", re.IGNORECASE)
CAPTION_SHORTCODE = re.compile(r"\[/?caption\b[^\]]*\]", re.IGNORECASE)
OTHER_SHORTCODE = re.compile(
    r"\[(embed|video|audio|playlist)\b[^\]]*\](?:.*?\[/\1\])?", re.I | re.S
)
# A byline signed at the end of an old post's text, with its label: "Teksts: Inese Kalniņa",
# "Teksts un foto: …", "Autore: …", "Текст: …", "Текст и фото: …", and optionally ", foto:
# <name>" after it. Only a labelled last paragraph counts: an unlabelled name on the last
# line cannot be told from the text's own last line (a quote's source, a letter's signer).
NAME = (
    r"[A-ZĀČĒĢĪĶĻŅŠŪŽА-ЯЁ][a-zāčēģīķļņšūžа-яё]+"
    r"(?:-[A-ZĀČĒĢĪĶĻŅŠŪŽА-ЯЁ][a-zāčēģīķļņšūžа-яё]+)?"
)
NAMES = rf"{NAME}(?: {NAME}){{1,3}}"
BYLINE = re.compile(
    rf"^(?i:teksts|autors|autore|текст|автор)(?P<both> (?i:un|и) (?i:foto|фото))? ?: ?"
    rf"(?P<author>{NAMES})(?: ?[,;] ?(?i:foto|фото) ?: ?(?P<photographer>{NAMES}))?\.?$"
)
LAST_PARAGRAPH = re.compile(r"<p\b[^>]*>((?:(?!<p\b).)*?)</p>\s*\Z", re.IGNORECASE | re.DOTALL)
LAST_CHUNK = re.compile(r"(?:\A|\n\s*\n)([^\n]*)\s*\Z")
BREAKS_ONLY = re.compile(r"^(?:\s|<br\s*/?>|&nbsp;)*$", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def attribute(tag, name):
    match = re.search(ATTRIBUTE.format(name=name), tag, re.IGNORECASE)
    return (
        html.unescape(next(group for group in match.groups() if group is not None)) if match else ""
    )


def upload_path(url):
    """Where an image URL's file would be in the media folder: below WordPress's
    wp-content/uploads/ when it is there, else the URL's whole path."""
    path = unquote(urlsplit(url).path)
    marker = "/wp-content/uploads/"
    if marker in path:
        return path.split(marker, 1)[1]
    return path.lstrip("/")


def is_image_link(url):
    return urlsplit(url).path.lower().endswith(IMAGE_EXTENSIONS)


def paragraphs(text):
    """WordPress's wpautop, simply: paragraphs at blank lines, <br> at single newlines."""
    if BLOCK_TAG.search(text):
        return text
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    return "".join("<p>" + chunk.replace("\n", "<br>") + "</p>" for chunk in chunks)


class Cleaned:
    """A body's text, and the images it showed: `image_paths` (files in the media folder),
    `gallery_ids` (WordPress attachment ids)."""

    def __init__(self, text, image_paths, gallery_ids):
        self.text, self.image_paths, self.gallery_ids = text, image_paths, gallery_ids


def clean(text, is_local):
    """`text` with images and galleries taken out; `is_local(path)` says whether a file is
    in the media folder. Raises ValueError for text that is not text (control characters)."""
    if CONTROL.search(text):
        raise ValueError("the text holds control characters (a binary or damaged body)")
    image_paths, gallery_ids = [], []

    def gallery(match):
        ids = attribute(match[0], "ids")
        gallery_ids.extend(int(i) for i in re.findall(r"\d+", ids))
        return ""

    text = GALLERY_SHORTCODE.sub(gallery, text)
    text = CAPTION_SHORTCODE.sub("", text)
    text = OTHER_SHORTCODE.sub("", text)
    text = paragraphs(text)

    def image(match):
        path = upload_path(attribute(match[0], "src"))
        if path and is_local(path) and path not in image_paths:
            image_paths.append(path)
        return ""

    text = IMG_TAG.sub(image, text)

    def bare_link_gallery(match):
        links = LINK.findall(match[1])
        if not links or not BREAKS_ONLY.match(LINK.sub("", match[1])):
            return match[0]
        paths = [upload_path(attribute(link, "href")) for link in links]
        if not all(is_image_link(attribute(link, "href")) for link in links):
            return match[0]
        if not all(is_local(path) for path in paths):
            return match[0]  # not here: the links stay links
        image_paths.extend(path for path in paths if path not in image_paths)
        return ""

    text = PARAGRAPH.sub(bare_link_gallery, text)
    text = re.sub(r"<p\b[^>]*>(?:\s|&nbsp;|<br\s*/?>)*</p>", "", text, flags=re.IGNORECASE)
    return Cleaned(text.strip(), image_paths, gallery_ids)


class Signed:
    """A byline found at the end of a text: who wrote it, who took its photos (or ""), and
    the text without it."""

    def __init__(self, author, photographer, text):
        self.author, self.photographer, self.text = author, photographer, text


def signed_byline(text):
    """The labelled byline that `text` (a post's raw body) ends with, or None."""
    text = text.rstrip()
    match = (LAST_PARAGRAPH if BLOCK_TAG.search(text) else LAST_CHUNK).search(text)
    if not match:
        return None
    line = re.sub(r"<[^>]*>", "", match[1]).replace("&nbsp;", " ")
    byline = BYLINE.match(" ".join(html.unescape(line).split()))
    rest = text[: match.start()].rstrip()
    if not byline or not has_text(rest):
        return None
    photographer = byline["author"] if byline["both"] else byline["photographer"] or ""
    return Signed(byline["author"], photographer, rest)


def has_text(fragment):
    return bool(re.sub(r"<[^>]*>|&nbsp;|\s", "", fragment or ""))
