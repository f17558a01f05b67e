"""Reader-visible poll text in Latvian (required), Russian and English (fall back to Latvian)."""

from modeltranslation.translator import TranslationOptions, register

from polls.models import Choice, Poll


@register(Poll)
class PollTranslationOptions(TranslationOptions):
    fields = ("question",)
    required_languages = ("lv",)


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("lv",)
