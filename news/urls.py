from django.urls import path
from django.views.decorators.http import require_safe

from news import feeds, views

app_name = "news"

# Feeds, like the views, answer GET and HEAD only (Feed itself serves any method).
urlpatterns = [
    path("", views.front_page, name="front_page"),
    path(
        "zinas/<date:day>/<slug:slug>/",
        views.article_detail,
        name="article_detail",
    ),
    path("zinas/<date:day>/", views.archive_day, name="archive_day"),
    path("zinas/<month:month>/", views.archive_month, name="archive_month"),
    path("rubrikas/<slug:slug>/", views.section_detail, name="section_detail"),
    path("rubrikas/<slug:slug>/rss/", require_safe(feeds.SectionFeed()), name="section_feed"),
    path("autori/<slug:slug>/", views.author_detail, name="author_detail"),
    path("autori/<slug:slug>/rss/", require_safe(feeds.AuthorFeed()), name="author_feed"),
    path("temas/", views.topic_list, name="topic_list"),
    path("temas/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("temas/<slug:slug>/rss/", require_safe(feeds.TopicFeed()), name="topic_feed"),
    path("meklet/", views.search, name="search"),
    path("rss/", require_safe(feeds.LatestArticlesFeed()), name="feed"),
]
