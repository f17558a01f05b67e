import datetime
import html
import typing

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connections, models, transaction
from django.db.models import Min, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from news import search
from news.search import LATVIAN_SEARCH, RUSSIAN_SEARCH

# What editors may use in an article body; the same list is the sanitiser's allow-list.
BODY_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "History": True,
    # The package switches the browser's spell-checker off by default; editors want it.
    "NoSpellCheck": False,
}


class SectionManager(models.Manager):
    def version(self):
        """A digest of every section's row, every column, made by PostgreSQL: what the
        section menu shows. A rename, a move or a new section, made however, gives a new
        one; one light statement instead of loading the sections."""
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"""SELECT md5(string_agg(ROW(s.*)::text, ',' ORDER BY s.id))
                FROM "{self.model._meta.db_table}" s"""  # noqa: S608 (a table name)
            )
            return cursor.fetchone()[0]


class Section(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(
        _("position in the menu"), default=0, help_text=_("Smaller numbers come first.")
    )

    objects = SectionManager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:section_detail", kwargs={"slug": self.slug})


class SectionBlock(typing.NamedTuple):
    """A section's newest articles on the front page: the first as a card, the rest as
    headlines. (In FrontPage of ids: the section's id and the articles' ids.)"""

    section: Section
    articles: list

    @property
    def lead(self):
        return self.articles[0]

    @property
    def headlines(self):
        return self.articles[1:]


class Neighbours(typing.NamedTuple):
    """The articles published just before and after one (Article.neighbours)."""

    previous: object  # an Article, or None
    next: object


class FrontPage(typing.NamedTuple):
    """What the front page holds, each story once: the lead, the other top stories, the
    latest news and each section's block, in that order of precedence."""

    lead: object  # an Article, or None when nothing is published
    featured: list  # further top stories
    latest: list
    sections: list  # of SectionBlock, in the menu's order

    def articles(self):
        """Every story on the page, top to bottom."""
        stories = [self.lead] if self.lead else []
        stories += self.featured + self.latest
        for block in self.sections:
            stories += block.articles
        return stories


def sql_of(queryset):
    """The queryset's SQL and parameters, for a statement written out around it (where
    Django would build a larger query at far more cost than running it)."""
    return queryset.query.get_compiler(queryset.db).as_sql()


def day_bounds(day):
    """The first instant of `day` and of the next day, in the site's time zone."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    )
    return start, end


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Visible to readers: switched on by an editor and not scheduled for later."""
        return self.filter(is_published=True, published_at__lte=timezone.now())

    def scheduled(self):
        """Published by an editor, but waiting for their publication time."""
        return self.filter(is_published=True, published_at__gt=timezone.now())

    def drafts(self):
        return self.filter(is_published=False)

    def waiting_for_review(self):
        """Drafts a journalist has submitted: what waits for an editor's decision."""
        return self.drafts().filter(submitted_for_review_at__isnull=False)

    def editable_by(self, user):
        """The articles `user` may change: publishers change any; a journalist only their
        own drafts."""
        if user.has_perm("news.publish_article"):
            return self
        return self.drafts().filter(created_by=user)

    def submit_for_review(self):
        return self.filter(submitted_for_review_at__isnull=True).update(
            submitted_for_review_at=timezone.now()
        )

    def for_reader(self, user):
        """What `user` may see at an article's address: editors preview drafts and
        scheduled articles there too."""
        return self if user.has_perm("news.change_article") else self.published()

    def pinned(self):
        """Pinned to the top of the front page, the pin not yet over."""
        return self.filter(pinned_until__gt=timezone.now())

    def next_change(self):
        """When readers' pages next change by themselves (for the page cache): a scheduled
        article appears, or a pinned lead's pin ends."""
        return min(
            filter(
                None,
                [
                    self.scheduled().aggregate(at=Min("published_at"))["at"],
                    self.published().pinned().aggregate(at=Min("pinned_until"))["at"],
                ],
            ),
            default=None,
        )

    def publish(self, edited_by=None):
        """Switch the articles on (a future publication time keeps them scheduled)."""
        return self.update(
            is_published=True,
            submitted_for_review_at=None,
            last_edited_by=edited_by,
            updated_at=timezone.now(),
        )

    def unpublish(self, edited_by=None):
        return self.update(is_published=False, last_edited_by=edited_by, updated_at=timezone.now())

    def for_listing(self):
        """What teasers show: the section and the main photo come in the same query; the
        bodies and search vectors, the largest columns, stay behind."""
        bodies = [f"body_{code}" for code, _name in settings.LANGUAGES]
        return self.select_related("section", "main_photo").defer(
            "body", *bodies, "search_lv", "search_ru"
        )

    def teasers(self, pks):
        """{id: article} of the articles `pks`, loaded as teasers show them (for_listing),
        without the default ordering, which a look-up by id does not need."""
        return self.for_listing().order_by().in_bulk(pks)

    def for_detail(self):
        """What an article's page shows besides its text: section, photo, byline, topics."""
        return self.select_related("section", "main_photo").prefetch_related(
            byline_prefetch(), "topics"
        )

    def for_feed(self):
        """What feed items show: the summary falls back to the body; the byline; the main
        photo is enclosed."""
        return (
            self.select_related("section", "main_photo")
            .prefetch_related(byline_prefetch())
            .defer("search_lv", "search_ru")
        )

    def on_day(self, day):
        start, end = day_bounds(day)
        return self.filter(published_at__gte=start, published_at__lt=end)

    def in_month(self, first_day):
        """Published in the month that starts on `first_day`, in the site's time zone."""
        start, _ = day_bounds(first_day)
        end, _ = day_bounds((first_day + datetime.timedelta(days=32)).replace(day=1))
        return self.filter(published_at__gte=start, published_at__lt=end)

    def days_with_articles(self, first_day):
        """The days of a month (as dates, in the site's time zone) on which one of these
        articles was published.

        The calendar on every page asks this, so it costs the same in a busy month as in
        a quiet one: one index probe per day of the month ("is there an article between
        this midnight and the next?"), not a read of the month's articles. Midnights are
        the site's, so a day is 23 or 25 hours long when the clocks change.
        """
        next_month = (first_day + datetime.timedelta(days=32)).replace(day=1)
        try:
            articles, params = sql_of(self.order_by().values("published_at"))
        except EmptyResultSet:
            return set()
        zone = timezone.get_current_timezone_name()
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"""
                SELECT day::date
                FROM generate_series(%s::timestamp, %s::timestamp, '1 day') AS day
                WHERE EXISTS (
                    SELECT FROM ({articles}) AS article
                    WHERE article.published_at >= day AT TIME ZONE %s
                    AND article.published_at < (day + '1 day') AT TIME ZONE %s
                )
                """,  # noqa: S608 (the query is the ORM's, with its parameters)
                [first_day, next_month - datetime.timedelta(days=1), *params, zone, zone],
            )
            return {day for (day,) in cursor.fetchall()}

    def front_page_ids(self, latest, featured, per_section):
        """The front page's stories as article ids (sections as section ids), each story
        once (see FrontPage), from one query.

        The lead is the pinned article while its pin lasts, else the newest featured one
        (or the newest of all when none is featured), then up to `featured` - 1 more
        featured ones, then the newest `latest` not yet shown, then the newest
        `per_section` of every section not yet shown. What the front page can show is
        among the newest `latest + featured` articles, the newest `featured` featured ones
        and the newest `per_section + latest + featured` of each section: each an index
        probe, however large the archive. One statement reads those rows, and the parts
        are picked from them. It is written out (with these articles as the ORM's own
        SQL): through the ORM the union of the probes cost ten times more to build than
        to run, on every front page.
        """
        columns = ("id", "section_id", "is_featured", "pinned_until", "published_at")
        try:
            articles, params = sql_of(self.order_by().rewrite(False).values(*columns))
        except EmptyResultSet:  # none() or an empty filter: nothing to show
            return FrontPage(lead=None, featured=[], latest=[], sections=[])
        section = Section._meta.db_table
        newest = "ORDER BY published_at DESC, id DESC LIMIT %s"
        now = timezone.now()  # the same moment for the query and the pick
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"""
                WITH article AS NOT MATERIALIZED ({articles})
                SELECT article.id, article.section_id, article.is_featured,
                    article.pinned_until, section.position
                FROM article JOIN "{section}" section ON section.id = article.section_id
                WHERE article.id IN (
                    (SELECT id FROM article {newest})
                    UNION (SELECT id FROM article WHERE is_featured {newest})
                    UNION (SELECT id FROM article WHERE pinned_until > %s {newest})
                    UNION (
                        SELECT newest.id FROM "{section}" AS each_section,
                        LATERAL (
                            SELECT id FROM article WHERE section_id = each_section.id {newest}
                        ) AS newest
                    )
                )
                ORDER BY article.published_at DESC, article.id DESC
                """,  # noqa: S608 (the query is the ORM's, with its parameters)
                [
                    *params,
                    latest + featured,
                    featured,
                    now,
                    1,
                    per_section + latest + featured,
                ],
            )
            rows = cursor.fetchall()
        # A pinned article leads while its pin lasts, above newer featured ones.
        pinned = [row for row in rows if row[3] and row[3] > now][:1]
        top = pinned + [row for row in rows if row[2] and row not in pinned]
        top = [row[0] for row in top[:featured] or rows[:1]]
        shown = set(top)
        newest_rest = [row[0] for row in rows if row[0] not in shown][:latest]
        shown.update(newest_rest)
        by_section = {}
        for pk, section_id, _featured, _pinned, position in rows:
            if pk not in shown:
                found = by_section.setdefault((position, section_id), [])
                if len(found) < per_section:
                    found.append(pk)
        return FrontPage(
            lead=top[0] if top else None,
            featured=top[1:],
            latest=newest_rest,
            sections=[SectionBlock(key[1], pks) for key, pks in sorted(by_section.items())],
        )

    def front_page(self, latest, featured, per_section):
        """The front page's articles (see front_page_ids), from two queries."""
        ids = self.front_page_ids(latest, featured, per_section)
        picked = self.in_bulk(ids.articles())
        blocks = [
            SectionBlock(picked[block.articles[0]].section, [picked[pk] for pk in block.articles])
            for block in ids.sections
        ]
        return FrontPage(
            lead=picked[ids.lead] if ids.lead else None,
            featured=[picked[pk] for pk in ids.featured],
            latest=[picked[pk] for pk in ids.latest],
            sections=blocks,
        )

    def teaser_versions(self, pks):
        """{id: digest} of what the teasers of the articles `pks` show: each article's
        row, its section's and its main photo's, every column, digested by PostgreSQL.
        Any change to them, made however (a save, a bulk update, a migration), gives a
        new digest; the articles need not be loaded to know whether their teasers are
        still good. One plain statement: through the ORM, building this query cost
        more than running it. The search vectors are left out: PostgreSQL makes them
        from the other columns, and turning them into text was half the statement's time."""
        fields = (self.model._meta.get_field(name) for name in ("section", "main_photo"))
        article = self.model._meta.db_table
        section, photo = (field.related_model._meta.db_table for field in fields)
        columns = ", ".join(
            f'a."{field.column}"'
            for field in self.model._meta.concrete_fields
            if not isinstance(field, models.GeneratedField)
        )
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"""
                SELECT a.id, md5(ROW({columns})::text || ROW(s.*)::text || ROW(p.*)::text)
                FROM "{article}" a
                JOIN "{section}" s ON s.id = a.section_id
                LEFT JOIN "{photo}" p ON p.id = a.main_photo_id
                WHERE a.id = ANY(%s)
                """,  # noqa: S608 (table names, no input)
                [list(pks)],
            )
            return dict(cursor.fetchall())

    def search(self, text):
        """Articles matching any language's text, best first, with highlighted excerpts
        (see news.search)."""
        return search.matching(self, text)


