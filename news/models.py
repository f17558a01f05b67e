import datetime
import html
import typing

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connections, models
from django.db.models import Func, Min, OuterRef, Q
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


class Section(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(
        _("position in the menu"), default=0, help_text=_("Smaller numbers come first.")
    )

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
    headlines."""

    section: Section
    articles: list

    @property
    def lead(self):
        return self.articles[0]

    @property
    def headlines(self):
        return self.articles[1:]


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

    def for_feed(self):
        """What feed items show: the summary falls back to the body; the main photo is
        enclosed."""
        return self.select_related("section", "main_photo").defer("search_lv", "search_ru")

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
        articles, params = (
            self.order_by().values("published_at").query.get_compiler(self.db).as_sql()
        )
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

    def front_page(self, latest, featured, per_section):
        """The front page's articles, from one query, each story once (see FrontPage).

        The lead is the pinned article while its pin lasts, else the newest featured one
        (or the newest of all when none is featured), then up to `featured` - 1 more
        featured ones, then the newest `latest`
        not yet shown, then the newest `per_section` of every section not yet shown. What
        the front page can show is among the newest `latest + featured` articles, the
        newest `featured` featured ones and the newest `per_section + latest + featured` of
        each section, so one query reads them all and the parts are picked from that list.
        """
        newest = self.order_by("-published_at", "-pk").values("pk")
        in_section = newest.filter(section=OuterRef("pk"))
        section_ids = Section.objects.annotate(
            newest_id=Func(
                ArraySubquery(in_section[: per_section + latest + featured]),
                function="unnest",
                output_field=models.BigIntegerField(),
            )
        ).values("newest_id")
        articles = list(
            self.filter(
                pk__in=newest[: latest + featured].union(
                    newest.filter(is_featured=True)[:featured],
                    newest.filter(pinned_until__gt=timezone.now())[:1],
                    section_ids,
                )
            ).order_by("-published_at", "-pk")
        )
        # A pinned article leads while its pin lasts, above newer featured ones.
        now = timezone.now()
        pinned = [a for a in articles if a.pinned_until and a.pinned_until > now][:1]
        top = pinned + [a for a in articles if a.is_featured and a not in pinned]
        top = top[:featured] or articles[:1]
        shown = {article.pk for article in top}
        newest_rest = [article for article in articles if article.pk not in shown][:latest]
        shown.update(article.pk for article in newest_rest)
        by_section = {}
        for article in articles:
            if article.pk not in shown:
                found = by_section.setdefault(article.section_id, [])
                if len(found) < per_section:
                    found.append(article)
        blocks = [SectionBlock(found[0].section, found) for found in by_section.values()]
        blocks.sort(key=lambda block: (block.section.position, block.section.pk))
        return FrontPage(
            lead=top[0] if top else None,
            featured=top[1:],
            latest=newest_rest,
            sections=blocks,
        )

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
    author = models.CharField(
        _("author"), max_length=100, blank=True, help_text=_("As signed, e.g. Inese Kalniņa.")
    )
    author_role = models.CharField(
        _("author's role"), max_length=100, blank=True, help_text=_("E.g. journalist.")
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

    def previous_article(self):
        """The published article just before this one, or None."""
        return (
            Article.objects.published()
            .filter(
                Q(published_at__lt=self.published_at)
                | Q(published_at=self.published_at, pk__lt=self.pk)
            )
            .order_by("-published_at", "-pk")
            .first()
        )

    def next_article(self):
        """The published article just after this one, or None."""
        return (
            Article.objects.published()
            .filter(
                Q(published_at__gt=self.published_at)
                | Q(published_at=self.published_at, pk__gt=self.pk)
            )
            .order_by("published_at", "pk")
            .first()
        )

    def related(self, count=4):
        """Other published articles of the same section, newest first."""
        return (
            Article.objects.published()
            .for_listing()
            .filter(section_id=self.section_id)
            .exclude(pk=self.pk)[:count]
        )


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
