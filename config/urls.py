from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from config.converters import DateConverter, MonthConverter
from config.views import health_status, healthz, media
from gallery.sitemaps import PhotoOfTheDaySitemap
from namedays.converters import MonthDayConverter
from namedays.sitemaps import NameDayPagesSitemap, NameDaySitemap
from news import sitemaps

SITEMAPS = {
    "pages": sitemaps.FrontPageSitemap,
    "sections": sitemaps.SectionSitemap,
    "articles": sitemaps.ArticleSitemap,
    "photos": PhotoOfTheDaySitemap,
    "namedays": NameDayPagesSitemap,
    "namedays-dates": NameDaySitemap,
}

register_converter(DateConverter, "date")
register_converter(MonthConverter, "month")
register_converter(MonthDayConverter, "month_day")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("healthz/status", health_status, name="health_status"),
    path(settings.ADMIN_URL, admin.site.urls),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt", content_type="text/plain", http_method_names=["get", "head"]
        ),
        name="robots_txt",
    ),
    path(
        "sitemap.xml",
        require_safe(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        require_safe(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "news-sitemap.xml",
        require_safe(sitemap_views.sitemap),
        {"sitemaps": {"news": sitemaps.NewsSitemap}, "template_name": "news/sitemap_news.xml"},
        name="news_sitemap",
    ),
]

# Reader pages: Latvian at /, Russian at /ru/, English at /en/.
urlpatterns += i18n_patterns(
    path("dienas-foto/", include("gallery.urls")),
    path("aptaujas/", include("polls.urls")),
    path("", include("news.urls")),
    path("vardadienas/", include("namedays.urls")),
    path("lapas/", include("pages.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, view=media)
