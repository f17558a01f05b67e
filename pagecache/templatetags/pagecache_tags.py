"""Keys for page parts kept under what they show.

    {% cache part_seconds "card" article|part_key LANGUAGE_CODE %}…{% endcache %}

`part_key` names a model instance (and what came with it by select_related: a teaser's
section and photo), or a list or tuple of them, by every column value loaded, together
with the version of the templates. So a teaser is rendered again exactly when its
article, section or photo changed however it was changed (a save, a bulk update, a
migration), or when a deploy brings other templates; a change elsewhere leaves it be.
"""

import functools
import hashlib
from pathlib import Path

from django import template
from django.conf import settings
from django.db import models

register = template.Library()


@register.filter
def part_key(value):
    digest = hashlib.blake2b(templates_version().encode(), digest_size=16)
    digest.update(repr(list(shown_values(value))).encode())
    return digest.hexdigest()


def shown_values(value):
    if isinstance(value, models.Model):
        loaded = value.__dict__
        yield value._meta.label
        yield from (loaded.get(field.attname) for field in value._meta.concrete_fields)
        for related in value._state.fields_cache.values():
            yield from shown_values(related)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from shown_values(item)
    else:
        yield value


@functools.cache
def templates_version():
    """A digest of every project template, read once per process."""
    digest = hashlib.blake2b(digest_size=16)
    for engine in settings.TEMPLATES:
        for folder in map(Path, engine.get("DIRS", [])):
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    digest.update(str(path.relative_to(folder)).encode())
                    digest.update(path.read_bytes())
    return digest.hexdigest()
