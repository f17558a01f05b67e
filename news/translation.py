from modeltranslation.translator import TranslationOptions, register

from news.models import Article, Author, Section, Topic


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("lv",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body", "correction")
    required_languages = ("lv",)


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("name", "role", "bio")
    required_languages = ("lv",)


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("lv",)
