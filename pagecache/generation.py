"""The content generation: which cached pages and page parts are still fresh.

There is one generation for the whole site, which every cached page follows, and one per
app, which the page parts showing that app's rows follow (the poll widget follows the
polls app's, the calendar the news app's). An editor's change starts a new site
generation and a new one for the app of the model changed: every page is rendered again,
but only the parts of that app with it. A command's change, and the clock reaching a
scheduled change (midnight in Riga, a scheduled article, a poll opening or closing),
start all of them anew. Teasers do not follow any generation: they are kept under what
they show (pagecache.parts).

Every reader's request needs the generations, so a process keeps what it last read for
up to SHARED_FOR seconds: one cache read per second and process, not one or two per
request. A change made in a process shows there at once; the other processes see it
within SHARED_FOR seconds, and none past a scheduled change (each record carries the
moment it ends).
"""

import datetime
import time
import uuid

from django.apps import apps
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone

GENERATION_KEY = "content-generation"
SHARED_FOR = 1.0  # seconds a process reuses the generations it read

# The models whose rows change what readers see by themselves, at a time set in advance.
scheduled_models = []

# ({key: (token, until)}, read at) as this process last read them: replaced whole.
_kept = None


def follow_schedule(model):
    """Start a new generation whenever `model.objects.next_change()` says its rows change
    what readers see (a scheduled article's publication time, say)."""
    if model not in scheduled_models:
        scheduled_models.append(model)


def app_key(label):
    return f"{GENERATION_KEY}:{label}"


def all_keys():
    """The site's key and one for each app with models (only a model's change renews one)."""
    labels = (config.label for config in apps.get_app_configs() if any(config.get_models()))
    return [GENERATION_KEY, *map(app_key, labels)]


def content_changed(model=None):
    """Start a new generation: every cached page is out of date from now on, and so is
    every page part that shows `model`'s app (every part, without a model)."""
    forget_generation()
    if model is None:
        cache.delete_many(all_keys())
        return
    until = next_scheduled_change().timestamp()
    keys = (GENERATION_KEY, app_key(model._meta.app_label))
    records = {key: (uuid.uuid4().hex, until) for key in keys}
    cache.set_many(records, timeout=lifetime(until))


def next_scheduled_change():
    """When the reader-visible content next changes by itself: at the latest, midnight."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    changes = [model._default_manager.next_change() for model in scheduled_models]
    return min([midnight, *(change for change in changes if change is not None)])


def lifetime(until):
    return max(1, int(until - time.time()) + 1)


def generations():
    """{key: (token, until)} of the site's and every app's current generation."""
    global _kept
    now = time.time()
    kept = _kept
    if kept is not None and 0 <= now - kept[1] < SHARED_FOR:
        records = kept[0]
        if records[GENERATION_KEY][1] > now:
            return records
    keys = all_keys()
    records = cache.get_many(keys)
    site = records.get(GENERATION_KEY)
    if site is None or site[1] <= now:
        # A scheduled change, or a command's: everything starts anew.
        until = next_scheduled_change().timestamp()
        records = {key: (uuid.uuid4().hex, until) for key in keys}
        cache.set_many(records, timeout=lifetime(until))
    elif missing := [key for key in keys if key not in records or records[key][1] <= now]:
        new = {key: (uuid.uuid4().hex, site[1]) for key in missing}
        cache.set_many(new, timeout=lifetime(site[1]))
        records |= new
    _kept = (records, now)
    return records


def current_generation():
    """The site's current generation: its token and the time (a timestamp) it ends."""
    return generations()[GENERATION_KEY]


def app_generations():
    """{app label: token} of every app's current generation, for page parts."""
    return {
        key.removeprefix(GENERATION_KEY + ":"): record[0]
        for key, record in generations().items()
        if key != GENERATION_KEY
    }


@receiver(setting_changed)
def forget_generation(**kwargs):
    """Read the generations from the cache next time (also when the tests swap caches)."""
    global _kept
    _kept = None
