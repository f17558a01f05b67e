from django.urls import path
from django.views.decorators.http import require_safe

from gallery import feeds, views

app_name = "gallery"

# Included under "dienas-foto/" ("photo of the day") in config/urls.py.
urlpatterns = [
    path("", views.latest, name="latest"),
    path("<date:day>/", views.photo_of_the_day, name="photo_of_the_day"),
    path("<month:month>/", views.archive_month, name="archive_month"),
    path("rss/", require_safe(feeds.PhotoOfTheDayFeed()), name="feed"),
]
