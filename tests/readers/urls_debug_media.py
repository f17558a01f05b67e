"""The site's URLs with media served by the app, as config/urls.py has them under DEBUG."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from config.views import media

urlpatterns = [*site_urlpatterns, path("media/<path:path>", media)]
