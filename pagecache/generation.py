"""The content generation: which cached pages and page parts are still fresh."""

import datetime
import time
import uuid

from django.core.cache import cache
from django.utils import timezone

GENERATION_KEY = "content-generation"

# The models whose rows change what readers see by themselves, at a time set in advance.
scheduled_models = []


def follow_schedule(model):
    """Start a new generation whenever `model.objects.next_change()` says its rows change
    what readers see (a scheduled article's publication time, say)."""
    if model not in scheduled_models:
        scheduled_models.append(model)


def content_changed():
    """Start a new generation: every cached page and fragment is out of date from now on."""
    cache.delete(GENERATION_KEY)


def next_scheduled_change():
    """When the reader-visible content next changes by itself: at the latest, midnight."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    changes = [model._default_manager.next_change() for model in scheduled_models]
    return min([midnight, *(change for change in changes if change is not None)])


def current_generation():
    """The current generation's token and the time (a timestamp) at which it expires."""
    now = time.time()
    record = cache.get(GENERATION_KEY)
    if record is None or record[1] <= now:
        until = next_scheduled_change().timestamp()
        record = (uuid.uuid4().hex, until)
        cache.set(GENERATION_KEY, record, timeout=max(1, int(until - now) + 1))
    return record
