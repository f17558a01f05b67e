from modeltranslation.translator import TranslationOptions, register

from gallery.models import Photo


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    """Reader-visible text; Latvian is required, the other languages fall back to it."""

    fields = ("title", "caption", "alt_text", "credit")
    required_languages = {"lv": ("title", "alt_text")}
