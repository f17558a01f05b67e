"""The shapes of old addresses: which object an address of the old site meant.

An old address is looked up twice: as it is (normalised: decoded, lower case, no host, no
trailing slash), and by its *key*, what the shape says it names ("article:<slug>",
"section:<slug>", "post:<id>"). The key makes every variant of one old page find its
article: the old site printed a page number (`browse/<n>`) and a category into its article
addresses, and each listing page linked the same article with another number.

The shapes (the paper's old site, and WordPress):

    /zinas/browse/<n>/article/3/<slug>.html                       article, Latvian
    /zinas/browse/<n>/category/<cat>/article/3/<slug>.html        article, Latvian
    /zinas/category/<cat>/article//<slug>//year/<y>/month/<m>.html article, Latvian
    /zinas/category/<cat>/…                                        section, Latvian
    /novosti/…                                                    the same, older Latvian
    /ru/novosti/…                                                 the same, Russian
    /?p=<id>, /?page_id=<id>, /?attachment_id=<id>                WordPress post (or photo)
    /<yyyy>/<mm>/<dd>/<slug>/                                     WordPress article
    /category/<slug>/ (and /category/<parent>/<slug>/)            WordPress section
    /ru/… before any of the WordPress shapes                      Russian
"""

import re
import typing
from urllib.parse import parse_qsl, unquote, urlsplit

# Query parameters that name a WordPress post (an attachment, a photo's page, is a post
# too: WordPress answers /?p=<id> and /?attachment_id=<id> alike); every other parameter
# is dropped.
POST_PARAMETERS = frozenset({"p", "page_id", "attachment_id"})

OLD_SITE_PREFIX = re.compile(r"^/(?:(?P<ru>ru)/)?(?:zinas|novosti)(?P<rest>/.*)$")
OLD_SITE_ARTICLE = re.compile(r"/article/+(?:\d+/+)?(?P<slug>[^/]+?)(?:\.html?)?/*(?:year/|$)")
OLD_SITE_CATEGORY = re.compile(r"/category/+(?P<slug>[^/]+?)(?:\.html?)?(?:/|$)")
WORDPRESS_ARTICLE = re.compile(r"^/\d{4}/\d{2}(?:/\d{2})?/(?P<slug>[^/]+)$")
WORDPRESS_CATEGORY = re.compile(r"^/category/(?:[^/]+/)*(?P<slug>[^/]+)$")


class Shape(typing.NamedTuple):
    key: str  # "" when the address has no known shape
    language: str


def normalise(address):
    """An address as stored and looked up: a path without host, decoded, lower case, without
    a trailing slash; of the query only a WordPress post id ("/?p=12")."""
    parts = urlsplit(address.strip())
    path = unquote(parts.path or "/").lower()
    path = "/" + path.strip("/") if path.strip("/") else "/"
    path = re.sub(r"/{2,}(?=[^/])", "//", path)  # the old site's `article//slug//` stays
    for name, value in parse_qsl(parts.query):
        if name in POST_PARAMETERS and value.isdigit():
            return f"{path}?{name}={int(value)}" if path != "/" else f"/?p={int(value)}"
    return path


def shape(address):
    """What a normalised address names, and in which language."""
    path, _, query = address.partition("?")
    if query.startswith("p="):
        language = "ru" if path.startswith("/ru") else "lv"
        return Shape(f"post:{query[2:]}", language)
    if match := OLD_SITE_PREFIX.match(path):
        language = "ru" if match["ru"] else "lv"
        rest = match["rest"]
        if article := OLD_SITE_ARTICLE.search(rest):
            return Shape(f"article:{article['slug']}", language)
        if category := OLD_SITE_CATEGORY.search(rest):
            return Shape(f"section:{category['slug']}", language)
        return Shape("", language)
    language = "lv"
    if path.startswith("/ru/"):
        path, language = path[3:], "ru"
    if match := WORDPRESS_ARTICLE.match(path):
        return Shape(f"article:{match['slug']}", language)
    if match := WORDPRESS_CATEGORY.match(path):
        return Shape(f"section:{match['slug']}", language)
    return Shape("", language)
