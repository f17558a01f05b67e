"""The content generation: which cached pages and page parts are still fresh.

Every reader's request needs the generation, so a process keeps the one it last read for
up to SHARED_FOR seconds: one cache read per second and process, not one or two per
request. A change made in a process starts a new generation there at once; the other
processes see it within SHARED_FOR seconds, and none past a scheduled change (the record
carries the moment it ends).
"""

import datetime
import time
import uuid

from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone

GENERATION_KEY = "content-generation"
SHARED_FOR = 1.0  # seconds a process reuses the generation it read

# The models whose rows change what readers see by themselves, at a time set in advance.
scheduled_models = []

# (token, until, read at) as this process last read it: replaced whole, never changed.
_kept = None


def follow_schedule(model):
    """Start a new generation whenever `model.objects.next_change()` says its rows change
    what readers see (a scheduled article's publication time, say)."""
    if model not in scheduled_models:
        scheduled_models.append(model)


def content_changed():
    """Start a new generation: every cached page and fragment is out of date from now on."""
    forget_generation()
    cache.delete(GENERATION_KEY)


def next_scheduled_change():
    """When the reader-visible content next changes by itself: at the latest, midnight."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    changes = [model._default_manager.next_change() for model in scheduled_models]
    return min([midnight, *(change for change in changes if change is not None)])


def current_generation():
    """The current generation's token and the time (a timestamp) at which it expires."""
    global _kept
    now = time.time()
    kept = _kept
    if kept is not None and kept[1] > now and 0 <= now - kept[2] < SHARED_FOR:
        return kept[:2]
    record = cache.get(GENERATION_KEY)
    if record is None or record[1] <= now:
        until = next_scheduled_change().timestamp()
        record = (uuid.uuid4().hex, until)
        cache.set(GENERATION_KEY, record, timeout=max(1, int(until - now) + 1))
    _kept = (*record, now)
    return record


@receiver(setting_changed)
def forget_generation(**kwargs):
    """Read the generation from the cache next time (also when the tests swap caches)."""
    global _kept
    _kept = None
