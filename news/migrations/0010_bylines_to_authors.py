"""Free-text bylines become Authors, and the roles get the new models' permissions (issue 16).

One Author per distinct signed name (spaces tidied), its role the first Latvian role written
beside that name; each article is linked to its author. Editors (Redaktori) manage authors
and topics; journalists (Žurnālisti) may pick them for their drafts: they see authors and
topics and edit the byline rows of the articles they may change, but cannot change an author.
Reversing writes each article's first author back into the text fields.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils.text import slugify

EDITORS = ["author", "articleauthor", "topic"]
JOURNALISTS = [
    "view_author",
    "view_topic",
    "add_articleauthor",
    "change_articleauthor",
    "delete_articleauthor",
    "view_articleauthor",
]


def authors_from_bylines(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    Author = apps.get_model("news", "Author")
    ArticleAuthor = apps.get_model("news", "ArticleAuthor")
    authors = {author.name_lv: author for author in Author.objects.all()}
    slugs = set(Author.objects.values_list("slug", flat=True))
    links = []
    for article in Article.objects.exclude(author="").only("pk", "author", "author_role"):
        name = " ".join(article.author.split())
        if not name:
            continue
        if name not in authors:
            base = slugify(name)[:90] or "autors"
            slug, number = base, 2
            while slug in slugs:
                slug, number = f"{base}-{number}", number + 1
            slugs.add(slug)
            role = article.author_role.strip()
            authors[name] = Author.objects.create(
                name=name, name_lv=name, role=role, role_lv=role, slug=slug
            )
        elif not authors[name].role_lv and article.author_role.strip():
            author = authors[name]
            author.role = author.role_lv = article.author_role.strip()
            author.save(update_fields=["role", "role_lv"])
        links.append(ArticleAuthor(article_id=article.pk, author=authors[name], position=0))
    ArticleAuthor.objects.bulk_create(links, batch_size=1000, ignore_conflicts=True)


def bylines_from_authors(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    ArticleAuthor = apps.get_model("news", "ArticleAuthor")
    signed = set()
    for item in ArticleAuthor.objects.select_related("author").order_by("position", "pk"):
        if item.article_id not in signed:
            signed.add(item.article_id)
            Article.objects.filter(pk=item.article_id).update(
                author=(item.author.name_lv or "")[:100],
                author_role=(item.author.role_lv or "")[:100],
            )


def grant(apps, schema_editor):
    news = apps.get_app_config("news")
    news.models_module = True
    create_permissions(news, apps=apps, verbosity=0)
    news.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    in_news = Permission.objects.filter(content_type__app_label="news")
    if editors := Group.objects.filter(name="Redaktori").first():
        editors.permissions.add(*in_news.filter(content_type__model__in=EDITORS))
    if journalists := Group.objects.filter(name="Žurnālisti").first():
        journalists.permissions.add(*in_news.filter(codename__in=JOURNALISTS))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    ours = Permission.objects.filter(content_type__app_label="news", content_type__model__in=EDITORS)
    for group in Group.objects.filter(name__in=["Redaktori", "Žurnālisti"]):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0009_author_topic"),
        ("news", "0006_newsroom_roles"),
    ]

    operations = [
        migrations.RunPython(authors_from_bylines, bylines_from_authors),
        migrations.RunPython(grant, revoke),
    ]
