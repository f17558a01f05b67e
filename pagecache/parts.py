"""Page parts kept under what they show, fetched for a whole page in one cache round trip.

    html = kept_parts({"lead": ("lead-card", version), …}, render_missing)

A page names every part it needs and, for each, the values its HTML is made from (an
article's digest, a block's list of them); the key of a part is a digest of those values,
the language and the version of the code (code_version). All the keys go
to the cache in one `get_many`; what is not there is rendered by `render_missing(names)`
in one go (so that the rows it needs can be read in one query) and stored with one
`set_many`. With CACHE_PAGE_PARTS off every part is rendered.
"""

import functools
import hashlib
import os
import pickle
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

CACHE_ALIAS = "template_fragments"


def part_cache_key(values):
    digest = hashlib.blake2b(pickle.dumps(values, protocol=5), digest_size=16).hexdigest()
    return f"part:{digest}"


def kept_parts(wanted, render_missing):
    """{name: HTML} of the parts `wanted` ({name: the values it shows}), from the cache
    when kept, else from `render_missing(names)` ({name: HTML}), which are then kept."""
    if not settings.CACHE_PAGE_PARTS:
        return {name: mark_safe(html) for name, html in render_missing(list(wanted)).items()}
    prefix = (code_version(), get_language())
    keys = {name: part_cache_key((*prefix, *values)) for name, values in wanted.items()}
    cache = caches[CACHE_ALIAS]
    found = cache.get_many(list(keys.values()))
    html = {name: found[key] for name, key in keys.items() if key in found}
    if missing := [name for name in wanted if name not in html]:
        rendered = render_missing(missing)
        cache.set_many(
            {keys[name]: str(rendered[name]) for name in missing},
            timeout=settings.PAGE_PART_SECONDS,
        )
        html |= rendered
    return {name: mark_safe(part) for name, part in html.items()}


# What a page part's HTML is made from besides its rows: the project's templates, its Python
# (template tags, date formats, models' methods) and its compiled translations. A deploy that
# changes any of them starts new parts, even where no template changed.
CODE_SUFFIXES = {".html", ".txt", ".xml", ".py", ".mo"}
NOT_CODE = {".venv", ".tools", ".git", "node_modules", "var", "tests", "static", "media"}


@functools.cache
def code_version():
    """A digest of the code that renders page parts, read once per process."""
    digest = hashlib.blake2b(digest_size=16)
    folders = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    files = set()
    for top in [*folders, Path(settings.BASE_DIR)]:
        for folder, subfolders, names in os.walk(top):
            subfolders[:] = sorted(name for name in subfolders if name not in NOT_CODE)
            files.update(Path(folder, name) for name in names if Path(name).suffix in CODE_SUFFIXES)
    root = Path(settings.BASE_DIR)
    for path in sorted(files):
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
