"""Django's reverse(), remembered: the addresses pages link to most, built once per process.

A front page links to some fifty articles and sections and a calendar's thirty days, and
reverse() costs about 20 µs a call: a tenth of an uncached front page (issue 7). Its answer
depends only on the URLconf, the script prefix, the active language (the /ru/ and /en/
prefixes) and the arguments, so the answers are kept under exactly those.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.translation import get_language

# Enough for every article, section and day a busy hour's pages link to, in three languages.
REMEMBERED = 20_000


def reverse(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs), from memory when asked before."""
    return _reverse(
        viewname, tuple(kwargs.items()), get_urlconf(), get_script_prefix(), get_language()
    )


@functools.lru_cache(maxsize=REMEMBERED)
def _reverse(viewname, kwargs, urlconf, script_prefix, language):
    return django_reverse(viewname, urlconf, kwargs=dict(kwargs))


@receiver(setting_changed)
def forget_addresses(*, setting, **kwargs):
    """Tests that swap the URLconf get addresses made afresh."""
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()