class Article(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("The article's address; made from the Latvian title when left empty."),
    )
    section = models.ForeignKey(
        Section, models.PROTECT, related_name="articles", verbose_name=_("section")
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences shown under the title.")
    )
    body = ProseEditorField(_("body"), blank=True, extensions=BODY_EXTENSIONS, sanitize=True)
    authors = models.ManyToManyField(
        "Author",
        through="ArticleAuthor",
        blank=True,
        related_name="articles",
        verbose_name=_("authors"),
    )
    topics = models.ManyToManyField(
        "Topic",
        blank=True,
        related_name="articles",
        verbose_name=_("topics"),
        help_text=_("What the article is about, across sections."),
    )
    main_photo = models.ForeignKey(
        "gallery.Photo",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("main photo"),
    )
    photos = models.ManyToManyField(
        "gallery.Photo",
        through="ArticlePhoto",
        blank=True,
        related_name="articles",
        verbose_name=_("further photos"),
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown at the top of the front page.")
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Drafts are seen only by editors. A future publication time schedules it."),
    )
    published_at = models.DateTimeField(_("publication time"), default=timezone.now)
    revised_at = models.DateTimeField(
        _("significantly updated"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Shown to readers as “Updated”; set by an editor's significant change."),
    )
    correction = models.TextField(
        _("correction note"),
        blank=True,
        help_text=_("What was corrected and when; shown at the end of the article."),
    )
    pinned_until = models.DateTimeField(
        _("pinned until"),
        null=True,
        blank=True,
        help_text=_("Leads the front page until this time; leave empty to unpin."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_for_review_at = models.DateTimeField(
        _("submitted for review"), null=True, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("last edited by"),
    )
    # Full-text search: Latvian and English text with accents folded; Russian with its stemmer.
    search_lv = models.GeneratedField(
        expression=(
            SearchVector("title_lv", "title_en", weight="A", config=LATVIAN_SEARCH)
            + SearchVector("lead_lv", "lead_en", weight="B", config=LATVIAN_SEARCH)
            + SearchVector("body_lv", "body_en", weight="C", config=LATVIAN_SEARCH)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_ru = models.GeneratedField(
        expression=(
            SearchVector("title_ru", weight="A", config=RUSSIAN_SEARCH)
            + SearchVector("lead_ru", weight="B", config=RUSSIAN_SEARCH)
            + SearchVector("body_ru", weight="C", config=RUSSIAN_SEARCH)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish and schedule articles"))]
        indexes = [
            # Each listing's order is an index, so the newest rows are read first and alone.
            models.Index(fields=["-published_at", "-id"], name="article_published_at"),
            models.Index(
                fields=["section", "-published_at", "-id"], name="article_section_published"
            ),
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(is_featured=True),
                name="article_featured_published",
            ),
            # The few pinned ones: the front page's lead and the cache's next scheduled
            # change look for a pin still running, which was a read of the whole table.
            models.Index(
                fields=["pinned_until"],
                condition=Q(pinned_until__isnull=False),
                name="article_pinned",
            ),
            GinIndex(fields=["search_lv"], name="article_search_lv"),
            GinIndex(fields=["search_ru"], name="article_search_ru"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Keep the row safe and addressable whatever wrote it: admin, import or shell.
        for code, _name in settings.LANGUAGES:
            field = f"body_{code}"
            if getattr(self, field):
                setattr(self, field, self._meta.get_field(field).sanitize(getattr(self, field)))
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:article_detail", kwargs={"day": self.published_on, "slug": self.slug})

    def unique_slug(self):
        """A slug from the Latvian title (ā→a, š→s, …), numbered when already taken."""
        base = slugify(self.title_lv or "")[:190] or "raksts"
        slug, number = base, 2
        while Article.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    @property
    def is_visible_to_readers(self):
        return self.is_published and self.published_at <= timezone.now()

    @property
    def modified_at(self):
        """When readers were last told the article changed (JSON-LD, sitemaps)."""
        return self.revised_at or self.published_at

    @property
    def published_on(self):
        return timezone.localdate(self.published_at)

    def summary(self, words=40):
        """The lead, or the start of the body when there is no lead, as plain text."""
        return self.lead or Truncator(html.unescape(strip_tags(self.body))).words(words)

    def byline(self):
        """The article's authors in the byline's order."""
        return [item.author for item in self.byline_items.all()]

    def sign(self, *authors):
        """Make `authors` the byline, in that order (None and repeats are left out)."""
        self.byline_items.all().delete()
        unique = dict.fromkeys(author for author in authors if author is not None)
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=self, author=author, position=position)
            for position, author in enumerate(unique)
        )

    def gallery_photos(self):
        """The further photos in the editor's order."""
        return [item.photo for item in self.gallery_items.select_related("photo")]

    def add_to_gallery(self, photos):
        """Append `photos` to the further photos, in the order given."""
        last = self.gallery_items.aggregate(last=models.Max("position"))["last"] or 0
        ArticlePhoto.objects.bulk_create(
            ArticlePhoto(article=self, photo=photo, position=last + number)
            for number, photo in enumerate(photos, start=1)
        )

    def neighbours(self):
        """The published articles just before and after this one (either may be None),
        loaded with what a link to them shows: their titles, date and slug.

        One statement of two index probes, over the ORM's own SQL of the published
        articles: as two ORM queries of whole articles, building them cost ten times more
        than running them, on every article page.
        """
        titles = [f"title_{code}" for code, _name in settings.LANGUAGES]
        published = Article.objects.published().order_by().rewrite(False)
        articles, params = sql_of(published.values("id", "slug", "published_at", *titles))
        here = [self.published_at, self.pk]
        found = Article.objects.db_manager(published.db).raw(
            f"""
            WITH article AS NOT MATERIALIZED ({articles})
            (
                SELECT *, 'previous' AS side FROM article WHERE (published_at, id) < (%s, %s)
                ORDER BY published_at DESC, id DESC LIMIT 1
            ) UNION ALL (
                SELECT *, 'next' AS side FROM article WHERE (published_at, id) > (%s, %s)
                ORDER BY published_at, id LIMIT 1
            )
            """,  # noqa: S608 (the query is the ORM's, with its parameters)
            [*params, *here, *here],
        )
        sides = {article.side: article for article in found}
        return Neighbours(sides.get("previous"), sides.get("next"))

    def related(self, count=4):
        """Other published articles of the same section, newest first."""
        return (
            Article.objects.published()
            .for_listing()
            .filter(section_id=self.section_id)
            .exclude(pk=self.pk)[:count]
        )


def byline_prefetch():
    """An article's signatures with their authors, in the byline's order, in one query."""
    return models.Prefetch("byline_items", queryset=ArticleAuthor.objects.select_related("author"))


class ArticlePhoto(models.Model):
    article = models.ForeignKey(Article, models.CASCADE, related_name="gallery_items")
    photo = models.ForeignKey(
        "gallery.Photo", models.PROTECT, related_name="+", verbose_name=_("photo")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("further photos")
        constraints = [
            models.UniqueConstraint(fields=["article", "photo"], name="article_photo_once"),
        ]

    def __str__(self):
        return str(self.photo)


def numbered_slug(model, text, fallback, pk=None):
    """A slug of `model` from `text` (ā→a, š→s, …), numbered when already taken."""
    base = slugify(text or "")[:90] or fallback
    slug, number = base, 2
    while model.objects.filter(slug=slug).exclude(pk=pk).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


class AuthorQuerySet(models.QuerySet):
    def with_published_articles(self):
        """Authors who have signed an article readers can see."""
        return self.filter(
            models.Exists(
                ArticleAuthor.objects.filter(
                    author=OuterRef("pk"), article__in=Article.objects.published()
                )
            )
        )

    def for_byline(self, name, role=""):
        """The author who signs as `name` (the Latvian name), made when there is none yet;
        None for an empty name. Imports call it: one author per distinct name."""
        name = " ".join((name or "").split())[:100]
        if not name:
            return None
        # Importers running side by side (--jobs) meet the same new name: a transaction-level
        # lock on the name makes the second wait for the first's author instead of adding a
        # namesake (or colliding on the slug).
        with transaction.atomic(using=self.db):
            with connections[self.db].cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"author:{name}"])
            author = self.filter(name_lv=name).order_by("pk").first()
            if author is None:
                author = self.create(name_lv=name, role_lv=(role or "")[:100])
        return author


class Author(models.Model):
    """Someone who signs articles: a journalist, or an outside writer (issue 16)."""

    name = models.CharField(
        _("full name"),
        max_length=100,
        help_text=_("As signed, e.g. Inese Kalniņa."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("The author page's address; made from the Latvian name when left empty."),
    )
    role = models.CharField(_("role"), max_length=100, blank=True, help_text=_("E.g. journalist."))
    bio = models.TextField(
        _("short biography"),
        blank=True,
        help_text=_("A sentence or two, shown on the author page."),
    )
    photo = models.ForeignKey(
        "gallery.Photo",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name_lv", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = numbered_slug(Author, self.name_lv, "autors", self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:author_detail", kwargs={"slug": self.slug})

    def published_articles(self):
        return self.articles.published().for_listing()


class ArticleAuthor(models.Model):
    """One name of an article's byline, in the byline's order."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="byline_items")
    author = models.ForeignKey(
        Author, models.PROTECT, related_name="byline_items", verbose_name=_("author")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("byline")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="article_author_once"),
        ]

    def __str__(self):
        return str(self.author)


class TopicQuerySet(models.QuerySet):
    def with_published_articles(self):
        """Topics that readers can find an article in (the topic index)."""
        return self.filter(
            models.Exists(
                Article.topics.through.objects.filter(
                    topic=OuterRef("pk"), article__in=Article.objects.published()
                )
            )
        )


class Topic(models.Model):
    """What articles are about across sections: a town, an election, a festival (issue 16)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("The topic page's address; made from the Latvian name when left empty."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("A sentence or two, shown on the topic page.")
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name_lv", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = numbered_slug(Topic, self.name_lv, "tema", self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:topic_detail", kwargs={"slug": self.slug})

    def published_articles(self):
        return self.articles.published().for_listing()
