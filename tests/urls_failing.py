"""The site's URLs plus one view that fails, to see the 500 page as a reader would."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def failing(request):
    raise RuntimeError("A bug in a view")


urlpatterns = [*site_urlpatterns, *i18n_patterns(path("failing/", failing))]
