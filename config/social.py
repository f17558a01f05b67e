"""What a page tells search engines, social networks and feed readers about itself, in one tag.

    {% page_meta title=… description=… image=… type="article" translated=article %}

renders the meta description, the canonical address, hreflang alternates (with x-default),
Open Graph (locale and alternates, image with its size and alt) and the Twitter card, and the
feed autodiscovery link. Every argument is optional: a page that passes nothing gets the
paper's name, description and image. `translated` is the object a content page shows; the
page then exists only in the languages that object has text in (its `title`, or `field`), and
its canonical address is in its own language.

`image` is a dict: url (absolute or site-relative), width, height, alt; `Photo.social_image()`
gives one. `feeds` adds (title, url) pairs to the site feed (a section's feed).
"""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from config.languages import languages_with, page_paths

register = template.Library()

# Open Graph locales of the site's languages.
OG_LOCALES = {"lv": "lv_LV", "ru": "ru_RU", "en": "en_GB"}
# The paper's own picture for pages without a photo (made by scripts/make_social_image.py).
DEFAULT_IMAGE = {"path": "img/social.png", "width": 1200, "height": 630}
# Query parameters that make a list page a different page (everything else is noise).
CANONICAL_PARAMETERS = ("page", "q", "vards")


def default_image():
    return {
        "url": static(DEFAULT_IMAGE["path"]),
        "width": DEFAULT_IMAGE["width"],
        "height": DEFAULT_IMAGE["height"],
        "alt": settings.NEWSPAPER["name"],
        "type": "image/png",
    }


def page_languages(translated=None, field="title"):
    """The languages a page exists in: all, or those `translated` has its own text in."""
    everything = [code for code, _name in settings.LANGUAGES]
    if translated is None:
        return everything
    return languages_with(translated, field) or [settings.LANGUAGE_CODE]


@register.inclusion_tag("includes/_page_meta.html", takes_context=True)
def page_meta(
    context,
    title="",
    description="",
    image=None,
    type="website",  # noqa: A002 (Open Graph's name)
    translated=None,
    field="title",
    feed_title="",
    feed_url="",
):
    request = context["request"]
    current = get_language()
    languages = page_languages(translated, field)
    language = current if current in languages else languages[0]
    query = [(key, request.GET[key]) for key in CANONICAL_PARAMETERS if request.GET.get(key)]
    query = [(key, value) for key, value in query if (key, value) != ("page", "1")]
    query = f"?{urlencode(query)}" if query else ""
    paths = context.get("page_paths") or page_paths(request)

    def absolute(url):
        return request.build_absolute_uri(url)

    def address(code):
        return absolute(paths[code] + query)

    image = dict(image or default_image())
    image["url"] = absolute(image["url"])
    name = settings.NEWSPAPER["name"]
    return {
        "newspaper": settings.NEWSPAPER,
        "title": title or name,
        "description": " ".join(str(description).split()),
        "type": type,
        "canonical": address(language),
        "alternates": [{"code": code, "url": address(code)} for code in languages]
        if len(languages) > 1
        else [],
        "x_default": address(settings.LANGUAGE_CODE),
        "locale": OG_LOCALES.get(language, language),
        "locale_alternates": [OG_LOCALES.get(code, code) for code in languages if code != language],
        "image": image,
        "feeds": [
            {"title": name, "url": absolute(reverse("news:feed"))},
            *([{"title": feed_title, "url": absolute(feed_url)}] if feed_url else []),
        ],
    }
