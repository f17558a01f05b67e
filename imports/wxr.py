"""WordPress export files (WXR 1.0–1.2, also Newspack's), read as a stream in two passes.

Pass one (`index()`) keeps only what joins records: attachments (id → file, caption, alt
text, credit), authors' display names and Polylang's translation groups. Pass two yields
one `Story` per group of translations, as soon as its last member has been read; members
of a group are next to each other in a real export, so only a few posts are held at a time.
Every element is cleared when read, so memory stays flat however large the file is.

Translations: Polylang writes each post's language as `<category domain="language">` and
its translation group as `<category domain="post_translations">`; posts sharing a group
are one story. A post without them is a Latvian story of its own. (WPML exports carry no
translation links; export such a site to the JSON Lines format instead.)
"""

import datetime
import re
import xml.etree.ElementTree as ET  # noqa: S405 (only its ParseError; parsing is defusedxml's)
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from imports import html
from imports.records import (
    LANGUAGES,
    BadRecord,
    ImportFileError,
    PhotoSpec,
    RecordError,
    Story,
    parse_datetime,
)

POST_TYPES = {"post"}
STATUSES = {"publish": True, "future": True, "draft": False, "pending": False, "private": False}
CREDIT_KEYS = ("_media_credit", "media_credit", "_wp_attachment_credit", "credit")
EMPTY_DATE = "0000-00-00 00:00:00"


def local(tag):
    return tag.rsplit("}", 1)[-1]


def text_of(element, name):
    for child in element:
        if local(child.tag) == name:
            return (child.text or "").strip() if name != "encoded" else child.text or ""
    return ""


def encoded(element, namespace_part):
    """content:encoded or excerpt:encoded, told apart by their namespaces."""
    for child in element:
        if local(child.tag) == "encoded" and namespace_part in child.tag:
            return child.text or ""
    return ""


def meta_of(element):
    found = {}
    for child in element:
        if local(child.tag) == "postmeta":
            found[text_of(child, "meta_key")] = text_of(child, "meta_value")
    return found


