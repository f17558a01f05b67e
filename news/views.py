from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from news.forms import SearchForm
from news.models import Article, Section

PER_PAGE = 12
# Lists stop after this many pages; older articles are in the calendar's archives. Counting
# every row of a growing archive on each request would make the pages slower year by year.
MAX_PAGES = 50
FEATURED = 3
PER_SECTION = 4


def paginate(request, queryset, per_page=PER_PAGE):
    """The requested page; 404 for a page past the end or a page number that is not one."""
    paginator = Paginator(queryset[: per_page * MAX_PAGES], per_page)
    number = request.GET.get("page", "1")
    if not (number.isascii() and number.isdecimal() and 1 <= int(number) <= paginator.num_pages):
        raise Http404(_("There is no such page."))
    return paginator.page(int(number))


@require_safe
def front_page(request):
    published = Article.objects.published().for_listing()
    page = paginate(request, published)
    context = {"page_obj": page}
    if page.number == 1:
        front = published.front_page(PER_PAGE, FEATURED, PER_SECTION)
        page.object_list = front.latest  # the same articles as the page's own query would be
        context.update(featured=front.featured, section_blocks=front.sections)
    return render(request, "news/front_page.html", context)


@require_safe
def article_detail(request, day, slug):
    # Editors preview drafts and scheduled articles at their real address.
    articles = Article.objects.all()
    if not request.user.has_perm("news.change_article"):
        articles = articles.published()
    article = get_object_or_404(articles.select_related("section", "main_photo"), slug=slug)
    if article.get_absolute_url() != request.path:
        return redirect(article, permanent=True)
    response = render(request, "news/article_detail.html", {"article": article})
    if not article.is_visible_to_readers:
        add_never_cache_headers(response)
    return response


@require_safe
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(request, section.articles.published().for_listing())
    return render(request, "news/section_detail.html", {"section": section, "page_obj": page})


@require_safe
def archive_day(request, day):
    page = paginate(request, Article.objects.published().for_listing().on_day(day))
    context = {"date": day, "page_obj": page, "calendar_month": day}
    return render(request, "news/archive_day.html", context)


@require_safe
def archive_month(request, month):
    page = paginate(request, Article.objects.published().for_listing().in_month(month))
    context = {"date": month, "page_obj": page, "calendar_month": month}
    return render(request, "news/archive_month.html", context)


@require_safe
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "news/search.html", {"form": form}, status=400)
    page = None
    if query := form.cleaned_data["q"]:
        page = paginate(request, Article.objects.published().for_listing().search(query))
    return render(request, "news/search.html", {"form": form, "query": query, "page_obj": page})
