from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from config.pagination import paginate
from news.forms import SearchForm
from news.models import Article, Author, Section, Topic
from news.teasers import front_page_parts, list_cards

PER_PAGE = 12
# Lists stop after this many pages; older articles are in the calendar's archives. Counting
# every row of a growing archive on each request would make the pages slower year by year.
MAX_PAGES = 50
# The front page: the lead and two more top stories, six latest, three of each section.
FEATURED = 3
LATEST = 6
PER_SECTION = 3


def listing(request, articles):
    """The requested page of a list of articles, as their ids: the teasers come from
    list_cards(), mostly from the cache."""
    ids = articles.rewrite(False).values_list("pk", flat=True)
    return paginate(request, ids, PER_PAGE, max_pages=MAX_PAGES)


@require_safe
def front_page(request):
    published = Article.objects.published().for_listing()
    page = listing(request, published)
    context = {"page_obj": page}
    if page.number == 1:
        context["front"] = front_page_parts(published, LATEST, FEATURED, PER_SECTION)
    else:
        context["cards"] = list_cards(page)
    return render(request, "news/front_page.html", context)


@require_safe
def article_detail(request, day, slug):
    articles = Article.objects.for_reader(request.user).for_detail()
    article = get_object_or_404(articles, slug=slug)
    if article.get_absolute_url() != request.path:
        return redirect(article, permanent=True)
    related = list_cards(article.related().rewrite(False).values_list("pk", flat=True))
    context = {"article": article, "related_cards": related}
    response = render(request, "news/article_detail.html", context)
    if not article.is_visible_to_readers:
        add_never_cache_headers(response)
    return response


@require_safe
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = listing(request, section.articles.published())
    context = {"section": section, "page_obj": page, "cards": list_cards(page)}
    return render(request, "news/section_detail.html", context)


@require_safe
def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    page = listing(request, author.published_articles())
    context = {"author": author, "page_obj": page, "cards": list_cards(page)}
    return render(request, "news/author_detail.html", context)


@require_safe
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    page = listing(request, topic.published_articles())
    context = {"topic": topic, "page_obj": page, "cards": list_cards(page)}
    return render(request, "news/topic_detail.html", context)


@require_safe
def topic_list(request):
    topics = Topic.objects.with_published_articles()
    return render(request, "news/topic_list.html", {"topics": topics})


@require_safe
def archive_day(request, day):
    """The day page: that day's articles, and (through gallery's and namedays' template
    tags) its photo of the day and name days. A day still to come in Riga has none."""
    if day > timezone.localdate():
        raise Http404("A day still to come.")
    page = listing(request, Article.objects.published().on_day(day))
    context = {"date": day, "page_obj": page, "cards": list_cards(page), "calendar_month": day}
    return render(request, "news/archive_day.html", context)


@require_safe
def archive_month(request, month):
    page = listing(request, Article.objects.published().in_month(month))
    context = {"date": month, "page_obj": page, "cards": list_cards(page)}
    context["calendar_month"] = month
    return render(request, "news/archive_month.html", context)


@require_safe
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "news/search.html", {"form": form}, status=400)
    page = None
    if query := form.cleaned_data["q"]:
        articles = Article.objects.published().for_listing().search(query)
        # Only the newest matches are ranked (news.search.SEARCH_RANKED), so the list has
        # an end already: counted whole, the count leaves out the ranking and the
        # highlighting, which a count of the first pages' slice would compute for each.
        page = paginate(request, articles, PER_PAGE)
    return render(request, "news/search.html", {"form": form, "query": query, "page_obj": page})
