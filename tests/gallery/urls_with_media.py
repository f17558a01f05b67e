"""The site's URLs plus uploaded media, for browser tests (the live server runs with DEBUG off)."""

from django.conf import settings
from django.urls import path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns


def media(request, path):
    # MEDIA_ROOT is a fresh folder per test, so it is read at request time.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [*site_urlpatterns, path("media/<path:path>", media)]
