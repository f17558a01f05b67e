"""When an editor changes an object's address (an article's slug or date, a section's slug),
its earlier address keeps working, as WordPress does: the earlier one is recorded as an old
address of the object, in every language. The models followed are named by label in
settings.OLD_ADDRESS_MODELS, so this app imports none of them."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.utils import translation

from addresses.models import OldAddress


def addresses_of(instance):
    """The object's canonical address in each of the site's languages."""
    found = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found[code] = instance.get_absolute_url()
    return found


def before_save(sender, instance, raw=False, **kwargs):
    if raw or not instance.pk:
        return
    stored = sender._default_manager.filter(pk=instance.pk).first()
    instance._addresses_before_save = addresses_of(stored) if stored else {}


def after_save(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_addresses_before_save", None)
    if raw or created or not before:
        return
    instance._addresses_before_save = None
    now = addresses_of(instance)
    for code, address in before.items():
        if address != now.get(code):
            OldAddress.objects.remember(address, instance, code, source="edit")


def follow_settings():
    for label in getattr(settings, "OLD_ADDRESS_MODELS", []):
        model = apps.get_model(label)
        pre_save.connect(before_save, sender=model, dispatch_uid=f"old-address-pre-{label}")
        post_save.connect(after_save, sender=model, dispatch_uid=f"old-address-post-{label}")
