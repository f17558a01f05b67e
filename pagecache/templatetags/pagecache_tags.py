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
import os
import pickle
from pathlib import Path

from django import template
from django.conf import settings
from django.db import models

register = template.Library()


@register.filter
def part_key(value):
    values = [code_version()]
    collect_shown(value, values)
    return hashlib.blake2b(pickle.dumps(values, protocol=5), digest_size=16).hexdigest()


def collect_shown(value, values):
    """Append to `values` what `value` shows: a model instance's loaded columns and those
    of the instances that came with it, or the items of a list or tuple."""
    if isinstance(value, models.Model):
        loaded = value.__dict__
        values.append(value._meta.label)
        values.extend([loaded.get(name) for name in columns(type(value))])
        for related in value._state.fields_cache.values():
            collect_shown(related, values)
    elif isinstance(value, list | tuple):
        for item in value:
            collect_shown(item, values)
    else:
        values.append(value)


@functools.cache
def columns(model):
    return [field.attname for field in model._meta.concrete_fields]


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
