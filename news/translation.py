from modeltranslation.translator import TranslationOptions, register

from news.models import Article, Section


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("lv",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body", "correction")
    required_languages = ("lv",)