def categories_of(element):
    """[(domain, nicename, name)] of an item."""
    return [
        (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
        for child in element
        if local(child.tag) == "category"
    ]


class Index:
    def __init__(self):
        self.attachments = {}  # id → PhotoSpec
        self.attachment_pages = {}  # id → (its slug, the path of its page) where it has them
        self.authors = {}  # login → display name
        self.group_sizes = {}  # group → number of posts in it
        self.posts = 0  # stories to come, for the progress line


class WxrReader:
    def __init__(self, path, zone="Europe/Riga"):
        self.path, self.zone = path, ZoneInfo(zone)
        self.index = None

    def items(self):
        """(tag, element) of each <item> and <wp:author>, cleared after use; file errors as
        ImportFileError."""
        root = channel = None
        seen_wxr = False
        try:
            for event, element in iterparse(self.path, events=("start", "end"), forbid_dtd=True):
                name = local(element.tag)
                if event == "start":
                    if root is None:
                        root = element
                        if name != "rss":
                            raise ImportFileError(
                                "This is not a WordPress export (WXR) file: its root element "
                                f"is <{name}>, not <rss>."
                            )
                    elif channel is None and name == "channel":
                        channel = element
                    continue
                if name == "wxr_version":
                    seen_wxr = True
                elif name == "item" or (name == "author" and "wordpress.org/export" in element.tag):
                    yield name, element
                    element.clear()
                    if channel is not None:
                        channel.clear()  # read items are dropped: memory stays flat
        except ET.ParseError as error:
            line = error.position[0]
            if "no element found" in str(error) or "unclosed token" in str(error):
                raise ImportFileError(
                    f"The file ends in the middle of the export (line {line}): it is "
                    "truncated; export it again."
                ) from None
            raise ImportFileError(
                f"The file is not well-formed XML (line {line}: {error}); nothing was imported."
            ) from None
        except DefusedXmlException as error:
            raise ImportFileError(
                f"The file declares a DTD or entities ({type(error).__name__}), which a "
                "WordPress export never does; refused, nothing was imported."
            ) from None
        if root is None:
            raise ImportFileError("The file is empty.")
        if not seen_wxr:
            raise ImportFileError(
                "This is an RSS file but not a WordPress export (no wp:wxr_version)."
            )

    def build_index(self):
        index = Index()
        for name, element in self.items():
            if name == "author":
                login = text_of(element, "author_login")
                index.authors[login] = text_of(element, "author_display_name") or login
                continue
            post_type = text_of(element, "post_type")
            post_id = text_of(element, "post_id")
            if post_type == "attachment":
                meta = meta_of(element)
                file = meta.get("_wp_attached_file") or html.upload_path(
                    text_of(element, "attachment_url")
                )
                caption = encoded(element, "excerpt")
                credit = next((meta[key] for key in CREDIT_KEYS if meta.get(key)), "")
                language = self.language_of(element)
                page = (text_of(element, "post_name"), urlsplit(text_of(element, "link")).path)
                if any(page):
                    index.attachment_pages[post_id] = page
                index.attachments[post_id] = PhotoSpec(
                    file=file,
                    id=f"wp-attachment:{post_id}",
                    title={language: text_of(element, "title")},
                    caption={language: caption.strip()} if caption.strip() else {},
                    credit={language: credit} if credit else {},
                    alt={language: meta["_wp_attachment_image_alt"]}
                    if meta.get("_wp_attachment_image_alt")
                    else {},
                )
            elif post_type in POST_TYPES and text_of(element, "status") in STATUSES:
                group = self.group_of(element, post_id)
                index.group_sizes[group] = index.group_sizes.get(group, 0) + 1
        index.posts = len(index.group_sizes)
        self.index = index
        return index

    @staticmethod
    def language_of(element):
        for domain, nicename, _name in categories_of(element):
            if domain == "language" and nicename in LANGUAGES:
                return nicename
        return "lv"

    @staticmethod
    def group_of(element, post_id):
        for domain, nicename, _name in categories_of(element):
            if domain == "post_translations" and nicename:
                return f"group:{nicename}"
        return f"post:{post_id}"

    def stories(self):
        """Stories and bad records, in the file's order."""
        index = self.index or self.build_index()
        pending = {}
        for name, element in self.items():
            if name != "item" or text_of(element, "post_type") not in POST_TYPES:
                continue
            if text_of(element, "status") not in STATUSES:
                continue
            post_id = text_of(element, "post_id")
            group = self.group_of(element, post_id)
            try:
                version = self.version(element, post_id)
            except RecordError as error:
                version = BadRecord(f"wp:{post_id}", str(error))
            members = pending.setdefault(group, [])
            members.append(version)
            if len(members) >= index.group_sizes.get(group, 1):
                del pending[group]
                yield self.story(members)
        for members in pending.values():  # groups whose counts changed: never in practice
            yield self.story(members)

    def version(self, element, post_id):
        """One language's post as a dict."""
        language = self.language_of(element)
        gmt = text_of(element, "post_date_gmt")
        if gmt and gmt != EMPTY_DATE:
            published_at = parse_datetime(gmt, datetime.UTC)
        else:
            published_at = parse_datetime(text_of(element, "post_date"), self.zone)
        categories = [(n, name) for d, n, name in categories_of(element) if d == "category"]
        meta = meta_of(element)
        body = encoded(element, "content")
        gallery = []
        for match in html.GALLERY_SHORTCODE.finditer(body):
            gallery += re.findall(r"\d+", html.attribute(match[0], "ids"))
        body = html.GALLERY_SHORTCODE.sub("", body)
        signed = html.signed_byline(body)
        link_path = urlsplit(text_of(element, "link")).path
        slug = text_of(element, "post_name")
        day = published_at.astimezone(self.zone)
        addresses = [f"/?p={post_id}", f"/{day:%Y/%m/%d}/{slug}/"] if slug else [f"/?p={post_id}"]
        if link_path and link_path != "/":
            addresses.append(link_path)
        attachments = [meta["_thumbnail_id"]] if meta.get("_thumbnail_id") else []
        post_path = f"/{day:%Y/%m/%d}/{slug}/" if slug else ""
        for attachment_id in [*attachments, *gallery]:
            addresses += self.attachment_addresses(attachment_id, post_path)
        return {
            "post_id": post_id,
            "language": language,
            "title": text_of(element, "title"),
            "slug": slug,
            "body": body,
            "signed": signed,  # a byline at the end of the body, or None
            "lead": encoded(element, "excerpt").strip(),
            "author": self.index.authors.get(text_of(element, "creator"), "")
            or text_of(element, "creator"),
            "published_at": published_at,
            "is_published": STATUSES[text_of(element, "status")],
            "category": categories[0] if categories else None,
            "thumbnail": meta.get("_thumbnail_id", ""),
            "gallery": gallery,
            "addresses": [{"path": path, "language": language} for path in addresses],
        }

    def attachment_addresses(self, attachment_id, post_path):
        """The old addresses of a photo's attachment page, which lead to the article that
        shows the photo (a photo has no page of its own here): `/?attachment_id=<id>` (the
        same as `/?p=<id>`), and `<post's address><attachment's slug>/` or its own link."""
        if attachment_id not in self.index.attachments:
            return []
        addresses = [f"/?p={attachment_id}"]
        slug, link_path = self.index.attachment_pages.get(attachment_id, ("", ""))
        if slug and post_path:
            addresses.append(f"{post_path}{slug}/")
        if link_path and link_path != "/":
            addresses.append(link_path)
        return addresses

    def story(self, versions):
        bad = [v for v in versions if isinstance(v, BadRecord)]
        if bad:
            return bad[0]
        by_language = {}
        for version in versions:
            by_language.setdefault(version["language"], version)
        main = by_language.get("lv")
        if main is None:
            ids = ", ".join(f"wp:{v['post_id']}" for v in versions)
            return BadRecord(ids, "no Latvian version of this story (lv is required)")
        story_id = f"wp:{main['post_id']}"
        if main["category"] is None:
            return BadRecord(story_id, "the post has no category, so no section")
        slug, name = main["category"]
        section = {"slug": slug, "name": {"lv": name}, "old_addresses": []}
        section["old_addresses"].append({"path": f"/category/{slug}/", "language": "lv"})
        for code, version in by_language.items():
            if code != "lv" and version["category"]:
                other_slug, other_name = version["category"]
                section["name"][code] = other_name
                address = {"path": f"/category/{other_slug}/", "language": code}
                section["old_addresses"].append(address)
        try:
            main_photo = self.attachment(main["thumbnail"]) if main["thumbnail"] else None
            photos = [self.attachment(i) for i in main["gallery"]]
        except RecordError as error:
            return BadRecord(story_id, str(error))
        for code, version in by_language.items():
            if code != "lv" and main_photo and version["thumbnail"] in self.index.attachments:
                translated = self.index.attachments[version["thumbnail"]]
                for field in ("caption", "credit", "alt", "title"):
                    getattr(main_photo, field).update(getattr(translated, field))
        author = self.signed_author(by_language, main_photo) or main["author"]
        return Story(
            id=story_id,
            slug=main["slug"],
            title={code: v["title"] for code, v in by_language.items() if v["title"]},
            lead={code: v["lead"] for code, v in by_language.items() if v["lead"]},
            body={code: v["body"] for code, v in by_language.items() if v["body"]},
            section=section,
            published_at=main["published_at"],
            author=author,
            is_published=main["is_published"],
            main_photo=main_photo,
            photos=photos,
            old_addresses=[a for v in by_language.values() for a in v["addresses"]],
        )

    @staticmethod
    def signed_author(by_language, main_photo):
        """The byline signed at the end of the Latvian text ("Teksts: Inese Kalniņa"), or "".

        It is then taken out of each version's text that ends with one, and a photographer
        signed there ("…, foto: Jānis Bērziņš") becomes the main photo's credit where it has
        none. A byline naming a photographer is left in the text when there is no main photo
        to credit, so that nothing signed is lost."""
        signed = {
            code: v["signed"]
            for code, v in by_language.items()
            if v["signed"] and (main_photo or not v["signed"].photographer)
        }
        if "lv" not in signed:
            return ""
        for code, byline in signed.items():
            by_language[code]["body"] = byline.text
            if byline.photographer and not main_photo.credit.get(code):
                main_photo.credit[code] = f"Foto: {byline.photographer}"
        return signed["lv"].author

    def attachment(self, attachment_id):
        spec = self.index.attachments.get(str(attachment_id))
        if spec is None:
            raise RecordError(f"attachment {attachment_id} is not in the export")
        return PhotoSpec(
            **{k: (dict(v) if isinstance(v, dict) else v) for k, v in vars(spec).items()}
        )
